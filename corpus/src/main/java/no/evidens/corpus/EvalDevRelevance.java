package no.evidens.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The judged query set of search relevance on real report text: auditor queries on the excerpts of
 * {@code ../shared/eval-dev} rendered as a bundle, each with the pooled passages graded 0–3. The project
 * holds no text of the excerpts: a judgement names the excerpt's file number, a character offset into the
 * normalised text of its rendered document (inside the judged passage) and a check of the text there. The
 * judgements ({@value #FILE}) are in the gold folder (the repository's {@code gold/}). See {@code relevance/real-text-judgements.md} for the format, how the pool was made and graded, and the split.
 */
public final class EvalDevRelevance {
    /** The judgements' file name in the gold folder. */
    public static final String FILE = "eval-dev-judgements.txt";
    /** keyword: the words an auditor types; natural: a phrase or question; variant: Nynorsk, synonym or abbreviation. */
    public static final List<String> KINDS = List.of("keyword", "natural", "variant");

    /**
     * One graded passage.
     *
     * @param grade  0 not relevant, 1 marginally relevant, 2 relevant, 3 answers the need
     * @param file   the excerpt's file name without {@code .txt} ({@code 072})
     * @param offset a character offset into the normalised text of its document, inside the passage
     * @param check  the first 8 hex digits of the SHA-1 of the 32 characters from {@code offset} (fewer at the end)
     */
    public record Judgement(int grade, String file, int offset, String check) {
        public Judgement {
            if (grade < 0 || grade > 3) {
                throw new IllegalArgumentException("grade must be 0 to 3, was " + grade);
            }
        }
    }

    /**
     * One query.
     *
     * @param id    r01, r02, …
     * @param kind  one of {@link #KINDS}
     * @param split dev (looked at while tuning) or test (only measured)
     */
    public record Query(String id, String kind, String language, String split, String text, String need,
                        List<Judgement> judgements) {
        public Query {
            judgements = List.copyOf(judgements);
        }
    }

    private EvalDevRelevance() {
    }

    /**
     * The split of a query by its number: of r01–r48, 1, 2, 3 of every five are dev, 4 and 5 test (60/40);
     * r101 and above (queries added to enlarge dev, issue 20's fifth round) are all dev, so the test split stays as it was.
     */
    public static String splitOf(String id) {
        int n = Integer.parseInt(id.substring(1));
        if (n > 100) {
            return "dev";
        }
        int r = n % 5;
        return r == 1 || r == 2 || r == 3 ? "dev" : "test";
    }

    public static List<Query> load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses the judgements; throws with the line number on anything malformed.
     *
     * <pre>
     *   query r01 | keyword | nb | dev | kvalifiseringsprogram
     *   need: What did audits find about the qualification programme?
     *   3 | 072 | 1234 | 0a1b2c3d
     * </pre>
     */
    public static List<Query> parse(String name, String content) {
        List<Query> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JudgementFile.Block b : JudgementFile.blocks(name, content, 5, 4, "query <id> | <kind> | <nb|nn> | <dev|test> | <query>")) {
            JudgementFile.Line head = b.head();
            String id = head.cell(0);
            if (!ids.add(id) || !id.matches("r\\d+")) {
                throw new IllegalArgumentException(head.where() + "query id " + id + " used twice or not r<number>");
            }
            if (!KINDS.contains(head.cell(1))) {
                throw new IllegalArgumentException(head.where() + "kind must be one of " + KINDS + ", was " + head.cell(1));
            }
            if (!head.cell(2).equals("nb") && !head.cell(2).equals("nn")) {
                throw new IllegalArgumentException(head.where() + "language must be nb or nn, was " + head.cell(2));
            }
            if (!head.cell(3).equals(splitOf(id))) {
                throw new IllegalArgumentException(head.where() + "query " + id + " belongs to split " + splitOf(id));
            }
            List<Judgement> judgements = new ArrayList<>();
            for (JudgementFile.Line c : b.judgements()) {
                try {
                    judgements.add(new Judgement(Integer.parseInt(c.cell(0)), c.cell(1), Integer.parseInt(c.cell(2)), c.cell(3)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(c.where() + "expected '<grade 0-3> | <file> | <offset> | <check>', got " + c.text(), e);
                }
            }
            out.add(new Query(id, head.cell(1), head.cell(2), head.cell(3), head.cell(4), b.need(), judgements));
        }
        return List.copyOf(out);
    }
}

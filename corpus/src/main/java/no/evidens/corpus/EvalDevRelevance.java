package no.evidens.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The judged query set of search relevance on real report text: auditor queries on the excerpts of
 * {@code ../shared/eval-dev} rendered as a bundle, each with the pooled passages graded 0–3. The project
 * holds no text of the excerpts: a judgement names the excerpt's file number, a character offset into the
 * normalised text of its rendered document (inside the judged passage) and a check of the text there.
 * See {@code relevance/eval-dev/README.md} for the format, how the pool was made and graded, and the split.
 */
public final class EvalDevRelevance {
    public static final String RESOURCE = "relevance/eval-dev/judgements.txt";
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

    /** The split of a query by its number: 1, 2, 3 of every five are dev, 4 and 5 test (60/40). */
    public static String splitOf(String id) {
        int n = Integer.parseInt(id.substring(1));
        int r = n % 5;
        return r == 1 || r == 2 || r == 3 ? "dev" : "test";
    }

    public static List<Query> load() {
        try (InputStream in = EvalDevRelevance.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource on the classpath: " + RESOURCE);
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
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
        String[] head = null;
        String need = "";
        List<Judgement> judgements = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            String where = name + " line " + (n + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("query ")) {
                if (head != null) {
                    out.add(new Query(head[0], head[1], head[2], head[3], head[4], need, judgements));
                }
                head = cells(line.substring("query ".length()), 5, where);
                if (!ids.add(head[0]) || !head[0].matches("r\\d+")) {
                    throw new IllegalArgumentException(where + "query id " + head[0] + " used twice or not r<number>");
                }
                if (!KINDS.contains(head[1])) {
                    throw new IllegalArgumentException(where + "kind must be one of " + KINDS + ", was " + head[1]);
                }
                if (!head[2].equals("nb") && !head[2].equals("nn")) {
                    throw new IllegalArgumentException(where + "language must be nb or nn, was " + head[2]);
                }
                if (!head[3].equals(splitOf(head[0]))) {
                    throw new IllegalArgumentException(where + "query " + head[0] + " belongs to split " + splitOf(head[0]));
                }
                need = "";
                judgements = new ArrayList<>();
            } else if (head == null) {
                throw new IllegalArgumentException(where + "expected 'query <id> | <kind> | <nb|nn> | <dev|test> | <query>'");
            } else if (line.startsWith("need:")) {
                need = line.substring("need:".length()).strip();
            } else {
                String[] c = cells(line, 4, where);
                try {
                    judgements.add(new Judgement(Integer.parseInt(c[0]), c[1], Integer.parseInt(c[2]), c[3]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "expected '<grade 0-3> | <file> | <offset> | <check>', got " + line, e);
                }
            }
        }
        if (head != null) {
            out.add(new Query(head[0], head[1], head[2], head[3], head[4], need, judgements));
        }
        return List.copyOf(out);
    }

    private static String[] cells(String line, int count, String where) {
        String[] c = line.split("\\|", count);
        if (c.length != count) {
            throw new IllegalArgumentException(where + "expected " + count + " cells separated by '|', got " + line);
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i].strip();
            if (c[i].isEmpty()) {
                throw new IllegalArgumentException(where + "cell " + (i + 1) + " is empty");
            }
        }
        return c;
    }
}

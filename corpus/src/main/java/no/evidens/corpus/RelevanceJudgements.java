package no.evidens.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The judged query set of search relevance: auditor-style queries (Bokmål and Nynorsk) on the Fjordvik
 * sample bundle, each with graded relevant text. A judgement names a file of the bundle and an exact
 * excerpt of one sentence in it, not a passage number: the evaluation finds the indexed passage that
 * contains the excerpt, whatever the passage builder made of the paragraph. See
 * {@code relevance/README.md} for the format and how the judgements were made.
 */
public final class RelevanceJudgements {
    /** The judgements on the classpath. */
    public static final String RESOURCE = "relevance/judgements.txt";
    public static final Set<String> LANGUAGES = Set.of("nb", "nn");
    public static final Set<String> SPLITS = Set.of("dev", "test");

    /**
     * One graded piece of relevant text.
     *
     * @param grade   3 = answers the need (what an auditor would quote), 2 = relevant, 1 = marginally relevant
     * @param file    path of the file in the bundle
     * @param excerpt exact text inside one sentence of that file's normalised text
     */
    public record Judgement(int grade, String file, String excerpt) {
        public Judgement {
            if (grade < 1 || grade > 3) {
                throw new IllegalArgumentException("grade must be 1, 2 or 3, was " + grade);
            }
            if (file.isBlank() || excerpt.isBlank()) {
                throw new IllegalArgumentException("a judgement needs a file and an excerpt");
            }
        }
    }

    /**
     * One query with its judgements.
     *
     * @param id       q01, q02, …
     * @param language nb (Bokmål) or nn (Nynorsk): the language the query is typed in
     * @param split    dev (may be looked at while improving search) or test (only measured)
     * @param text     the query, in the Evidens query language
     * @param need     the information need behind it, in English
     */
    public record Query(String id, String language, String split, String text, String need, List<Judgement> judgements) {
        public Query {
            judgements = List.copyOf(judgements);
        }
    }

    private RelevanceJudgements() {
    }

    /** The project's judged query set. */
    public static List<Query> load() {
        return parse(RESOURCE, JudgementFile.read(RESOURCE));
    }

    /**
     * Parses judgements; throws with the line number on anything malformed.
     *
     * <pre>
     *   # comment
     *   query q01 | nb | dev | barnevern samarbeid NAV
     *   need: How do child welfare and NAV work together?
     *   3 | styringsdokumenter/samarbeidsplan.pdf | exact text inside one sentence
     * </pre>
     */
    public static List<Query> parse(String name, String content) {
        List<Query> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JudgementFile.Block b : JudgementFile.blocks(name, content, 4, 3, "query <id> | <nb|nn> | <dev|test> | <query>")) {
            JudgementFile.Line head = b.head();
            if (!ids.add(head.cell(0))) {
                throw new IllegalArgumentException(head.where() + "query id " + head.cell(0) + " used twice");
            }
            if (!LANGUAGES.contains(head.cell(1))) {
                throw new IllegalArgumentException(head.where() + "language must be nb or nn, was " + head.cell(1));
            }
            if (!SPLITS.contains(head.cell(2))) {
                throw new IllegalArgumentException(head.where() + "split must be dev or test, was " + head.cell(2));
            }
            if (b.judgements().isEmpty()) {
                throw new IllegalArgumentException(name + ": query " + head.cell(0) + " has no judgements");
            }
            List<Judgement> judgements = new ArrayList<>();
            for (JudgementFile.Line c : b.judgements()) {
                judgements.add(judgement(c));
            }
            out.add(new Query(head.cell(0), head.cell(1), head.cell(2), head.cell(3), b.need(), judgements));
        }
        return List.copyOf(out);
    }

    private static Judgement judgement(JudgementFile.Line c) {
        int grade;
        try {
            grade = Integer.parseInt(c.cell(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(c.where() + "expected '<grade> | <file> | <excerpt>', got " + c.text(), e);
        }
        try {
            return new Judgement(grade, c.cell(1), c.cell(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.where() + e.getMessage(), e);
        }
    }
}

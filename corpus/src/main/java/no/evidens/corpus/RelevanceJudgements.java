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
        try (InputStream in = RelevanceJudgements.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource on the classpath: " + RESOURCE);
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
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
                    out.add(query(name, head, need, judgements));
                }
                head = cells(line.substring("query ".length()), 4, where);
                if (!ids.add(head[0])) {
                    throw new IllegalArgumentException(where + "query id " + head[0] + " used twice");
                }
                if (!LANGUAGES.contains(head[1])) {
                    throw new IllegalArgumentException(where + "language must be nb or nn, was " + head[1]);
                }
                if (!SPLITS.contains(head[2])) {
                    throw new IllegalArgumentException(where + "split must be dev or test, was " + head[2]);
                }
                need = "";
                judgements = new ArrayList<>();
            } else if (head == null) {
                throw new IllegalArgumentException(where + "expected 'query <id> | <nb|nn> | <dev|test> | <query>'");
            } else if (line.startsWith("need:")) {
                need = line.substring("need:".length()).strip();
            } else {
                String[] c = cells(line, 3, where);
                int grade;
                try {
                    grade = Integer.parseInt(c[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "expected '<grade> | <file> | <excerpt>', got " + line, e);
                }
                try {
                    judgements.add(new Judgement(grade, c[1], c[2]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + e.getMessage(), e);
                }
            }
        }
        if (head != null) {
            out.add(query(name, head, need, judgements));
        }
        return List.copyOf(out);
    }

    private static Query query(String name, String[] head, String need, List<Judgement> judgements) {
        if (judgements.isEmpty()) {
            throw new IllegalArgumentException(name + ": query " + head[0] + " has no judgements");
        }
        return new Query(head[0], head[1], head[2], head[3], need, judgements);
    }

    /** Splits on '|' into exactly {@code count} non-empty cells (the last may itself hold '|'). */
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

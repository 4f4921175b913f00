package no.evidens.evaluation.extraction;

/**
 * Word error rate: the word-level edit distance (substitutions, insertions, deletions) between the
 * expected and the actual text, over the number of expected words. Written here because the
 * libraries on the classpath offer character-level distances only.
 */
public record WordErrorRate(int errors, int words) {

    public static WordErrorRate of(String expected, String actual) {
        String[] e = words(expected);
        String[] a = words(actual);
        int[] prev = new int[a.length + 1];
        int[] cur = new int[a.length + 1];
        for (int j = 0; j <= a.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= e.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= a.length; j++) {
                int sub = prev[j - 1] + (e[i - 1].equals(a[j - 1]) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return new WordErrorRate(prev[a.length], e.length);
    }

    /**
     * The word differences of {@code actual} against {@code expected}, each as {@code expected → actual}
     * with a word of context ({@code ∅} for nothing), at most {@code max} of them: what to look at when
     * the rate goes up.
     */
    public static java.util.List<String> differences(String expected, String actual, int max) {
        String[] e = words(expected);
        String[] a = words(actual);
        int[][] d = new int[e.length + 1][a.length + 1];
        for (int i = 0; i <= e.length; i++) {
            for (int j = 0; j <= a.length; j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(d[i - 1][j - 1] + (e[i - 1].equals(a[j - 1]) ? 0 : 1),
                        Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        java.util.LinkedList<String> out = new java.util.LinkedList<>();
        int i = e.length;
        int j = a.length;
        StringBuilder exp = new StringBuilder();
        StringBuilder act = new StringBuilder();
        while (i > 0 || j > 0) {
            boolean same = i > 0 && j > 0 && e[i - 1].equals(a[j - 1]) && d[i][j] == d[i - 1][j - 1];
            if (same) {
                if (exp.length() + act.length() > 0) {
                    out.addFirst(e[i - 1] + " [" + (exp.length() == 0 ? "∅" : exp.toString().strip()) + " → "
                            + (act.length() == 0 ? "∅" : act.toString().strip()) + "]");
                    exp.setLength(0);
                    act.setLength(0);
                }
                i--;
                j--;
            } else if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + 1) {
                exp.insert(0, e[--i] + " ");
                act.insert(0, a[--j] + " ");
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                exp.insert(0, e[--i] + " ");
            } else {
                act.insert(0, a[--j] + " ");
            }
        }
        if (exp.length() + act.length() > 0) {
            out.addFirst("[" + (exp.length() == 0 ? "∅" : exp.toString().strip()) + " → "
                    + (act.length() == 0 ? "∅" : act.toString().strip()) + "]");
        }
        return out.subList(0, Math.min(max, out.size()));
    }

    private static String[] words(String text) {
        String t = text.strip();
        // Any Unicode white space separates words (NBSP too, which the source texts use after "1.").
        return t.isEmpty() ? new String[0] : t.split("(?U)\\s+");
    }

    public WordErrorRate plus(WordErrorRate other) {
        return new WordErrorRate(errors + other.errors, words + other.words);
    }

    public double rate() {
        return words == 0 ? 0 : (double) errors / words;
    }
}

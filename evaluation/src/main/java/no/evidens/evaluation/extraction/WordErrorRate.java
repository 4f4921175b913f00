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

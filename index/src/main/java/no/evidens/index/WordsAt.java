package no.evidens.index;

import java.io.IOException;

/**
 * A query's words scored at chosen entries in increasing order, as Lucene's scorer of the same words scores them,
 * with a bound per block of entries ({@link DisjunctionAt} for one word's fields, {@link ConjunctionAt} for required
 * words). The hits a search already counted ({@link KnownHitsScorer}) are looked up this way.
 */
interface WordsAt {
    /** What {@link #score} answers for an entry the words do not match or that cannot reach the page. */
    float NONE = -1f;

    /**
     * The most the words can score at {@code doc} and the entries after it up to {@link #blockEnd()}. Entries are
     * asked about in increasing order.
     */
    float maxScore(int doc) throws IOException;

    /** The last entry the bound of the last {@link #maxScore} call holds for. */
    int blockEnd();

    /**
     * The words' score at {@code doc} (after {@link #maxScore} for it), or {@link #NONE} when they do not match it or
     * when its score plus {@code bonus} is sure to stay below {@code minScore} (float additions round monotonically).
     */
    float score(int doc, float bonus, float minScore) throws IOException;

    /**
     * Fills {@code order} with the indexes {@code 0 … n-1} by block maximum, highest first (stable; a handful of
     * words or clauses: insertion sort), so that scoring can stop once the rest cannot lift an entry to the page.
     */
    static void highestFirst(float[] maxima, int[] order, int n) {
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && maxima[order[j - 1]] < maxima[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
    }

    /**
     * Whether an entry scored {@code sum} so far, with the block maxima of the words {@code order[from … n-1]} still to
     * come and its {@code bonus}, is sure to stay below {@code minScore} (never when there is no page bound yet).
     */
    static boolean belowPage(double sum, float[] maxima, int[] order, int from, int n, float bonus, float minScore) {
        if (minScore <= 0) {
            return false;
        }
        return (float) (sum + rest(maxima, order, from, n)) + bonus < minScore;
    }

    /** The sum of the block maxima of the words or clauses still to come: {@code order[from]} to {@code order[n - 1]}. */
    static double rest(float[] maxima, int[] order, int from, int n) {
        double rest = 0;
        for (int r = from; r < n; r++) {
            rest += maxima[order[r]];
        }
        return rest;
    }
}

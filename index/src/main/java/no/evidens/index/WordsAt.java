package no.evidens.index;

import java.io.IOException;

/**
 * A query's words scored at chosen entries in increasing order, as Lucene's scorer of the same words scores them,
 * with a bound per block of entries ({@link DisjunctionAt} for one word's fields, {@link ConjunctionAt} for required
 * words). The entries with a bonus ({@link PriorBulkScorer}) and the hits a search already counted ({@link
 * KnownHitsScorer}) are looked up this way.
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
}

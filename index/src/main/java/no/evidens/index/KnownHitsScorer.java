package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Scores a search's words at the hits it already counted ({@link KnownHits}) for its page, instead of finding the hits
 * again: the known hits are walked in their bit set, a block of them whose words' block maxima cannot reach the page's
 * lowest score is passed over, and each other hit is scored by {@link WordsAt}. For required words this replaces
 * Lucene's conjunction, which advances every word's postings in turn to find the entries all of them hold. Lucene's
 * bulk scorers take no set of candidates, hence this class.
 */
final class KnownHitsScorer extends BulkScorer {
    /** Opens the words in the segment (null when they match nothing there). */
    interface Words {
        WordsAt open() throws IOException;
    }

    private final FixedBitSet known;
    private final Words words;

    /** @param known every entry of the segment the words match (a superset is fine: an entry they do not match is left out) */
    KnownHitsScorer(FixedBitSet known, Words words) {
        this.known = known;
        this.words = words;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
        int doc = next(min);
        if (doc >= max) {
            return doc;
        }
        WordsAt at = words.open();
        if (at == null) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        Hit hit = new Hit();
        collector.setScorer(hit);
        while (doc < max) {
            if (acceptDocs != null && !acceptDocs.get(doc)) {
                doc = next(doc + 1);
                continue;
            }
            if (hit.minScore > 0 && at.maxScore(doc) < hit.minScore) {
                // no hit up to the block's end reaches the page
                int end = at.blockEnd();
                doc = end == DocIdSetIterator.NO_MORE_DOCS ? end : next(end + 1);
                continue;
            }
            float score = at.score(doc, 0f, hit.minScore);
            if (score != WordsAt.NONE) {
                hit.doc = doc;
                hit.score = score;
                collector.collect(doc);
            }
            doc = next(doc + 1);
        }
        return doc;
    }

    /** The first known hit at or after {@code doc}. */
    private int next(int doc) {
        return doc >= known.length() ? DocIdSetIterator.NO_MORE_DOCS : known.nextSetBit(doc);
    }

    @Override
    public long cost() {
        return known.cardinality();
    }

    /** The hit being collected, and the lowest score the page still takes. */
    private static final class Hit extends Scorable {
        private int doc = -1;
        private float score;
        private float minScore;

        @Override
        public float score() {
            return score;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public void setMinCompetitiveScore(float minScore) {
            this.minScore = minScore;
        }
    }
}

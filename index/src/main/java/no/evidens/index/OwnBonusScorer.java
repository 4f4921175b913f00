package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Scores {@link PriorQuery} in one segment for the top hits by score when its search already counted the hits ({@link
 * KnownHits}), each hit bounded by its own bonus, in two streams merged in entry order: the hits without a bonus come
 * from the words' own top-level bulk scorer (Lucene's {@code MaxScoreBulkScorer} for a word in its fields), told the
 * page's lowest score itself, so that it skips by the words' block maxima as tightly as a search without bonuses; the
 * known hits holding a bonus ({@link BonusDocs}, about one hit in fourteen) are looked up one by one in scorers of
 * their own ({@link DisjunctionAt}), passed over where the block maxima of the fields they hold plus their own bonus
 * cannot reach the page (found without decoding their term frequencies), and scored no further than their words plus
 * their bonus can still reach it.
 * <p>
 * Why not the one walk of {@link PriorBulkScorer}: Lucene's scorer can be told one bound for every hit only, the
 * page's lowest score less the largest bonus, so it scored the other fields of nearly every hit; bounded by the page
 * alone (wrong answers, a measurement only) a one-word search took 0.76 of its time on the 1 M-passage bench (README,
 * Scale, seventeenth round). Lucene's bulk scorers take no bound per entry, hence this class.
 * <p>
 * The same hits and floats as {@link PriorBulkScorer}: a hit's score is its words' score, plus, as one float addition,
 * its bonuses' value; the words' score at a bonus hit is its fields' scores summed in a double and cast to float, as
 * Lucene's scorer sums them (the same float, see {@link DisjunctionAt}). The collector gets the hits in entry order,
 * as from one walk, so ties are broken as before.
 */
final class OwnBonusScorer extends BulkScorer {
    /** Opens one word's fields in the segment (null when they match nothing there). */
    interface Opener {
        DisjunctionAt open() throws IOException;
    }

    private final BulkScorer words;
    private final FixedBitSet known;
    private final BonusDocs bonuses;
    /** The score a combination of bonuses adds, by its bit mask ({@link PriorBulkScorer#values}). */
    private final float[] values;
    private final float maxValue;
    private final Opener bonusWords;

    /**
     * @param words      the words' top-level bulk scorer in the segment
     * @param known      every entry of the segment the words match (a superset is fine: an entry they do not match is
     *                   left out)
     * @param bonuses    the bonuses' entries in the segment
     * @param values     what each combination of the bonuses adds, by its mask
     * @param bonusWords opens the words in the segment again, for the hits holding a bonus
     */
    OwnBonusScorer(BulkScorer words, FixedBitSet known, BonusDocs bonuses, float[] values, Opener bonusWords) {
        this.words = words;
        this.known = known;
        this.bonuses = bonuses;
        this.values = values;
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        this.maxValue = max;
        this.bonusWords = bonusWords;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
        Merged merged = new Merged(collector, acceptDocs, max);
        merged.nextHeld = nextHeld(min);
        int next = words.score(merged, acceptDocs, min, max);
        merged.heldBefore(max);
        // the words' scorer tells where it stopped; a hit with a bonus after max is left for the next call
        return Math.min(next, merged.nextHeld);
    }

    @Override
    public long cost() {
        return words.cost();
    }

    /** The first known hit holding a bonus at or after {@code doc}: the two bit sets' words and-ed, 64 entries at a time. */
    private int nextHeld(int doc) {
        FixedBitSet any = bonuses.any();
        int length = Math.min(known.length(), any.length());
        if (doc >= length) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        long[] k = known.getBits();
        long[] a = any.getBits();
        int i = doc >> 6;
        long word = (k[i] & a[i]) >>> doc;
        if (word != 0) {
            int found = doc + Long.numberOfTrailingZeros(word);
            return found < length ? found : DocIdSetIterator.NO_MORE_DOCS;
        }
        int last = (length - 1) >> 6;
        while (++i <= last) {
            word = k[i] & a[i];
            if (word != 0) {
                int found = (i << 6) + Long.numberOfTrailingZeros(word);
                return found < length ? found : DocIdSetIterator.NO_MORE_DOCS;
            }
        }
        return DocIdSetIterator.NO_MORE_DOCS;
    }

    /**
     * Hands the collector the words' hits without a bonus as the words' scorer finds them, and before each, the hits
     * with a bonus that come before it.
     */
    private final class Merged extends Scorable implements LeafCollector {
        private final LeafCollector collector;
        private final Bits acceptDocs;
        private final int max;
        private Scorable wordsScorer;
        private boolean scorerSet;
        private DisjunctionAt at;
        private boolean opened;
        /** The next known hit holding a bonus not handed on or passed over yet. */
        private int nextHeld;
        private float minScore;
        private int doc = -1;
        /** The score of {@link #doc} when it holds a bonus; NaN when the words' scorer's score stands. */
        private float heldScore = Float.NaN;

        Merged(LeafCollector collector, Bits acceptDocs, int max) {
            this.collector = collector;
            this.acceptDocs = acceptDocs;
            this.max = max;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            wordsScorer = scorer;
            if (minScore > 0) {
                wordsScorer.setMinCompetitiveScore(minScore);
            }
            if (!scorerSet) {
                scorerSet = true;
                collector.setScorer(this);
            }
        }

        @Override
        public void collect(int hit) throws IOException {
            heldBefore(hit);
            if (hit < bonuses.any().length() && bonuses.any().get(hit)) {
                return; // the bonus stream has it
            }
            doc = hit;
            heldScore = Float.NaN;
            collector.collect(hit);
        }

        /** Hands on (or passes over) the known hits holding a bonus before {@code end}. */
        void heldBefore(int end) throws IOException {
            int limit = Math.min(end, max);
            while (nextHeld < limit) {
                int h = nextHeld;
                nextHeld = h + 1 >= known.length() ? DocIdSetIterator.NO_MORE_DOCS : nextHeld(h + 1);
                if (acceptDocs != null && !acceptDocs.get(h)) {
                    continue;
                }
                if (!opened) {
                    opened = true;
                    at = bonusWords.open();
                }
                if (at == null) {
                    nextHeld = DocIdSetIterator.NO_MORE_DOCS;
                    return;
                }
                float bonus = values[bonuses.mask(h)];
                float bound = minScore;
                if (bound > 0) {
                    // A sum of floats rounds monotonically: no entry of the block scores above its maxima plus its bonus.
                    float most = at.maxScore(h);
                    if (most + bonus >= bound) {
                        // the fields it holds: most hits with a bonus are short of the page by these alone, unscored
                        float held = at.matchedMax(h);
                        if (held == WordsAt.NONE || held + bonus < bound) {
                            continue;
                        }
                    } else {
                        if (most + maxValue < bound) {
                            int blockEnd = at.blockEnd();
                            nextHeld = blockEnd == DocIdSetIterator.NO_MORE_DOCS || blockEnd + 1 >= known.length()
                                    ? DocIdSetIterator.NO_MORE_DOCS : nextHeld(blockEnd + 1);
                        }
                        continue;
                    }
                }
                float score = at.score(h, bonus, bound);
                if (score == WordsAt.NONE) {
                    continue;
                }
                if (!scorerSet) {
                    scorerSet = true;
                    collector.setScorer(this);
                }
                doc = h;
                heldScore = score + bonus;
                collector.collect(h);
            }
        }

        @Override
        public float score() throws IOException {
            return Float.isNaN(heldScore) ? wordsScorer.score() : heldScore;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public void setMinCompetitiveScore(float score) throws IOException {
            minScore = score;
            if (wordsScorer != null) {
                wordsScorer.setMinCompetitiveScore(score);
            }
        }
    }
}

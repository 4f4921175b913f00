package no.evidens.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.util.Bits;

/**
 * Scores {@link PriorQuery} in one segment for the top hits by score, with the skipping of Lucene's top-level
 * scorers kept. The hits fall in two streams, handed to the collector in document order:
 * <ul>
 * <li>Entries without a bonus (about 94% of the bench's passages): the words' own top-level bulk scorer finds them,
 * with the bonus entries left out of its accepted documents. Their score is the words' score, so the page's lowest
 * score is passed on unchanged, and Lucene skips by the words' block maxima as for a query without the prior.</li>
 * <li>Entries with a bonus ({@link BonusDocs}): walked in the segment's bit set, each looked up in a second scorer of
 * the words, skipping those whose words' block maximum plus bonus cannot reach the page.</li>
 * </ul>
 * <p>
 * Scores are bit-identical to Lucene's for {@link PriorQuery#plain()} ({@code ReqOptSumScorer}: the words' score,
 * plus, as one float addition, the matching bonuses summed in a double and cast to float, as {@code
 * DisjunctionSumScorer} sums them). An entry with a bonus is scored by the words' scorer as Lucene nests it there; an
 * entry without one by the words' top-level scorer, which sums the same clause scores in a double, perhaps in
 * another order: the same float whenever that double sum is exact, as it is for any sum of BM25 scores and the
 * relaxed search's tiers (summands within 2^20 of each other: 24 bits each, a double has 53).
 */
final class PriorBulkScorer extends BulkScorer {
    /** Makes the second scorer of the words, for the entries with a bonus. */
    interface WordsScorer {
        Scorer get() throws IOException;
    }

    /** Opens the words' clauses one by one ({@link WordsAt}), for the entries with a bonus. */
    interface WordsClauses {
        WordsAt get() throws IOException;
    }

    private final BulkScorer inner;
    private final WordsScorer wordsScorer;
    /**
     * Null when the words are no plain disjunction, nor required words whose hits are known: then {@link #wordsScorer}
     * scores the entries with a bonus.
     */
    private final WordsClauses wordsClauses;
    private final BonusDocs bonuses;
    /** The score a combination of bonuses adds, by its bit mask. */
    private final float[] values;
    private final float maxValue;
    private final int maxDoc;

    PriorBulkScorer(BulkScorer inner, WordsScorer wordsScorer, WordsClauses wordsClauses, BonusDocs bonuses, float[] values,
                    int maxDoc) {
        this.inner = inner;
        this.wordsScorer = wordsScorer;
        this.wordsClauses = wordsClauses;
        this.bonuses = bonuses;
        this.values = values;
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        this.maxValue = max;
        this.maxDoc = maxDoc;
    }

    /**
     * What each combination of the bonuses adds, as Lucene scores the plain query: one matching bonus its weight times
     * the boost ({@code BoostQuery} over {@code ConstantScoreQuery}), two or more their sum in a double cast to float.
     */
    static float[] values(List<PriorQuery.Bonus> bonuses, float boost) {
        float[] out = new float[1 << bonuses.size()];
        for (int mask = 1; mask < out.length; mask++) {
            double sum = 0;
            float single = 0;
            for (int i = 0; i < bonuses.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    single = bonuses.get(i).weight() * boost;
                    sum += single;
                }
            }
            out[mask] = Integer.bitCount(mask) == 1 ? single : (float) sum;
        }
        return out;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
        Streams streams = new Streams(collector, acceptDocs, min);
        int next = inner.score(streams, new WithoutBonus(acceptDocs), min, max);
        streams.bonusHitsBefore(max);
        int nextBonus = max >= maxDoc ? DocIdSetIterator.NO_MORE_DOCS : bonuses.any().nextSetBit(max);
        return Math.min(next, nextBonus);
    }

    @Override
    public long cost() {
        return inner.cost();
    }

    /** The accepted entries that hold no bonus. */
    private final class WithoutBonus implements Bits {
        private final Bits accepted;

        WithoutBonus(Bits accepted) {
            this.accepted = accepted;
        }

        @Override
        public boolean get(int index) {
            return !bonuses.any().get(index) && (accepted == null || accepted.get(index));
        }

        @Override
        public int length() {
            return maxDoc;
        }
    }

    /**
     * Takes the hits without a bonus from the inner scorer and puts each hit with a bonus before them in document
     * order; to the collector it is the scorer of both.
     */
    private final class Streams extends Scorable implements LeafCollector {
        private final LeafCollector collector;
        private final Bits accepted;
        private Scorable words;
        private boolean scorerSet;
        private float minScore;
        private int doc = -1;
        /** The score of {@link #doc} when it holds a bonus; NaN when the inner scorer's score stands. */
        private float bonusScore = Float.NaN;
        /** The next entry the bonus stream looks at. */
        private int next;
        private Scorer second;
        private WordsAt clauses;
        private boolean opened;
        private DocIdSetIterator approximation;
        private TwoPhaseIterator twoPhase;
        private int blockEnd = -1;
        private float blockMax;

        Streams(LeafCollector collector, Bits accepted, int min) {
            this.collector = collector;
            this.accepted = accepted;
            this.next = min;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            words = scorer;
            if (minScore > 0) {
                words.setMinCompetitiveScore(minScore);
            }
            scorerSet = true;
            collector.setScorer(this);
        }

        @Override
        public void collect(int hit) throws IOException {
            bonusHitsBefore(hit);
            doc = hit;
            bonusScore = Float.NaN;
            collector.collect(hit);
        }

        /** Hands the collector every hit with a bonus from {@link #next} up to {@code end} (excluded). */
        void bonusHitsBefore(int end) throws IOException {
            int d = next;
            while (d < end && d < maxDoc) {
                d = bonuses.any().nextSetBit(d);
                if (d >= end) {
                    break;
                }
                if (accepted != null && !accepted.get(d)) {
                    d++;
                    continue;
                }
                if (!opened) {
                    open();
                }
                if (clauses == null && second == null) {
                    d = DocIdSetIterator.NO_MORE_DOCS;
                    break;
                }
                float bonus = values[bonuses.mask(d)];
                if (clauses != null) {
                    float max = clauses.maxScore(d);
                    // Float addition rounds monotonically: below here, no hit of this block reaches the page.
                    if (minScore > 0 && max + maxValue < minScore) {
                        d = clauses.blockEnd() == DocIdSetIterator.NO_MORE_DOCS ? clauses.blockEnd() : clauses.blockEnd() + 1;
                        continue;
                    }
                    float words = minScore > 0 && max + bonus < minScore ? WordsAt.NONE : clauses.score(d, bonus, minScore);
                    if (words != WordsAt.NONE) {
                        collectBonusHit(d, words + bonus);
                    }
                    d++;
                    continue;
                }
                if (minScore > 0) {
                    if (d > blockEnd) {
                        blockEnd = second.advanceShallow(d);
                        blockMax = second.getMaxScore(blockEnd);
                    }
                    // Float addition rounds monotonically: below here, no hit of this block reaches the page.
                    if (blockMax + maxValue < minScore) {
                        d = blockEnd == DocIdSetIterator.NO_MORE_DOCS ? blockEnd : blockEnd + 1;
                        continue;
                    }
                    if (blockMax + bonus < minScore) {
                        d++;
                        continue;
                    }
                }
                int at = approximation.docID() < d ? approximation.advance(d) : approximation.docID();
                if (at != d) {
                    d = at;
                    continue;
                }
                d++;
                if (twoPhase != null && !twoPhase.matches()) {
                    continue;
                }
                collectBonusHit(at, second.score() + bonus);
            }
            next = Math.max(next, Math.min(d, end));
        }

        private void collectBonusHit(int hit, float score) throws IOException {
            doc = hit;
            bonusScore = score;
            if (!scorerSet) {
                collector.setScorer(this);
                scorerSet = true;
            }
            collector.collect(hit);
        }

        /** Opens the second scorer of the words, clause by clause where it can (both stay null when they match nothing here). */
        private void open() throws IOException {
            opened = true;
            if (wordsClauses != null) {
                clauses = wordsClauses.get();
                return;
            }
            second = wordsScorer.get();
            if (second != null) {
                twoPhase = second.twoPhaseIterator();
                approximation = twoPhase == null ? second.iterator() : twoPhase.approximation();
            }
        }

        @Override
        public float score() throws IOException {
            return Float.isNaN(bonusScore) ? words.score() : bonusScore;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public void setMinCompetitiveScore(float score) throws IOException {
            minScore = score;
            if (words != null) {
                // the hits the inner scorer finds score what their words score
                words.setMinCompetitiveScore(score);
            }
        }
    }
}

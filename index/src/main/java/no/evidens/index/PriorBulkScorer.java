package no.evidens.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;

/**
 * Scores {@link PriorQuery} in one segment for the top hits by score, in one walk over the words' postings: the words'
 * own top-level bulk scorer finds every hit (Lucene's {@code MaxScoreBulkScorer} for a word in its fields), and an
 * entry with a bonus ({@link BonusDocs}) has its bonus added as it is handed to the collector. The words' scorer is
 * told the lowest words' score with which an entry could reach the page holding the largest bonus ({@link
 * #wordsBound}), so Lucene keeps skipping by the words' block maxima, by a bound a bonus looser.
 * <p>
 * This replaced two streams (the entries without a bonus from the words' scorer, those with one looked up in scorers of
 * their own, clause by clause): those scorers read the same postings again, and on the 200,000-passage bench they cost
 * more than the looser bound does (docs/search-speed-rounds.md, fifteenth round).
 * <p>
 * Scores are bit-identical to Lucene's for {@link PriorQuery#plain()} ({@code ReqOptSumScorer}: the words' score,
 * plus, as one float addition, the matching bonuses summed in a double and cast to float, as {@code
 * DisjunctionSumScorer} sums them). The words' top-level scorer sums the same clause scores in a double as the words'
 * scorer nested there, perhaps in another order: the same float whenever that double sum is exact, as it is for any
 * sum of BM25 scores and the relaxed search's tiers (summands within 2^20 of each other: 24 bits each, a double has 53).
 */
final class PriorBulkScorer extends BonusBulkScorer {
    private final BonusDocs bonuses;
    /** The score a combination of bonuses adds, by its bit mask ({@link #values}). */
    private final float[] values;
    private final float maxValue;

    PriorBulkScorer(BulkScorer inner, BonusDocs bonuses, float[] values) {
        super(inner);
        this.bonuses = bonuses;
        this.values = values;
        this.maxValue = maxValue(values);
    }

    /** The largest score a combination of bonuses adds ({@link #values}). */
    static float maxValue(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
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
    BonusScorable between(LeafCollector collector) {
        return new WithBonus(collector);
    }

    /**
     * The lowest words' score an entry needs for its words' score plus a bonus of at most {@code maxBonus} to reach
     * {@code minScore}: below it, the float sum stays below {@code minScore} (the sum in reals is at least two ulps of
     * {@code minScore} short of it, and rounding to nearest moves it by at most half an ulp). 0 when there is none.
     */
    static float wordsBound(float minScore, float maxBonus) {
        double bound = (double) minScore - maxBonus - 2 * (double) Math.ulp(minScore);
        if (bound <= 0) {
            return 0;
        }
        float f = (float) bound;
        // the cast rounds to nearest: a float above the double bound is stepped down to stay below it
        return f > bound ? Math.nextDown(f) : f;
    }

    /** Hands the collector the words' hits, each with its bonus added to the words' score. */
    private final class WithBonus extends BonusScorable {
        WithBonus(LeafCollector collector) {
            super(collector);
        }

        @Override
        float bound(float minScore) {
            return wordsBound(minScore, maxValue);
        }

        @Override
        public void collect(int hit) throws IOException {
            handOn(hit, bonuses.any().get(hit) ? innerScore() + values[bonuses.mask(hit)] : Float.NaN);
        }
    }
}

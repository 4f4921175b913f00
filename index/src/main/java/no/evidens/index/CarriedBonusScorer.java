package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;

/**
 * Scores {@link PriorQuery} for one word in its fields, in one segment whose hits the search counted already ({@link
 * KnownHits}), in one walk: Lucene's top-level walk of the word's fields and the bonuses as one more clause ({@code
 * MaxScoreBulkScorer}, {@link BonusClause}), so that each entry is bounded by its own bonus from the same decoded
 * blocks. The walk's sum for an entry with a bonus is rounded otherwise than the page's score (every part summed in a
 * double and rounded once, where the page rounds the words' sum and then adds the bonus as a float), so the walk is
 * told a bound a few ulps below the page's lowest score, and every entry with
 * a bonus it hands on is given its exact score from the fields' scores the walk gave it ({@link WalkScores}), or dropped
 * when the word does not match it (the known hits may be a superset). Before, each such entry was looked up and scored
 * again in scorers of its own (README, Scale, twenty-eighth round).
 * <p>
 * The same hits and floats as {@link PriorBulkScorer}: a hit's score is its words' score, plus, as one float addition,
 * its bonuses' value; the collector gets the hits in entry order, so ties are broken as before. This replaced two
 * streams (the hits with a bonus looked up in scorers of their own, a second decoding of the word's blocks): README,
 * Scale, twenty-first round.
 */
final class CarriedBonusScorer extends BonusBulkScorer {
    private final BonusDocs bonuses;
    /** The score a combination of bonuses adds, by its bit mask ({@link PriorBulkScorer#values}). */
    private final float[] values;
    private final WalkScores fields;
    private final LeafReaderContext context;

    /**
     * @param words   the top-level bulk scorer of the word's fields and the bonus clause ({@link BonusClause}) in the segment
     * @param bonuses the bonuses' entries in the segment
     * @param values  what each combination of the bonuses adds, by its mask
     * @param fields  the scores the walk's fields gave, to score an entry with a bonus exactly
     * @param context the segment
     */
    CarriedBonusScorer(BulkScorer words, BonusDocs bonuses, float[] values, WalkScores fields, LeafReaderContext context) {
        super(words);
        this.bonuses = bonuses;
        this.values = values;
        this.fields = fields;
        this.context = context;
    }

    @Override
    BonusScorable between(LeafCollector collector) {
        return new Rescoring(collector);
    }

    /**
     * The lowest sum of the walk with which an entry can reach {@code minScore}: the walk's sum and the page's score
     * are each within an ulp of the exact sum of the same floats, so four ulps below is safe.
     */
    static float walkBound(float minScore) {
        return PriorBulkScorer.wordsBound(minScore, 2 * Math.ulp(minScore));
    }

    /** Hands the collector the walk's hits, each one holding a bonus scored again exactly. */
    private final class Rescoring extends BonusScorable {
        Rescoring(LeafCollector collector) {
            super(collector);
        }

        @Override
        float bound(float minScore) {
            return walkBound(minScore);
        }

        @Override
        public void collect(int hit) throws IOException {
            int mask = bonuses.any().get(hit) ? bonuses.mask(hit) : 0;
            if (mask == 0) {
                handOn(hit, Float.NaN);
                return;
            }
            float words = fields.sum(context, hit);
            if (words != WordsAt.NONE) { // else a known hit the word does not match
                handOn(hit, words + values[mask]);
            }
        }
    }
}

package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;

/**
 * Scores {@link PriorQuery} for one word in its fields, in one segment whose hits the search counted already ({@link
 * KnownHits}), in one walk: Lucene's top-level walk of the word's fields and the bonuses as one more clause ({@code
 * MaxScoreBulkScorer}, {@link BonusClause}), so that each entry is bounded by its own bonus from the same decoded
 * blocks. The walk's sum for an entry with a bonus is rounded otherwise than the page's score (every part summed in a
 * double and rounded once, where the page rounds the words' sum and then adds the bonus as a float), so the walk is
 * told a bound a few ulps below the page's lowest score, and every entry with
 * a bonus it hands on is scored again exactly, field by field ({@link DisjunctionAt}), or dropped when the word does
 * not match it (the known hits may be a superset).
 * <p>
 * The same hits and floats as {@link PriorBulkScorer}: a hit's score is its words' score, plus, as one float addition,
 * its bonuses' value; the collector gets the hits in entry order, so ties are broken as before. This replaced two
 * streams (the hits with a bonus looked up in scorers of their own, a second decoding of the word's blocks): docs/search-speed-rounds.md,
 * twenty-first round.
 */
final class CarriedBonusScorer extends BonusBulkScorer {
    /** Opens one word's fields in the segment (null when they match nothing there). */
    interface Opener {
        DisjunctionAt open() throws IOException;
    }

    private final BonusDocs bonuses;
    /** The score a combination of bonuses adds, by its bit mask ({@link PriorBulkScorer#values}). */
    private final float[] values;
    private final Opener opener;
    private DisjunctionAt at;
    private boolean opened;

    /**
     * @param words   the top-level bulk scorer of the word's fields and the bonus clause ({@link BonusClause}) in the segment
     * @param bonuses the bonuses' entries in the segment
     * @param values  what each combination of the bonuses adds, by its mask
     * @param opener  opens the word's fields in the segment again, to score an entry with a bonus exactly
     */
    CarriedBonusScorer(BulkScorer words, BonusDocs bonuses, float[] values, Opener opener) {
        super(words);
        this.bonuses = bonuses;
        this.values = values;
        this.opener = opener;
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
            if (!opened) {
                opened = true;
                at = opener.open();
            }
            float words = at == null ? WordsAt.NONE : at.sum(hit);
            if (words != WordsAt.NONE) { // else a known hit the word does not match
                handOn(hit, words + values[mask]);
            }
        }
    }
}

package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;

/**
 * Stands between a words' bulk scorer and the page's collector when the page adds the evidence prior's bonuses
 * ({@link PriorBulkScorer}, {@link CarriedBonusScorer}): hands on the bulk scorer's hits, with a score of its own for
 * those holding a bonus, and tells the bulk scorer the bound its sums must reach for the page's lowest score.
 */
abstract class BonusScorable extends Scorable implements LeafCollector {
    protected final LeafCollector collector;
    private Scorable inner;
    private boolean scorerSet;
    private float minScore;
    private int doc = -1;
    /** The score of {@link #doc} when it holds a bonus; NaN when the bulk scorer's score stands. */
    private float bonusScore = Float.NaN;

    BonusScorable(LeafCollector collector) {
        this.collector = collector;
    }

    /** The lowest sum of the bulk scorer with which an entry can reach {@code minScore}; 0 when there is none. */
    abstract float bound(float minScore);

    /** Hands {@code hit} on, scoring {@code bonusScore}, or the bulk scorer's score when NaN. */
    final void handOn(int hit, float bonusScore) throws IOException {
        this.doc = hit;
        this.bonusScore = bonusScore;
        collector.collect(hit);
    }

    @Override
    public final void setScorer(Scorable scorer) throws IOException {
        inner = scorer;
        float bound = bound(minScore);
        if (bound > 0) {
            inner.setMinCompetitiveScore(bound);
        }
        if (!scorerSet) {
            scorerSet = true;
            collector.setScorer(this);
        }
    }

    @Override
    public final float score() throws IOException {
        return Float.isNaN(bonusScore) ? inner.score() : bonusScore;
    }

    /** The bulk scorer's own score of the current hit. */
    final float innerScore() throws IOException {
        return inner.score();
    }

    @Override
    public final int docID() {
        return doc;
    }

    @Override
    public final void setMinCompetitiveScore(float score) throws IOException {
        minScore = score;
        float bound = bound(score);
        if (inner != null && bound > 0) {
            inner.setMinCompetitiveScore(bound);
        }
    }
}

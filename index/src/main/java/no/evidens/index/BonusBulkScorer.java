package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.util.Bits;

/**
 * A words' bulk scorer whose hits reach the page's collector through a {@link BonusScorable} that adds the evidence
 * prior's bonuses ({@link PriorBulkScorer}, {@link CarriedBonusScorer}).
 */
abstract class BonusBulkScorer extends BulkScorer {
    private final BulkScorer inner;

    BonusBulkScorer(BulkScorer inner) {
        this.inner = inner;
    }

    /** What stands between the inner bulk scorer and {@code collector} for one call of {@link #score}. */
    abstract BonusScorable between(LeafCollector collector);

    @Override
    public final int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
        return inner.score(between(collector), acceptDocs, min, max);
    }

    @Override
    public final long cost() {
        return inner.cost();
    }
}

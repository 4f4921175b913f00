package no.evidens.index;

import java.io.IOException;
import java.util.Collection;

import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Runs a search into one collector through Lucene's {@link CollectorManager} API (the collector-only
 * {@code IndexSearcher.search} is deprecated). Evidens's searchers have no executor, so Lucene visits the
 * slices one after the other on this thread and the one collector sees every segment in turn; a search that splits
 * its slices over threads itself ({@link #searchPerSlice}) hands the one collector to each.
 */
final class OneCollector {
    private OneCollector() {
    }

    static <C extends Collector> C search(IndexSearcher searcher, Query query, C collector) throws IOException {
        return searcher.search(query, only(collector));
    }

    /**
     * As {@link #search}, the snapshot's slices of segments on threads of their own ({@link IndexSnapshot#searchPerSlice}):
     * for a collector that may collect different segments at once (each segment on one thread).
     */
    static <C extends Collector> C searchPerSlice(IndexSnapshot snapshot, Query query, C collector) throws IOException {
        return snapshot.searchPerSlice(query, only(collector));
    }

    private static <C extends Collector> CollectorManager<C, C> only(C collector) {
        return new CollectorManager<C, C>() {
            @Override
            public C newCollector() {
                return collector;
            }

            @Override
            public C reduce(Collection<C> collectors) {
                return collector;
            }
        };
    }
}

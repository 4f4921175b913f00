package no.evidens.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The weights of the queries searched on one snapshot ({@link IndexSnapshot#searchPerSlice}), kept by query and score mode,
 * so that a query searched again on the same snapshot (the bench's rounds; an auditor's next page, order or facet of the
 * same words, whose page query is the same) is not rewritten and weighed again. A term search's page rewrote and weighed
 * its query (the evidence prior, each word's fields, their statistics) on the searching thread before splitting its walk
 * over the cores: about 4% of that thread's samples at a million passages (round 56). A weight depends only on its query,
 * its score mode and the snapshot's statistics (the term states a search's counting hands it, {@link KnownHits#stated},
 * are the snapshot's own, so they give the same weight), and Lucene shares one weight between the threads of a search, so
 * one serves every search of the snapshot; the hits a search knows are read when a segment's scorer is made, not here.
 * At most {@value #SIZE} queries, the least recently used let go first; a new snapshot starts empty. Lucene's own
 * {@code LRUQueryCache} keeps the hits of filters, not weights of scored queries, hence this class.
 */
final class SnapshotWeights {
    /** How many weights are kept at most. */
    static final int SIZE = 256;

    /** Makes a weight when none is kept. */
    interface Making {
        Weight make() throws IOException;
    }

    private record Key(Query query, ScoreMode mode) {
    }

    private final Map<Key, Weight> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Weight> eldest) {
            return size() > SIZE;
        }
    };

    /** The weight of {@code query} in {@code mode}: the one kept, or {@code making}'s, then kept. */
    Weight weight(Query query, ScoreMode mode, Making making) throws IOException {
        Key key = new Key(query, mode);
        synchronized (kept) {
            Weight w = kept.get(key);
            if (w != null) {
                return w;
            }
        }
        // Made outside the lock: two threads that weigh the same new query at once each make one, and keep equal weights.
        Weight made = making.make();
        synchronized (kept) {
            kept.put(key, made);
        }
        return made;
    }

    /** How many weights are kept (for tests). */
    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }
}

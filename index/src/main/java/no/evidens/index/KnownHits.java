package no.evidens.index;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.FixedBitSet;

/**
 * The hits of a search, already counted as a bit set per segment ({@link TermSetHits}), made known to the page pass
 * of the same search on the same thread, so that the evidence prior's bonus stream ({@link PriorBulkScorer}) walks
 * only the bonus entries that are hits, instead of advancing a second scorer of the words to every bonus entry to
 * find out. A page pass on another thread or another snapshot finds none and works as before. Lucene has no way to
 * hand a weight what a search knows, hence a thread-local, set only around one search.
 */
final class KnownHits {
    private static final ThreadLocal<Map<LeafReader, FixedBitSet>> CURRENT = new ThreadLocal<>();

    /** A search whose result does not depend on the hits being known. */
    interface Search<T> {
        T run() throws IOException;
    }

    private KnownHits() {
    }

    /**
     * Runs {@code search} with {@code hits} known: per segment of {@code leaves}, by its ord, every entry the search
     * can return (a superset of what it returns is fine; null: not known).
     */
    static <T> T during(List<LeafReaderContext> leaves, FixedBitSet[] hits, Search<T> search) throws IOException {
        Map<LeafReader, FixedBitSet> known = new IdentityHashMap<>();
        for (LeafReaderContext leaf : leaves) {
            if (hits[leaf.ord] != null) {
                known.put(leaf.reader(), hits[leaf.ord]);
            }
        }
        CURRENT.set(known);
        try {
            return search.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** The known hits in {@code segment}, or null. */
    static FixedBitSet in(LeafReader segment) {
        Map<LeafReader, FixedBitSet> known = CURRENT.get();
        return known == null ? null : known.get(segment);
    }
}

package no.evidens.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;

/**
 * The entries of one segment that a facet filter matches (a type, an indicator, a case: {@link FacetFilters#anyOf}), as
 * a bit set kept while the segment is open ({@link SegmentCache}). A filtered search counted sideways
 * ({@link SidewaysCounting}) reads every filtered dimension's entries: before, it read them from the postings for every
 * search (a type's postings hold a good part of the index), though auditors click the same few facet values again and
 * again. Lucene's query cache keeps such sets too, but only after a filter has been used a few times, under one lock
 * for all threads, and as a compressed set for sparse filters; the sideways count wants the words of a plain bit set.
 * Deleted entries are kept in (the bits depend on the segment's postings only), so the core cache key fits. Each set
 * is {@code maxDoc / 8} bytes; at most {@value #MAX_PER_SEGMENT} filters are kept per segment (more are read each
 * time, as before).
 */
final class FilterBits {
    /** Filters kept per segment at most: 16 MB at a million passages. */
    static final int MAX_PER_SEGMENT = 128;
    private static final SegmentCache<FilterBits> CACHE = new SegmentCache<>(segment -> new FilterBits());

    private final Map<Query, FixedBitSet> byFilter = new ConcurrentHashMap<>();

    private FilterBits() {
    }

    /**
     * The entries of {@code segment} that {@code filter} matches, deleted ones included; read with {@code plan} where not
     * kept yet. The set is shared: callers only read it.
     *
     * @param filter the filter (its equality is the key)
     * @param plan   the filter as words ({@link TermSetHits#of} of {@code filter})
     */
    static FixedBitSet of(LeafReader segment, Query filter, TermSetHits plan) throws IOException {
        FilterBits kept = CACHE.of(segment);
        FixedBitSet bits = kept.byFilter.get(filter);
        if (bits != null) {
            return bits;
        }
        bits = plan.hits(segment);
        if (kept.byFilter.size() < MAX_PER_SEGMENT) {
            FixedBitSet earlier = kept.byFilter.putIfAbsent(filter, bits);
            return earlier != null ? earlier : bits;
        }
        return bits;
    }
}

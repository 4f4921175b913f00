package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

/**
 * Counts the hits of a search and their facet values in one pass without scores, for one snapshot:
 * each hit adds one to its {@linkplain SegmentFacetSignatures signatures}; the counts per facet value
 * are summed from the signatures at the end. Gives the same counts, and the same top values in the same
 * order (most hits first, equal counts in label order), as Lucene's {@code SortedSetDocValuesFacetCounts}.
 */
final class FacetCounter {
    private final SegmentFacetSignatures[] segments;
    /** Per segment, its facet ordinals as the snapshot's. */
    private final int[][] globalOrds;
    /** The value (last path part) of each of the snapshot's ordinals. */
    private final String[] labels;
    /** Per dimension in {@link PassageSchema#FACET_DIMS} order, its ordinals (null: none indexed yet). */
    private final SortedSetDocValuesReaderState.OrdRange[] ranges;

    private FacetCounter(SortedSetDocValuesReaderState state, SegmentFacetSignatures[] segments) throws IOException {
        this.segments = segments;
        SortedSetDocValues all = state.getDocValues();
        OrdinalMap ordinalMap = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        this.globalOrds = new int[segments.length][];
        for (int seg = 0; seg < segments.length; seg++) {
            LongValues toGlobal = ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(seg);
            globalOrds[seg] = new int[segments[seg].ords()];
            for (int ord = 0; ord < globalOrds[seg].length; ord++) {
                globalOrds[seg][ord] = (int) toGlobal.get(ord);
            }
        }
        this.labels = new String[state.getSize()];
        for (int ord = 0; ord < labels.length; ord++) {
            String[] path = FacetsConfig.stringToPath(all.lookupOrd(ord).utf8ToString());
            labels[ord] = path[path.length - 1];
        }
        this.ranges = PassageSchema.FACET_DIMS.stream().map(state::getOrdRange)
                .toArray(SortedSetDocValuesReaderState.OrdRange[]::new);
    }

    /**
     * The counter of a snapshot; a segment's signatures are read once and kept in {@code cache} while
     * the segment is open, so a new snapshot reads only its new segments.
     */
    static FacetCounter of(IndexReader reader, SortedSetDocValuesReaderState state, SegmentCache<SegmentFacetSignatures> cache)
            throws IOException {
        if (!FacetsConfig.DEFAULT_INDEX_FIELD_NAME.equals(state.getField())) {
            throw new IllegalArgumentException("facets in an unexpected field: " + state.getField());
        }
        return new FacetCounter(state, cache.of(reader).toArray(new SegmentFacetSignatures[0]));
    }

    /** A fresh cache for {@link #of}: the signatures of the default facet field. */
    static SegmentCache<SegmentFacetSignatures> newCache() {
        return new SegmentCache<>(segment -> SegmentFacetSignatures.of(segment, FacetsConfig.DEFAULT_INDEX_FIELD_NAME));
    }

    /**
     * A collector for one search: it may collect different segments on different threads at once ({@link
     * IndexSnapshot#searchPerSlice}), each segment on one thread.
     */
    Counting counting() {
        return new Counting();
    }

    /** Collects the hits' signatures; then {@link #total()} and {@link #counts()}. */
    final class Counting implements Collector {
        /** Per segment, hits per signature ({@link SegmentFacetSignatures#newCounts()}; null: no hit looked for). */
        private final int[][] perSegment = new int[segments.length][];
        /** Per segment, the hits counted (deleted entries included when {@link #countWords} counted them); null: not kept. */
        private FixedBitSet[] hits;
        /** The words {@link #countWords} sought in each segment; null when it counted none. */
        private SoughtTerms sought;

        /** Keeps the hits it counts, per segment ({@link #hits()}); before the search. */
        Counting keepingHits() {
            hits = new FixedBitSet[segments.length];
            return this;
        }

        /** Fresh counts per signature for segment {@code ord}. */
        private int[] countsOf(int ord) {
            perSegment[ord] = segments[ord].newCounts();
            return perSegment[ord];
        }

        /**
         * Counts every hit of {@code query} and its facets at once when the query is made of words only ({@link
         * TermSetHits}): the hits as a bit set per segment, then one pass over the set's words. The same counts as
         * collecting the query's hits ({@code OneCollector.search(searcher, query, this)}); false, with nothing
         * counted, for any other query.
         */
        boolean countWords(IndexSearcher searcher, Query query) throws IOException {
            TermSetHits plan = TermSetHits.of(query);
            if (plan == null) {
                return false;
            }
            hits = new FixedBitSet[segments.length];
            sought = new SoughtTerms(searcher.getTopReaderContext());
            if (searcher instanceof IndexSnapshot snapshot) {
                // Each slice of segments on a thread of its own: a segment's counts, hits and sought words are its own.
                snapshot.perSlice(leaves -> {
                    countWords(plan, leaves);
                    return null;
                });
            } else {
                countWords(plan, searcher.getIndexReader().leaves());
            }
            return true;
        }

        private void countWords(TermSetHits plan, List<LeafReaderContext> leaves) throws IOException {
            for (LeafReaderContext leaf : leaves) {
                int[] counts = countsOf(leaf.ord);
                hits[leaf.ord] = plan.hits(leaf, sought);
                segments[leaf.ord].count(hits[leaf.ord], leaf.reader().getLiveDocs(), counts);
            }
        }

        /**
         * Counts every hit of {@code query} and its facets as a search counts them: at once when the query is made of
         * words only ({@link #countWords}), else hit by hit.
         */
        void count(IndexSearcher searcher, Query query) throws IOException {
            if (!countWords(searcher, query)) {
                OneCollector.search(searcher, query, this);
            }
        }

        /**
         * Per segment, the hits counted, when {@link #countWords} counted them (deleted entries included) or they were
         * {@linkplain #keepingHits() kept}; else null.
         */
        FixedBitSet[] hits() {
            return hits;
        }

        /** The words {@link #countWords} sought in each segment, with their states; null when it counted none. */
        SoughtTerms sought() {
            return sought;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            SegmentFacetSignatures signatures = segments[context.ord];
            int[] counts = countsOf(context.ord);
            // null: the hits are counted, not kept
            FixedBitSet kept = hits == null ? null : new FixedBitSet(Math.max(1, context.reader().maxDoc()));
            if (kept != null) {
                hits[context.ord] = kept;
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) {
                    signatures.count(doc, counts);
                    if (kept != null) {
                        kept.set(doc);
                    }
                }

                /**
                 * The hits of a window at once, as Lucene's bulk scorer of a disjunction hands them over: one loop
                 * here rather than Lucene's default, which calls {@link #collect(int)} through an interface per hit.
                 */
                @Override
                public void collect(DocIdStream stream) throws IOException {
                    stream.forEach(this::collect);
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        /** How many hits were collected. */
        long total() {
            return FacetCounter.this.total(perSegment);
        }

        /** Counts per dimension in {@link PassageSchema#FACET_DIMS} order, each its top values. */
        Map<String, Map<String, Integer>> counts() {
            return FacetCounter.this.counts(byOrd(perSegment), Map.of());
        }
    }

    /** The signatures of segment {@code ord} of the snapshot. */
    SegmentFacetSignatures segment(int ord) {
        return segments[ord];
    }

    /** How many ordinals (facet values) the snapshot has. */
    int ords() {
        return labels.length;
    }

    /** How many hits there are, from hits per signature ({@code perSegment[segment][signature]}; null: none). */
    long total(int[][] perSegment) {
        long total = 0;
        for (int seg = 0; seg < perSegment.length; seg++) {
            if (perSegment[seg] != null) {
                total += segments[seg].hits(perSegment[seg]);
            }
        }
        return total;
    }

    /** Hits per snapshot ordinal, from hits per signature ({@code perSegment[segment][signature]}; null: none). */
    int[] byOrd(int[][] perSegment) {
        int[] byOrd = new int[labels.length];
        for (int seg = 0; seg < perSegment.length; seg++) {
            if (perSegment[seg] != null) {
                add(byOrd, seg, perSegment[seg]);
            }
        }
        return byOrd;
    }

    /** Adds hits per signature of one segment ({@code counts[signature]}) to hits per snapshot ordinal. */
    void add(int[] byOrd, int seg, int[] counts) {
        segments[seg].addTo(byOrd, globalOrds[seg], counts);
    }

    /**
     * Counts per dimension in {@link PassageSchema#FACET_DIMS} order, each its top values.
     *
     * @param byOrd hits per snapshot ordinal
     * @param own   for some dimensions, their own hits per ordinal instead (a filtered dimension's sideways counts)
     */
    Map<String, Map<String, Integer>> counts(int[] byOrd, Map<String, int[]> own) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int d = 0; d < ranges.length; d++) {
            String dim = PassageSchema.FACET_DIMS.get(d);
            out.put(dim, topValues(ranges[d], own.getOrDefault(dim, byOrd), FacetFilters.topValues(dim)));
        }
        return out;
    }

    /** The most frequent values of one dimension, equal counts in ordinal (label) order as Lucene gives them. */
    private Map<String, Integer> topValues(SortedSetDocValuesReaderState.OrdRange range, int[] byOrd, int top) {
        Map<String, Integer> values = new LinkedHashMap<>();
        if (range == null) {
            return values;
        }
        List<int[]> counted = new ArrayList<>();
        for (int ord = range.start; ord <= range.end; ord++) {
            if (byOrd[ord] > 0) {
                counted.add(new int[] {ord, byOrd[ord]});
            }
        }
        counted.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        for (int[] oc : counted.subList(0, Math.min(top, counted.size()))) {
            values.put(labels[oc[0]], oc[1]);
        }
        return values;
    }
}

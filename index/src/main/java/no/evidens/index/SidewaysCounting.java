package no.evidens.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts a search with facet filters as Lucene's {@code DrillSideways} counts it, in one pass over the hits of
 * its base query (the search without the facet filters). A base hit that passes every filtered dimension is a
 * hit of the search: it is counted for every dimension and handed to the page's collector. One that fails
 * exactly one filtered dimension counts for that dimension only, so the dimension's other values stay visible
 * with their counts; one that fails two or more counts nowhere. DrillSideways reaches the same counts by
 * keeping a list of hits per filtered dimension and then reading every facet value of every listed hit from
 * the doc values, once per list; here each hit adds one to its two {@linkplain SegmentFacetSignatures
 * signatures} (see {@link FacetCounter}), and the values are summed once at the end. Lucene offers no such
 * counting, hence this class. One search on one thread.
 */
final class SidewaysCounting implements Collector {
    private final FacetCounter counter;
    private final String[] dims;
    /** Per filtered dimension, its values as one query (any of them), ready to match. */
    private final Weight[] filters;
    /** Per filtered dimension, the signature group it is in. */
    private final int[] groupOfDim;
    /** The page's collector (the hits that pass every filter), or null to count only. */
    private final Collector page;
    /** Per segment, hits per signature ({@link SegmentFacetSignatures#newCounts()}). */
    private final int[][] hits;
    /** Per filtered dimension and segment, per signature (of its group only): base hits that fail that dimension only. */
    private final int[][][] nearMisses;
    /** Per filtered dimension, its values as {@link FacetFilters#anyOf} gives them. */
    private final Query[] filterQueries;
    /** Per filtered dimension, its values as words ({@link TermSetHits}); null when one is not words only. */
    private final TermSetHits[] filterPlans;
    /** The words {@link #countWords} sought in each segment, with their states; null when it counted none. */
    private SoughtTerms sought;

    /**
     * @param filters dimension → the values wanted, as in {@link SearchRequest#filters()}
     * @param page    the collector of the search's hits, or null
     */
    SidewaysCounting(FacetCounter counter, IndexSearcher searcher, Map<String, List<String>> filters, Collector page) throws IOException {
        this.counter = counter;
        this.page = page;
        this.dims = filters.keySet().toArray(String[]::new);
        this.filters = new Weight[dims.length];
        this.groupOfDim = new int[dims.length];
        int segments = searcher.getIndexReader().leaves().size();
        this.hits = new int[segments][];
        this.nearMisses = new int[dims.length][segments][];
        this.filterQueries = new Query[dims.length];
        TermSetHits[] plans = new TermSetHits[dims.length];
        boolean words = true;
        for (int i = 0; i < dims.length; i++) {
            this.filterQueries[i] = FacetFilters.anyOf(dims[i], filters.get(dims[i]));
            plans[i] = TermSetHits.of(filterQueries[i]);
            words &= plans[i] != null;
            this.groupOfDim[i] = SegmentFacetSignatures.groupOf(dims[i]);
        }
        this.filterPlans = words ? plans : null;
        for (int i = 0; i < dims.length && !words; i++) {
            this.filters[i] = searcher.createWeight(searcher.rewrite(filterQueries[i]), ScoreMode.COMPLETE_NO_SCORES, 1f);
        }
    }

    /** Per filtered dimension, the entries of {@code segment} it lets through, kept per segment ({@link FilterBits}). */
    private FixedBitSet[] filterBits(LeafReader segment) throws IOException {
        FixedBitSet[] out = new FixedBitSet[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = FilterBits.of(segment, filterQueries[i], filterPlans[i]);
        }
        return out;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SegmentFacetSignatures signatures = counter.segment(context.ord);
        int[] counts = signatures.newCounts();
        hits[context.ord] = counts;
        // Each filter's entries as a kept bit set where the filters are words (as facet filters are), else its postings.
        FixedBitSet[] passingBits = filterPlans == null ? null : filterBits(context.reader());
        DocIdSetIterator[] passing = new DocIdSetIterator[dims.length];
        int[][] near = new int[dims.length][];
        for (int i = 0; i < dims.length; i++) {
            if (passingBits == null) {
                Scorer s = filters[i].scorer(context);
                passing[i] = s == null ? DocIdSetIterator.empty() : s.iterator();
            }
            near[i] = signatures.newCounts();
            nearMisses[i][context.ord] = near[i];
        }
        LeafCollector onPage = page == null ? null : page.getLeafCollector(context);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                if (onPage != null) {
                    // Every base hit must be seen to be counted: the page may not make the scorer skip any.
                    onPage.setScorer(new FilterScorable(scorer) {
                        @Override
                        public void setMinCompetitiveScore(float minScore) {
                            // ignored: see above
                        }
                    });
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                int failed = -1;
                for (int i = 0; i < passing.length; i++) {
                    if (!passes(i, doc)) {
                        if (failed >= 0) {
                            return;
                        }
                        failed = i;
                    }
                }
                if (failed >= 0) {
                    signatures.count(doc, groupOfDim[failed], near[failed]);
                    return;
                }
                signatures.count(doc, counts);
                if (onPage != null) {
                    onPage.collect(doc);
                }
            }

            /** Whether {@code doc} has one of filtered dimension {@code i}'s values. */
            private boolean passes(int i, int doc) throws IOException {
                if (passingBits != null) {
                    return passingBits[i].get(doc);
                }
                DocIdSetIterator it = passing[i];
                int at = it.docID();
                if (at < doc) {
                    at = it.advance(doc);
                }
                return at == doc;
            }
        };
    }

    /**
     * Counts every hit of {@code base} (the search without its facet filters, its matching part) at once when it is made
     * of words only ({@link TermSetHits}), as {@link #getLeafCollector} would count them one by one: per segment, the
     * base hits and each filtered dimension's entries as bit sets, then one pass over their 64-bit words that sorts the
     * base hits into those that pass every filter and those that fail exactly one dimension. No scorer and no page: the
     * caller finds the page by a search of its own, with skipping (a collector that must see every base hit to count it
     * scores them all). False, with nothing counted, when {@code base} is not made of words only.
     *
     * @return per segment, the hits that pass every filter (deleted entries included), or null when not counted here
     */
    FixedBitSet[] countWords(IndexSearcher searcher, Query base) throws IOException {
        TermSetHits plan = TermSetHits.of(base);
        if (plan == null || page != null || filterPlans == null) {
            return null;
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet[] kept = new FixedBitSet[leaves.size()];
        sought = new SoughtTerms(searcher.getTopReaderContext());
        for (LeafReaderContext leaf : leaves) {
            SegmentFacetSignatures signatures = counter.segment(leaf.ord);
            int[] counts = signatures.newCounts();
            hits[leaf.ord] = counts;
            long[][] pass = new long[dims.length][];
            FixedBitSet[] passing = filterBits(leaf.reader());
            for (int i = 0; i < dims.length; i++) {
                nearMisses[i][leaf.ord] = signatures.newCounts();
                pass[i] = passing[i].getBits();
            }
            FixedBitSet baseHits = plan.hits(leaf, sought);
            kept[leaf.ord] = new FixedBitSet(baseHits.length());
            sort(baseHits.getBits(), pass, kept[leaf.ord].getBits(), leaf.reader().getLiveDocs(), signatures, counts, leaf.ord);
        }
        return kept;
    }

    /**
     * Sorts the base hits of one segment a 64-bit word at a time ({@code pass}: per filtered dimension, the words of its
     * bit set; {@code all}: the words of the hits that pass every filter, filled here).
     */
    private void sort(long[] base, long[][] pass, long[] all, Bits live, SegmentFacetSignatures signatures, int[] counts,
                      int segment) {
        int words = Math.min(base.length, all.length);
        for (int w = 0; w < words; w++) {
            long hit = base[w];
            if (hit == 0) {
                continue;
            }
            long passesAll = hit;
            for (long[] p : pass) {
                passesAll &= p[w];
            }
            all[w] = passesAll;
            signatures.count(passesAll, w, live, counts);
            for (int i = 0; i < pass.length; i++) {
                long failsOnlyThis = hit & ~pass[i][w];
                for (int j = 0; j < pass.length && failsOnlyThis != 0; j++) {
                    if (j != i) {
                        failsOnlyThis &= pass[j][w];
                    }
                }
                signatures.count(failsOnlyThis, w, live, groupOfDim[i], nearMisses[i][segment]);
            }
        }
    }

    /**
     * The words {@link #countWords} sought in each segment, with their states (null when it counted none): the page's
     * word weights and its highlighting then find them there instead of seeking them again, as a search without facet
     * filters does ({@link FacetCounter.Counting#sought()}).
     */
    SoughtTerms sought() {
        return sought;
    }

    @Override
    public ScoreMode scoreMode() {
        return page == null ? ScoreMode.COMPLETE_NO_SCORES : page.scoreMode();
    }

    /** How many hits passed every filter. */
    long total() {
        return counter.total(hits);
    }

    /** Counts per dimension as DrillSideways gives them: a filtered dimension's without its own filter. */
    Map<String, Map<String, Integer>> counts() {
        int[] byOrd = counter.byOrd(hits);
        Map<String, int[]> own = new LinkedHashMap<>();
        for (int i = 0; i < dims.length; i++) {
            int[] sideways = byOrd.clone();
            for (int seg = 0; seg < nearMisses[i].length; seg++) {
                if (nearMisses[i][seg] != null) {
                    counter.add(sideways, seg, nearMisses[i][seg]);
                }
            }
            own.put(dims[i], sideways);
        }
        return counter.counts(byOrd, own);
    }
}

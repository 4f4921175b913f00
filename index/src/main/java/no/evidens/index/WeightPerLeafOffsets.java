package no.evidens.index;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * The UnifiedHighlighter's postings strategy in its Weight.matches mode, with the query rewritten and
 * its Weight built once per highlighting call (or, for a query whose rewriting reads the index, once per index
 * segment) instead of once per highlighted passage. Lucene's strategy builds both for every passage (a searcher,
 * a rewrite and a term-dictionary seek per query word), which profiling showed to be most of the time of
 * highlighting a page of hits; once per segment still rewrote the query twice per segment and search (the text
 * and its compound parts), a twentieth of a term search's processor time on a 200,000-passage index. The matches,
 * and so the highlights, are the same. One instance serves one highlighting call (one thread).
 */
final class WeightPerLeafOffsets extends PostingsOffsetStrategy {
    /** A segment as the highlighter sees it (the matched fields read as the highlighted one) and the query's weight on it. */
    private record Prepared(LeafReaderContext segment, Weight weight) {
    }

    private final Map<LeafReader, Prepared> perLeaf = new IdentityHashMap<>();
    /** The snapshot whose segments are highlighted. */
    private final IndexReader top;

    WeightPerLeafOffsets(UHComponents components, IndexReader top) {
        super(components);
        this.top = top;
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
        Prepared p = perLeaf.get(leaf);
        if (p == null) {
            if (perLeaf.isEmpty() && RewriteReadsNoIndex.test(components.getQuery()) && prepareAll()) {
                p = perLeaf.get(leaf);
            }
            if (p == null) {
                p = prepare(leaf);
                perLeaf.put(leaf, p);
            }
        }
        Matches matches = p.weight().matches(p.segment(), docId);
        if (matches == null) {
            return;
        }
        for (String field : matches) {
            if (components.getFieldMatcher().test(field)) {
                MatchesIterator iterator = matches.getMatches(field);
                if (iterator != null) {
                    results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                }
            }
        }
    }

    /**
     * One Weight for every segment of the snapshot (a query whose rewriting reads no index, so that rewriting it
     * once for all segments gives what rewriting it per segment gives); false when the snapshot has no segments.
     */
    private boolean prepareAll() throws IOException {
        List<LeafReaderContext> leaves = top.leaves();
        if (leaves.isEmpty()) {
            return false;
        }
        LeafReader[] remapped = new LeafReader[leaves.size()];
        for (int i = 0; i < remapped.length; i++) {
            remapped[i] = remapped(leaves.get(i).reader());
        }
        MultiReader all = new MultiReader(remapped);
        IndexSearcher searcher = new IndexSearcher(all);
        searcher.setQueryCache(null);
        Weight weight = searcher.rewrite(components.getQuery()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : all.leaves()) {
            perLeaf.put(leaves.get(leaf.ord).reader(), new Prepared(leaf, weight));
        }
        return true;
    }

    private Prepared prepare(LeafReader leaf) throws IOException {
        LeafReader remapped = remapped(leaf);
        IndexSearcher searcher = new IndexSearcher(remapped);
        searcher.setQueryCache(null);
        Weight weight = searcher.rewrite(components.getQuery()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new Prepared(remapped.getContext(), weight);
    }

    /** As Lucene's strategy does: the fields the matcher accepts are read as the highlighted field. */
    private LeafReader remapped(LeafReader leaf) {
        return new FilterLeafReader(leaf) {
            @Override
            public Terms terms(String field) throws IOException {
                return super.terms(components.getFieldMatcher().test(field) ? components.getField() : field);
            }

            @Override
            public CacheHelper getCoreCacheHelper() {
                return null;
            }

            @Override
            public CacheHelper getReaderCacheHelper() {
                return null;
            }
        };
    }
}

package no.evidens.index;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
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
 * its Weight built once per index segment instead of once per highlighted passage. Lucene's strategy
 * builds both for every passage (a searcher, a rewrite and a term-dictionary seek per query word),
 * which profiling showed to be most of the time of highlighting a page of hits; the matches, and so
 * the highlights, are the same. One instance serves one highlighting call (one thread).
 */
final class WeightPerLeafOffsets extends PostingsOffsetStrategy {
    /** A segment as the highlighter sees it (the matched fields read as the highlighted one) and the query's weight on it. */
    private record Prepared(LeafReader reader, Weight weight) {
    }

    private final Map<LeafReader, Prepared> perLeaf = new IdentityHashMap<>();

    WeightPerLeafOffsets(UHComponents components) {
        super(components);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
        Prepared p = perLeaf.get(leaf);
        if (p == null) {
            p = prepare(leaf);
            perLeaf.put(leaf, p);
        }
        Matches matches = p.weight().matches(p.reader().getContext(), docId);
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

    private Prepared prepare(LeafReader leaf) throws IOException {
        // As Lucene's strategy does: the fields the matcher accepts are read as the highlighted field.
        LeafReader remapped = new FilterLeafReader(leaf) {
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
        IndexSearcher searcher = new IndexSearcher(remapped);
        searcher.setQueryCache(null);
        Weight weight = searcher.rewrite(components.getQuery()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new Prepared(remapped, weight);
    }
}

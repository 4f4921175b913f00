package no.evidens.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * The UnifiedHighlighter's postings strategy in its Weight.matches mode, taking each hit's matches from the
 * highlighting call's {@link PageMatches} instead of rewriting the query, building its Weight and seeking every
 * word's postings again for each hit and field, as Lucene's strategy does (profiling showed that to be most of the
 * time of highlighting a page of hits). Lucene's strategy reads each field its matcher accepts as the highlighted
 * field; a strategy made here accepts only its own field (see {@link OffsetHighlighter}), so the segments are read
 * as they are and one Weight serves every field. The matches, and so the highlights, are the same. One instance
 * serves one highlighting call (one thread).
 */
final class WeightPerLeafOffsets extends PostingsOffsetStrategy {
    private final PageMatches page;

    WeightPerLeafOffsets(UHComponents components, PageMatches page) {
        super(components);
        this.page = page;
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
        Matches matches = page.matches(leaf, docId);
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
}

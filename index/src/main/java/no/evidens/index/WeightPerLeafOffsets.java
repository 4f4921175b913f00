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
    /** The call's matches found by analysing each hit's text, or null: every hit's from {@link #page}. */
    private final AnalysedMatches analysed;

    WeightPerLeafOffsets(UHComponents components, PageMatches page, AnalysedMatches analysed) {
        super(components);
        this.page = page;
        this.analysed = analysed;
    }

    /**
     * A hit's matches in this field found by analysing its text ({@link AnalysedMatches}) where they can be, else read
     * from the postings as Lucene's strategy reads them (it ignores {@code content}).
     */
    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
        if (analysed != null) {
            // As Lucene's strategy: a segment without the field has nothing to highlight in it.
            if (reader.terms(getField()) == null) {
                return OffsetsEnum.EMPTY;
            }
            OffsetsEnum found = analysed.offsets(reader, docId, content, getField());
            if (found != null) {
                return found;
            }
        }
        return super.getOffsetsEnum(reader, docId, content);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results) throws IOException {
        Matches matches = page.matches(leaf, docId);
        if (matches == null) {
            return;
        }
        // Lucene's strategy walks every field of the matches (a stream over the query's parts, per hit and field) and
        // keeps those its matcher accepts; a strategy made here accepts its own field only, so that one is asked for.
        MatchesIterator iterator = matches.getMatches(components.getField());
        if (iterator != null) {
            results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
        }
    }
}

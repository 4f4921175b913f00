package no.evidens.pipeline.passages;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.analyse.IndicatorReasons;
import no.evidens.pipeline.analyse.Spans;

/**
 * A document's passages, each made when it is read: the list keeps where each passage lies (start, end, page, heading:
 * four ints) and the document's text and spans it cuts them from, not the passages themselves. The index reads a huge
 * text's passages once, in order, while it writes them: made all at once, 123,908 passages of an 18 MB log (each its
 * text cut out, its id, its lists) were held beside the analysis they came from, the ingest's largest live heap
 * (round 51). Each {@link #get} makes the passage anew, equal to the one made before: a record, its text cut from the same
 * offsets, its spans looked up the same way. Unmodifiable.
 */
final class PassageList extends AbstractList<Passage> implements RandomAccess {
    private final PassageBuilder.Source src;
    private final Tagged doc;
    /** The headings the passages stand under, each once in a row (most passages of a section share one). */
    private final List<String> headings = new ArrayList<>();
    /** Per passage: start, end, page, heading's index in {@link #headings}. */
    private int[] where = new int[64];
    private int size;

    PassageList(PassageBuilder.Source src, DocumentAnalysis analysis) {
        this.src = src;
        this.doc = new Tagged(analysis);
    }

    /** The next passage: its offsets in the text, the page it starts on, the heading it stands under. */
    void append(int start, int end, int page, String heading) {
        int last = headings.size() - 1;
        if (last < 0 || !headings.get(last).equals(heading)) {
            headings.add(heading);
            last++;
        }
        if (4 * size + 4 > where.length) {
            where = Arrays.copyOf(where, where.length * 2);
        }
        int at = 4 * size++;
        where[at] = start;
        where[at + 1] = end;
        where[at + 2] = page;
        where[at + 3] = last;
    }

    @Override
    public Passage get(int n) {
        if (n < 0 || n >= size) {
            throw new IndexOutOfBoundsException("passage " + n + " of " + size);
        }
        int at = 4 * n;
        int start = where[at];
        int end = where[at + 1];
        List<String> quotes = doc.quotes.startingIn(start, end).stream().map(Spans.Quote::text).toList();
        List<Spans.Indicator> indicatorSpans = doc.indicators.startingIn(start, end);
        List<String> indicators = indicatorSpans.stream().map(Spans.Indicator::id).distinct().toList();
        List<String> laws = doc.legalRefs.startingIn(start, end).stream().filter(r -> r.law() != null)
                .map(Spans.LegalRef::law).distinct().toList();
        return new Passage(Passage.idOf(src.caseId(), src.docId(), n), src.caseId(), src.docId(), src.file(), src.type(),
                src.title(), headings.get(where[at + 3]), where[at + 2], start, end, doc.text.substring(start, end), quotes,
                indicators, laws, src.facets(), IndicatorReasons.of(indicatorSpans));
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * A document's text and the spans its passages carry, each kind looked up by where it starts; the analysis's other
     * parts (its sentences, personal data, names) are not kept.
     */
    private static final class Tagged {
        final String text;
        final SpansByStart<Spans.Quote> quotes;
        final SpansByStart<Spans.Indicator> indicators;
        final SpansByStart<Spans.LegalRef> legalRefs;

        Tagged(DocumentAnalysis doc) {
            text = doc.text();
            quotes = new SpansByStart<>(doc.quotes(), Spans.Quote::start);
            indicators = new SpansByStart<>(doc.indicators(), Spans.Indicator::start);
            legalRefs = new SpansByStart<>(doc.legalRefs(), Spans.LegalRef::start);
        }
    }
}

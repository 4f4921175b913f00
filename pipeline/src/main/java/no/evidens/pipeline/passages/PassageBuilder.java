package no.evidens.pipeline.passages;

import java.util.ArrayList;
import java.util.List;

import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.analyse.Spans;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * Groups the sentences of a document into evidence passages: up to {@link #MAX_SENTENCES}
 * consecutive sentences of one paragraph, and no more than about {@link #MAX_CHARS} characters, so
 * a hit is short enough to quote and long enough to read in context.
 */
public final class PassageBuilder {
    public static final int MAX_SENTENCES = 3;
    public static final int MAX_CHARS = 800;

    /** Where the passages of one document belong. */
    public record Source(String caseId, String docId, String file, String type, String title) {
    }

    public List<Passage> build(Source src, DocumentAnalysis doc) {
        String text = doc.text();
        List<Passage> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        int page = 1;
        int count = 0;
        for (Spans.Sentence s : doc.sentences()) {
            boolean sameParagraph = start >= 0 && !text.substring(end, s.start()).contains(NormalisedText.PARAGRAPH_BREAK);
            boolean fits = count < MAX_SENTENCES && s.end() - start <= MAX_CHARS;
            if (start >= 0 && !(sameParagraph && fits)) {
                out.add(passage(src, doc, out.size(), page, start, end));
                start = -1;
            }
            if (start < 0) {
                start = s.start();
                page = s.page();
                count = 0;
            }
            end = s.end();
            count++;
        }
        if (start >= 0) {
            out.add(passage(src, doc, out.size(), page, start, end));
        }
        return out;
    }

    private static Passage passage(Source src, DocumentAnalysis doc, int n, int page, int start, int end) {
        List<String> quotes = doc.quotes().stream()
                .filter(q -> q.start() >= start && q.start() < end).map(Spans.Quote::text).toList();
        List<String> indicators = doc.indicators().stream()
                .filter(i -> i.start() >= start && i.start() < end).map(Spans.Indicator::id).distinct().toList();
        return new Passage(Passage.idOf(src.caseId(), src.docId(), n), src.caseId(), src.docId(), src.file(), src.type(),
                src.title(), page, start, end, doc.text().substring(start, end), quotes, indicators);
    }
}

package no.evidens.pipeline.analyse;

import java.util.List;

/** Everything the taggers found in one document. */
public record Tags(List<Spans.Sentence> sentences, List<Spans.Quote> quotes, List<Spans.Indicator> indicators,
                   List<Spans.LegalRef> legalRefs, List<Spans.Pii> pii, List<Spans.Entity> entities) {
    public Tags {
        sentences = List.copyOf(sentences);
        quotes = List.copyOf(quotes);
        indicators = List.copyOf(indicators);
        legalRefs = List.copyOf(legalRefs);
        pii = List.copyOf(pii);
        entities = List.copyOf(entities);
    }
}

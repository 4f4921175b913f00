package no.evidens.pipeline.analyse;

import java.util.List;

/**
 * The analysis of one file: the {@code analyze --json} contract. Later work adds fields; it never
 * renames or removes these.
 */
public record DocumentAnalysis(String file, String sha256, String mediaType, String language, int pages, String text,
                               List<Spans.Sentence> sentences, List<Spans.Quote> quotes,
                               List<Spans.Indicator> indicators, List<Spans.LegalRef> legalRefs,
                               List<Spans.Pii> pii, List<Spans.Entity> entities) {
}

package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndicatorReason;

/** Each indicator of a passage says why: the codebook's patterns and the words they matched, or the classifier's confidence. */
class IndicatorReasonsTest {
    private static Spans.Indicator pattern(String id, String text, String pattern) {
        return new Spans.Indicator(id, 0, text.length(), 1, text, "pattern", pattern);
    }

    @Test
    void patternsAndTheirWordsAreGatheredPerIndicator() {
        List<IndicatorReason> r = IndicatorReasons.of(List.of(
                pattern("taushetsplikt", "taushetsplikten", "taushetsplikt"),
                pattern("samarbeidsarena", "samarbeid", "samarbeid"),
                pattern("taushetsplikt", "teieplikta", "teieplikt"),
                pattern("taushetsplikt", "taushetsplikten", "taushetsplikt"),
                pattern("bekymringsmelding", "melding\n  til barnevernet", "melding ~2 barnevern")));
        assertEquals(List.of(
                new IndicatorReason("taushetsplikt", "pattern", 1.0, List.of("taushetsplikt", "teieplikt"),
                        List.of("taushetsplikten", "teieplikta")),
                new IndicatorReason("samarbeidsarena", "pattern", 1.0, List.of("samarbeid"), List.of("samarbeid")),
                new IndicatorReason("bekymringsmelding", "pattern", 1.0, List.of("melding ~2 barnevern"),
                        List.of("melding til barnevernet"))), r);
    }

    @Test
    void theClassifiersConfidenceAndFeaturesComeBackFromItsSpan() {
        String why = IndicatorReasons.modelPattern(0.6234, List.of("samarbeid", "kodebok: FUNN", "tjenestene"));
        assertEquals("model 0.62: samarbeid, kodebok: FUNN, tjenestene", why);
        List<IndicatorReason> r = IndicatorReasons.of(List.of(
                new Spans.Indicator("samarbeidsarena", 0, 40, 1, "Et helt avsnitt …", "model", why)));
        assertEquals(List.of(new IndicatorReason("samarbeidsarena", "model", 0.62,
                List.of("samarbeid", "kodebok: FUNN", "tjenestene"), List.of())), r);
    }
}

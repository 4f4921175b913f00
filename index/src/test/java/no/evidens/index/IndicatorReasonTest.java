package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a passage carries its indicators is stored with it and comes back on every hit; an older passage has none. */
class IndicatorReasonTest {
    private static final String TEXT = "Ansatte kjenner taushetsplikten.\n\nTjenestene samarbeider godt om barna.";
    private static final IndicatorReason PATTERN = new IndicatorReason("taushetsplikt", IndicatorReason.PATTERN, 1.0,
            List.of("taushetsplikt"), List.of("taushetsplikten"));
    private static final IndicatorReason MODEL = new IndicatorReason("samarbeidsarena", IndicatorReason.MODEL, 0.62,
            List.of("samarbeid", "kodebok: FUNN", "tjenestene"), List.of());

    @TempDir
    Path dir;

    @Test
    void storedFormReadsBackAsWritten() {
        assertEquals(PATTERN, IndicatorReason.decode(PATTERN.encode()));
        assertEquals(MODEL, IndicatorReason.decode(MODEL.encode()));
        IndicatorReason odd = new IndicatorReason("x", IndicatorReason.PATTERN, 1, List.of("a\tb"), List.of("c\u001fd"));
        assertEquals(new IndicatorReason("x", IndicatorReason.PATTERN, 1, List.of("a b"), List.of("c d")),
                IndicatorReason.decode(odd.encode()));
        assertNull(IndicatorReason.decode("not a reason"));
    }

    @Test
    void confidenceIsWrittenAsTheFormatterWritesIt() {
        for (double c : new double[] {1.0, 0.0, 0.62, 0.9995, 0.99949, 0.5, 0.0005, 1e-9, Math.nextDown(1.0)}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.3f", c), IndicatorReason.confidence(c), "" + c);
        }
        assertEquals("taushetsplikt\tpattern\t1.000\ttaushetsplikt\ttaushetsplikten", PATTERN.encode());
    }

    @Test
    void hitsCarryTheReasonsOfTheirPassageAndNoneForAnOlderOne() throws IOException {
        int p2 = TEXT.indexOf("Tjenestene");
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(new IndexedDocument("d1", "sak-1", "plan.txt", "styringsdokument", "Plan", "sha", "text/plain", TEXT,
                            List.of(0)),
                    List.of(new Passage(Passage.idOf("sak-1", "d1", 0), "sak-1", "d1", "plan.txt", "styringsdokument",
                                    "Plan", "", 1, 0, p2 - 2, TEXT.substring(0, p2 - 2), List.of(), List.of("taushetsplikt"),
                                    List.of(), Map.of(), List.of(PATTERN)),
                            new Passage(Passage.idOf("sak-1", "d1", 1), "sak-1", "d1", "plan.txt", "styringsdokument",
                                    "Plan", "", 1, p2, TEXT.length(), TEXT.substring(p2), List.of(),
                                    List.of("samarbeidsarena"), List.of())));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("taushetsplikt", null, null, 10));
            assertEquals(List.of(PATTERN), r.hits().get(0).indicatorReasons());
            SearchResult older = s.search(new SearchRequest("indikator:samarbeidsarena", null, null, 10));
            assertEquals(List.of("samarbeidsarena"), older.hits().get(0).indicators());
            assertEquals(List.of(), older.hits().get(0).indicatorReasons());
        }
    }
}

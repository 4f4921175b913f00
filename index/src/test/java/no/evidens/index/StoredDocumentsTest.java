package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document and its passages read back from the index as stored: what {@code evidens reindex} re-tags from. */
class StoredDocumentsTest {
    @TempDir
    Path dir;

    private static final String TEXT = "Rutine\n\nKommunen har taushetsplikt etter barnevernloven. Det er «viktig».\n\nSlutt.";

    @Test
    void aDocumentComesBackWithItsTextPagesFacetsAndEveryPassageAsWritten() throws Exception {
        IndexedDocument doc = new IndexedDocument("d1", "sak-a", "styringsdokumenter/rutine.pdf", "styringsdokument", "Rutine",
                "abc", "application/pdf", TEXT, List.of(0, 8), "5");
        int s = TEXT.indexOf("Kommunen");
        int e = TEXT.indexOf("Slutt.") - 2;
        Map<String, String> facets = Map.of("kommune", "Fjordvik", "tjeneste", "barnevern", "år", "2025", "dato", "2025-03-01");
        IndicatorReason why = new IndicatorReason("taushetsplikt", "pattern", 1.0, List.of("taushetsplikt"), List.of("taushetsplikt"));
        Passage p1 = new Passage(Passage.idOf("sak-a", "d1", 1), "sak-a", "d1", doc.file(), doc.type(), doc.title(), "Rutine", 2, s, e,
                TEXT.substring(s, e), List.of("viktig"), List.of("taushetsplikt"), List.of("barnevernloven"), facets, List.of(why));
        int s2 = TEXT.indexOf("Slutt.");
        Passage p2 = new Passage(Passage.idOf("sak-a", "d1", 2), "sak-a", "d1", doc.file(), doc.type(), doc.title(), "", 2, s2,
                s2 + 6, "Slutt.", List.of(), List.of(), List.of(), facets, List.of());
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(doc, List.of(p2, p1));
            w.add(new IndexedDocument("d2", "sak-b", "b.txt", "annet", "B", "def", "text/plain", "B.", List.of(0)), List.of());
            w.add(new IndexedDocument("d0", "sak-a", "annet/a.txt", "annet", "A", "ghi", "text/plain", "A.", List.of(0)), List.of());
            w.commit();
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            assertEquals(List.of(new StoredDocument.Entry("sak-a", "d0", "annet/a.txt"),
                    new StoredDocument.Entry("sak-a", "d1", "styringsdokumenter/rutine.pdf")), w.documents("sak-a"));
            assertEquals(List.of("sak-a", "sak-a", "sak-b"), w.documents(null).stream().map(StoredDocument.Entry::caseId).toList());
            StoredDocument read = w.stored("sak-a", "d1").orElseThrow();
            assertEquals(doc, read.document());
            // facets as the index keeps them: lower case, the date as a day
            assertEquals(Map.of("kommune", "fjordvik", "tjeneste", "barnevern", "år", "2025", "dato", "2025-03-01"), read.facets());
            assertEquals(2, read.passages().size());
            Passage back = read.passages().get(0);
            assertEquals(List.of(p1.passageId(), s, e, 2, "Rutine", List.of("viktig"), List.of("taushetsplikt"),
                    List.of("barnevernloven"), List.of(why)), List.of(back.passageId(), back.start(), back.end(), back.page(),
                    back.heading(), back.quotes(), back.indicators(), back.laws(), back.indicatorReasons()));
            assertEquals(p2.passageId(), read.passages().get(1).passageId());
            assertTrue(w.stored("sak-a", "nope").isEmpty());
        }
    }

    @Test
    void aSinkThatOnlyIngestsRefusesToReadBack() {
        EvidenceSink onlyAdds = new EvidenceSink() {
            @Override
            public void add(IndexedDocument doc, List<Passage> passages) {
            }

            @Override
            public void replace(IndexedDocument doc, List<Passage> passages) {
            }

            @Override
            public boolean contains(String caseId, String sha256) {
                return false;
            }

            @Override
            public void commit() {
            }

            @Override
            public void close() {
            }
        };
        assertThrows(UnsupportedOperationException.class, () -> onlyAdds.documents("sak-a"));
        assertThrows(UnsupportedOperationException.class, () -> onlyAdds.stored("sak-a", "d1"));
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceIndexTest {
    private static final String PLAN = "Samarbeidsplan\n\nBarneverntjenesten og NAV møtes i ansvarsgruppen hver måned. "
            + "Leder sier at «rutinene er kjent for alle».\n\nHelsestasjonen <b>deltar</b> ikke.";
    private static final String JOURNAL = "Journalnotat\n\nFastlegen deltok i ansvarsgruppemøtet om gutten.";

    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(doc("d1", "styringsdokumenter/plan.pdf", "styringsdokument", PLAN),
                    List.of(passage("d1", 0, "styringsdokumenter/plan.pdf", "styringsdokument", PLAN, 16, 103, 1),
                            passage("d1", 1, "styringsdokumenter/plan.pdf", "styringsdokument", PLAN, 105, PLAN.length(), 2)));
            w.add(doc("d2", "journaler/j.txt", "journal", JOURNAL),
                    List.of(passage("d2", 0, "journaler/j.txt", "journal", JOURNAL, 14, JOURNAL.length(), 1)));
            w.commit();
            assertTrue(w.contains("sak-1", "sha-d1"));
            assertFalse(w.contains("sak-2", "sha-d1"));
        }
    }

    private static IndexedDocument doc(String id, String file, String type, String text) {
        return new IndexedDocument(id, "sak-1", file, type, "Tittel " + id, "sha-" + id, "text/plain", text, List.of(0));
    }

    private static Passage passage(String docId, int n, String file, String type, String text, int start, int end, int page) {
        return new Passage(Passage.idOf("sak-1", docId, n), "sak-1", docId, file, type, "Tittel " + docId, "", page,
                start, end, text.substring(start, end), List.of(), List.of());
    }

    @Test
    void findsInflectedFormsWithCitationAndMarkedSnippet() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("ansvarsgruppe", "sak-1", null, 10));
            assertEquals(2, r.total(), "the stemmer matches ansvarsgruppen, the compound parts ansvarsgruppemøtet");
            SearchHit hit = r.hits().get(0);
            assertEquals("styringsdokumenter/plan.pdf", hit.file());
            assertEquals(PLAN.substring(hit.start(), hit.end()), hit.text());
            assertTrue(hit.snippet().contains("<mark>ansvarsgruppen</mark>"), hit.snippet());
            assertEquals(1, r.facets().get("type").get("styringsdokument"));
            assertTrue(r.hits().get(1).snippet().contains("<mark>ansvarsgruppemøtet</mark>"), "a part marks its word");
        }
    }

    @Test
    void snippetsEscapeDocumentHtml() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchHit hit = s.search(new SearchRequest("helsestasjonen", null, null, 10)).hits().get(0);
            assertTrue(hit.snippet().contains("&lt;b&gt;deltar&lt;"), hit.snippet());
            assertFalse(hit.snippet().contains("<b>"));
        }
    }

    @Test
    void filtersByTypeAndCountsFacets() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult all = s.search(new SearchRequest("ansvarsgruppen OR ansvarsgruppemøtet", null, null, 10));
            assertEquals(2, all.total());
            assertEquals(1, all.facets().get("type").get("journal"));
            SearchResult journals = s.search(new SearchRequest("ansvarsgruppen OR ansvarsgruppemøtet", null, "journal", 10));
            assertEquals(1, journals.total());
            assertEquals("journaler/j.txt", journals.hits().get(0).file());
        }
    }

    @Test
    void readsBackTheWholeDocument() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(PLAN, s.document("sak-1", "d1").orElseThrow().text());
            assertTrue(s.document("sak-1", "nope").isEmpty());
        }
    }

    @Test
    void malformedQueryGivesAClearMessage() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                    () -> s.search(new SearchRequest("\"taushetsplikt samarbeid", null, null, 10)));
            assertTrue(e.getMessage().contains("quotation mark"), e.getMessage());
        }
    }

    @Test
    void missingIndexSaysWhatToDo(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new EvidenceSearcher(empty.resolve("none")));
        assertTrue(e.getMessage().contains("ingest a bundle first"));
    }
}

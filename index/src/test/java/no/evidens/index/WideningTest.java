package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search widens to passages holding some of the words only when the whole case has few holding them all. */
class WideningTest {
    @TempDir
    Path dir;

    @Test
    void aFilterGivesTheCountItsFacetShowedAndDoesNotWidenOnItsOwn() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (int i = 0; i < 20; i++) {
                add(w, "j" + i, "journal", "Klagen ble besvart av barneverntjenesten i tide.");
            }
            add(w, "n0", "notat", "Klagen ble besvart av barneverntjenesten etter tre uker.");
            add(w, "n1", "notat", "Klagen ble sendt for sent.");
            add(w, "n2", "notat", "Barneverntjenesten hadde møte med familien.");
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult whole = s.search(new SearchRequest("klagen barneverntjenesten", "sak", null, 10));
            assertFalse(whole.relaxed(), "21 passages hold both words");
            int notat = whole.facets().get(PassageSchema.TYPE).get("notat");
            assertEquals(1, notat);
            SearchResult filtered = s.search(new SearchRequest("klagen barneverntjenesten", "sak", "notat", 10));
            assertFalse(filtered.relaxed(), "one note holds both words, but the case has 21 such passages");
            assertEquals(notat, filtered.total());

            SearchResult few = s.search(new SearchRequest("klagen sent", "sak", "notat", 10));
            assertTrue(few.relaxed(), "one passage in the whole case holds both words: the search widens");
            assertEquals(1, few.allWords());
            assertEquals("Klagen ble sendt for sent.", few.hits().get(0).text());
        }
    }

    @Test
    void aSearchThatWidensNeitherReadsNorHighlightsThePageItDrops() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (int i = 0; i < 20; i++) {
                add(w, "j" + i, "journal", "Klagen ble besvart av barneverntjenesten i tide.");
            }
            add(w, "n1", "notat", "Klagen ble sendt for sent.");
            add(w, "n2", "notat", "Svaret kom sent.");
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult kept = s.search(new SearchRequest("klagen barneverntjenesten", "sak", null, 10));
            assertFalse(kept.relaxed(), "20 passages hold both words");
            assertTrue(s.highlightedEveryWord("klagen barneverntjenesten"), "a search that stands highlights its page");

            SearchResult widened = s.search(new SearchRequest("klagen sent", "sak", null, 10));
            assertTrue(widened.relaxed(), "one passage holds both words: the search widens");
            assertFalse(s.highlightedEveryWord("klagen sent"), "the page of every-word hits it dropped was not highlighted");
            // What the widened search answers: every passage holding a word, the one holding both first, highlighted.
            assertEquals(22, widened.total());
            assertEquals(1, widened.allWords());
            assertEquals(10, widened.hits().size());
            SearchHit first = widened.hits().get(0);
            assertEquals("sak/n1/0", first.passageId());
            assertEquals(List.of(new TextRange(0, 6), new TextRange(21, 25)), first.matches());
            assertEquals(22, widened.facets().get(PassageSchema.TYPE).values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    private static void add(EvidenceIndexWriter w, String docId, String type, String text) throws IOException {
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage(Passage.idOf("sak", docId, 0), "sak", docId, docId + ".txt", type, "T", "", 1, 0, text.length(),
                text, List.of(), List.of()));
        w.add(new IndexedDocument(docId, "sak", docId + ".txt", type, "T", "sha-" + docId, "text/plain", text, List.of(0)), passages);
    }
}

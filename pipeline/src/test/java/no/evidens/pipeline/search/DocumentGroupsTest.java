package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.index.SearchHit;

class DocumentGroupsTest {
    private static SearchHit hit(String caseId, String docId, String passageId, float score) {
        return new SearchHit(passageId, caseId, docId, docId + ".pdf", "journal", "Tittel " + docId, null, 1, 0, 10, "tekst", score,
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Best first: plan a (4 hits), b in case 1, b in case 2 (another document of the same id), c. */
    private static List<SearchHit> hits() {
        return List.of(hit("k1", "a", "k1/a/0", 9f), hit("k1", "a", "k1/a/1", 8f), hit("k1", "b", "k1/b/0", 7f),
                hit("k2", "b", "k2/b/0", 6f), hit("k1", "a", "k1/a/2", 5f), hit("k1", "a", "k1/a/3", 4f), hit("k1", "c", "k1/c/0", 3f));
    }

    @Test
    void documentsComeInTheOrderOfTheirBestPassageWithTheirCountAndBestThree() {
        DocumentGroups g = DocumentGroups.of(hits(), 7, 0, 10);
        assertEquals(4, g.total());
        assertTrue(g.exact());
        assertEquals(List.of("k1/a", "k1/b", "k2/b", "k1/c"), g.documents().stream().map(d -> d.caseId() + "/" + d.docId()).toList());
        DocumentGroups.Group a = g.documents().get(0);
        assertEquals(4, a.hits());
        assertEquals(9f, a.bestScore());
        assertEquals("Tittel a", a.title());
        assertEquals(List.of("k1/a/0", "k1/a/1", "k1/a/2"), a.passages().stream().map(SearchHit::passageId).toList());
        assertEquals(List.of("k1/a/0", "k1/a/1", "k1/a/2", "k1/b/0", "k2/b/0", "k1/c/0"),
                g.shownHits().stream().map(SearchHit::passageId).toList());
    }

    @Test
    void aLaterPageHoldsOnlyItsDocumentsAndTheTotalCountsEveryDocument() {
        DocumentGroups g = DocumentGroups.of(hits(), 50, 2, 1);
        assertEquals(4, g.total());
        assertFalse(g.exact(), "fewer hits grouped than the search has");
        assertEquals(1, g.documents().size());
        DocumentGroups.Group third = g.documents().get(0);
        assertEquals("k2", third.caseId());
        assertEquals("b", third.docId());
        assertEquals(1, third.hits());
        assertEquals(List.of("k2/b/0"), g.shownHits().stream().map(SearchHit::passageId).toList());
    }

    @Test
    void aPageBeyondTheLastDocumentIsEmpty() {
        DocumentGroups g = DocumentGroups.of(hits(), 7, 4, 10);
        assertEquals(4, g.total());
        assertEquals(List.of(), g.documents());
        assertEquals(List.of(), g.shownHits());
    }
}

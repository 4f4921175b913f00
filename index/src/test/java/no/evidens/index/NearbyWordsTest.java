package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a relaxed search, of two passages that hold the same words in reports that hold the same words, the one whose
 * neighbouring passage holds the query's other words comes first.
 */
class NearbyWordsTest {
    /** A passage of about 400 characters that holds none of the test's query words. */
    private static final String FILLER = "Møtet ble holdt i mars, og deltakerne gikk gjennom planene for året som kommer. ".repeat(5).strip();

    @TempDir
    Path dir;

    @Test
    void aPassageWhoseNeighbourHoldsTheOtherWordComesFirst() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            // "a-..." sorts first: without the rule the tie of the two klagen passages goes to it
            ReportDocuments.add(w, "a-far", List.of("Klagen ble behandlet av kommunen.", FILLER, FILLER, FILLER, "Fristen for svar var tre uker."));
            ReportDocuments.add(w, "b-near", List.of("Klagen ble behandlet av kommunen.", "Fristen for svar var tre uker."));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("klagen fristen", "sak", null, 10));
            assertTrue(r.relaxed(), "no passage holds both words");
            List<String> ids = r.hits().stream().map(SearchHit::passageId).toList();
            assertEquals(Set.of("sak/a-far/0", "sak/a-far/4", "sak/b-near/0", "sak/b-near/1"), Set.copyOf(ids),
                    "a passage holding neither word is no hit, though its neighbour holds one");
            assertTrue(ids.indexOf("sak/b-near/0") < ids.indexOf("sak/a-far/0"),
                    "of the two passages holding klagen, the one with fristen in the next passage first: " + ids);
            SearchHit first = r.hits().get(ids.indexOf("sak/b-near/0"));
            assertEquals(List.of("Klagen"), first.matches().stream()
                    .map(m -> first.text().substring(m.start(), m.end())).toList(), "the neighbour's words mark nothing");
        }
    }

    @Test
    void aNeighbourIsAnotherPassageWithinReach() {
        long[] starts = {0, 500, 5000};
        assertTrue(NearbyWords.Near.neighbour(starts, 0), "the passage at 500 is near the one at 0");
        assertTrue(NearbyWords.Near.neighbour(starts, 1000), "a passage at 1000 has the one at 500 near it");
        assertFalse(NearbyWords.Near.neighbour(new long[] {0}, 0), "a passage is not its own neighbour");
        assertFalse(NearbyWords.Near.neighbour(starts, 3000), "nothing within reach of 3000");
        assertFalse(NearbyWords.Near.neighbour(starts, 1200), "the one at 500 is beyond reach of 1200");
        assertFalse(NearbyWords.Near.neighbour(null, 0), "a document without the word");
    }
}

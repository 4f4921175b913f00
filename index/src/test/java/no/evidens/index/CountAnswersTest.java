package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A question asking how many puts the passage that gives a count before one that holds the same words without it. */
class CountAnswersTest {

    // invented passages: the same words of the question, the longer one with a count; a third holds only a count
    private static final String PLAIN = "Kommunene mangler rutiner for tilsynet.";
    private static final String COUNTED = "Kommunene mangler rutiner for tilsynet, fant vi i 16 av de 24 kommunene vi besøkte i fjor.";
    private static final String NUMBER_ONLY = "Det var 12 deltakere på møtet.";

    @Test
    void aQuestionOfHowManyPutsTheCountFirst(@TempDir Path dir) throws IOException {
        OneDocumentIndex.write(dir, List.of(PLAIN, COUNTED, NUMBER_ONLY));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("hvor mange kommuner mangler rutiner", null, null, 10));
            assertTrue(r.relaxed(), "no passage holds mange");
            assertEquals(List.of(COUNTED, PLAIN), texts(r), "the count first; a count alone makes no hit");
        }
    }

    @Test
    void withoutTheQuestionTheShorterPassageStaysFirst(@TempDir Path dir) throws IOException {
        OneDocumentIndex.write(dir, List.of(PLAIN, COUNTED, NUMBER_ONLY));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("mange kommuner mangler rutiner", null, null, 10));
            assertTrue(r.relaxed());
            assertEquals(List.of(PLAIN, COUNTED), texts(r));
        }
    }

    @Test
    void onlyHowManyAsks() {
        assertTrue(CountAnswers.asks("Kor mange tilsyn må kvar statsforvaltar gjennomføre"));
        assertTrue(CountAnswers.asks("i hvor mange tilsyn ble det funnet lovbrudd"));
        assertFalse(CountAnswers.asks("mange barn venter på tiltak"));
        assertFalse(CountAnswers.asks("hvor ofte skal fosterhjemmet besøkes"));
    }

    private static List<String> texts(SearchResult r) {
        return r.hits().stream().map(SearchHit::text).toList();
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search stopped after one of its parts (the bench's breakdown of where a search's time goes) is the same search:
 * it counts what the whole search counts, on each path a search can take.
 */
class SearchStageTest {
    @Test
    void aSearchStoppedAfterAnyPartCountsWhatTheWholeSearchCounts(@TempDir Path dir) throws IOException {
        // invented passages: the word in every third, a phrase in every fifth
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Punkt " + i + (i % 3 == 0 ? " gjelder ettervern" : " gjelder tilsyn") + (i % 5 == 0 ? " og individuell plan" : "") + ".");
        }
        OneDocumentIndex.write(dir, texts);
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            for (SearchRequest r : List.of(new SearchRequest("ettervern", null, null, 10), new SearchRequest("ettervern", "sak", null, 10),
                    new SearchRequest("\"individuell plan\"", null, null, 10))) {
                long total = s.search(r).total();
                assertEquals(r.query().startsWith("\"") ? 8 : 14, total, r.toString());
                assertEquals(0, s.searchUpTo(r, SearchStage.QUERY), "reading the query counts nothing");
                for (SearchStage stage : List.of(SearchStage.PAGE, SearchStage.CAP, SearchStage.STORED, SearchStage.ALL)) {
                    assertEquals(total, s.searchUpTo(r, stage), r + " up to " + stage);
                }
            }
        }
    }
}

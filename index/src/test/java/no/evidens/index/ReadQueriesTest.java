package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query text read on one snapshot is read again on the next: what it means can change with the index (a compound word
 * no passage held, sought as its halves, is sought whole once a passage holds it). A text that cannot be read is refused
 * every time. Invented words: {@code glimmer}, {@code glimmersplan}.
 */
class ReadQueriesTest {
    @TempDir
    Path dir;

    @Test
    void aTextIsReadAgainOnceTheIndexHasChanged() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har ingen plan for glimmer.", "Kommunen har en plan."));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            // no passage holds the compound: sought as its two halves, the passage with both found (twice: the second
            // search takes the text as read for the first)
            for (int i = 0; i < 2; i++) {
                assertEquals(List.of("sak/d/0"), ids(s, "glimmersplan"), "search " + (i + 1));
            }
            try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
                String text = "Et glimmersplan ble laget.";
                w.add(new IndexedDocument("d2", "sak", "b.txt", "rapport", "B", "sha2", "text/plain", text, List.of(0)),
                        List.of(new Passage(Passage.idOf("sak", "d2", 0), "sak", "d2", "b.txt", "rapport", "B", "", 1, 0,
                                text.length(), text, List.of(), List.of())));
                w.commit();
            }
            // a passage now holds the word: the new snapshot reads the text anew and seeks it whole
            assertEquals(List.of("sak/d2/0"), ids(s, "glimmersplan"));
        }
    }

    @Test
    void aTextThatCannotBeReadIsRefusedEveryTime() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har en plan."));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            for (int i = 0; i < 2; i++) {
                QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> ids(s, "\"plan"));
                assertTrue(e.getMessage().contains("not closed"), e.getMessage());
            }
            assertEquals(List.of("sak/d/0"), ids(s, "plan"));
        }
    }

    private static List<String> ids(EvidenceSearcher s, String query) throws IOException {
        return s.search(new SearchRequest(query, null, null, 10)).hits().stream().map(SearchHit::passageId).toList();
    }
}

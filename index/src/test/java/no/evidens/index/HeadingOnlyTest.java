package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word a passage holds only in its heading counts for part of a tier in a relaxed search of four or more words, so a
 * passage whose own text holds the question's words comes before one that has a word only from the heading over it.
 */
class HeadingOnlyTest {
    // invented passages, each holding two of the question's words: the short one holds `rutiner` only in its heading
    // (a higher score from the words alone), the long one both words in its text; a third holds `rutiner` only
    private static final String UNDER = "Fosterhjem fosterhjem fosterhjem.";
    private static final String OWN = "Vi har lest rutiner som beskriver hva de ansatte skal gjøre når et barn flytter til "
            + "fosterhjem, og hvem som har ansvaret for hvert av stegene. De er lagt fram for oss i sin helhet under besøket, "
            + "og vi har snakket med flere av dem som bruker dem i det daglige arbeidet med barna og familiene deres.";
    private static final String OTHER = "Rutiner og atter rutiner.";

    @Test
    void aQuestionsWordInTheTextOutranksTheSameWordInTheHeading(@TempDir Path dir) throws IOException {
        assertEquals(List.of(OWN, UNDER, OTHER), ranked(dir, "rutiner fosterhjem avvikling tilbakeføring"));
    }

    @Test
    void aShortSearchCountsTheHeadingInFull(@TempDir Path dir) throws IOException {
        assertEquals(List.of(UNDER, OWN, OTHER), ranked(dir, "rutiner fosterhjem avvikling"),
                "with three words both passages hold two, and the words' scores decide");
    }

    /** The passages' texts in the order a relaxed search of {@code query} ranks them. */
    private static List<String> ranked(Path dir, String query) throws IOException {
        write(dir);
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest(query, null, null, 10));
            assertTrue(r.relaxed(), "no passage holds every word");
            return r.hits().stream().map(SearchHit::text).toList();
        }
    }

    private static void write(Path dir) throws IOException {
        String text = UNDER + "\n\n" + OWN + "\n\n" + OTHER;
        int own = UNDER.length() + 2;
        int other = own + OWN.length() + 2;
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(new IndexedDocument("d", "sak", "a.txt", "rapport", "A", "sha", "text/plain", text, List.of(0)), List.of(
                    new Passage(Passage.idOf("sak", "d", 0), "sak", "d", "a.txt", "rapport", "A", "Rutiner", 1, 0,
                            UNDER.length(), UNDER, List.of(), List.of()),
                    new Passage(Passage.idOf("sak", "d", 1), "sak", "d", "a.txt", "rapport", "A", "", 1, own,
                            own + OWN.length(), OWN, List.of(), List.of()),
                    new Passage(Passage.idOf("sak", "d", 2), "sak", "d", "a.txt", "rapport", "A", "", 1, other,
                            text.length(), OTHER, List.of(), List.of())));
            w.commit();
        }
    }
}

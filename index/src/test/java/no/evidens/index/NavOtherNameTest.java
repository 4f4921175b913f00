package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped list's {@code nav} entry names the office's service in other words: a relaxed search ranks a passage
 * naming Nav itself above one that names only the social services, and still finds the latter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavOtherNameTest {
    private static final List<String> PASSAGES = List.of(
            "Sosialtjenesten skal følge barnekonvensjonen.",
            "Etter barnekonvensjonen skal Nav vurdere hva som er barnets beste når familien søker om stønad til husleie og mat.",
            "Fosterforeldrene fikk veiledning.");

    @TempDir
    static Path dir;
    @TempDir
    static Path home;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    @Test
    void theOfficeItselfComesBeforeTheServiceItGives() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            List<String> hits = OneDocumentIndex.texts(s, "barnekonvensjonen Nav");
            assertEquals(List.of(PASSAGES.get(1), PASSAGES.get(0)), hits, "Nav's own passage first, the service's still found");
            assertEquals(Set.of(PASSAGES.get(0), PASSAGES.get(1)), Set.copyOf(OneDocumentIndex.texts(s, "nav")), "the one-word search finds both");
        }
    }

    @Test
    void unmarkedTheShortPassageOnTheServiceWouldComeFirst() throws IOException {
        Path list = Files.writeString(home.resolve("synonyms.txt"), "nav, sosialtjenesten, sosialtenesta\n");
        try (EvidenceSearcher s = new EvidenceSearcher(dir, NorwegianAnalysis.queryAnalyzer(list))) {
            assertEquals(List.of(PASSAGES.get(0), PASSAGES.get(1)), OneDocumentIndex.texts(s, "barnekonvensjonen Nav"));
        }
    }
}

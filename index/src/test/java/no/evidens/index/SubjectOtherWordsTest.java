package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped list's other names for a question's subject as reports write it (round 60): a search finds a passage
 * that names the thing asked about only in the report's words ({@code helsekontroll} for {@code helseundersøkelser},
 * {@code forsørgeransvar} for {@code barnefamilier}, {@code tilsvar} for {@code kommentere}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectOtherWordsTest {
    private static final List<String> PASSAGES = List.of(
            "Helsestasjonen sikrar ikkje at alle barn får helsekontroll til rett tid.",
            "Skolehelsetjenesten gjennomfører helseundersøkelser av elevene.",
            "Kommunen vurderer ikke søknader om økonomisk stønad fra personer med forsørgeransvar for barn.",
            "Kommunen ga tilsvar til utkastet før tilsynet ble avsluttet.",
            "Fosterforeldrene fikk veiledning.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    @Test
    void aHealthCheckIsFoundForHealthExaminations() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(Set.of(PASSAGES.get(0), PASSAGES.get(1)), Set.copyOf(OneDocumentIndex.texts(s, "helseundersøkelser")),
                    "the passage writing helsekontroll found beside the one writing the word");
        }
    }

    @Test
    void aProvidersDutyIsFoundForFamiliesWithChildren() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(PASSAGES.get(2), OneDocumentIndex.texts(s, "sosialhjelp til barnefamilier").get(0));
        }
    }

    @Test
    void aReplyToTheDraftIsFoundForCommentsOnIt() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of(PASSAGES.get(3)), OneDocumentIndex.texts(s, "kommentere"));
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words that reports write inside compounds ({@code helgeavlastning}, {@code oppstart}, {@code kartleggingssamtalene})
 * are found by a search for the word on its own, through the compound-part lexicon; words the lexicon leaves out
 * because they stand inside words of another meaning are not ({@code klage} in {@code klageren}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCompoundPartsTest {
    private static final List<String> PASSAGES = List.of(
            "Kommunen avviste klage fra en fostermor over vedtak om helgeavlastning for fosterbarnet.",
            "Statsforvalteren skal ved oppstart av tilsynet be tjenesten om en egenrapportering.",
            "Nav-kontoret gjennomførte kartleggingssamtalene med familiene.",
            "Klageren fikk svar fra kommunen etter tre uker.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    @Test
    void aWordIsFoundInsideTheCompoundsReportsWriteItIn() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of(PASSAGES.get(0)), OneDocumentIndex.texts(s, "avlastning"));
            assertEquals(List.of(PASSAGES.get(2)), OneDocumentIndex.texts(s, "samtale"));
            assertEquals(PASSAGES.get(1), OneDocumentIndex.texts(s, "tilsynet start").get(0), "oppstart holds start");
        }
    }

    @Test
    void aComplaintIsNotSoughtInsideTheComplainant() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of(PASSAGES.get(0)), OneDocumentIndex.texts(s, "klage"), "klageren is no compound of klage");
        }
    }
}

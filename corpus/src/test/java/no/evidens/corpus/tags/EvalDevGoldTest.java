package no.evidens.corpus.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDevGoldTest {
    @Test
    void bodyIsTheTextAfterTheHeaderAndItsBlankLine() {
        assertEquals("Tekst.\n\nMer.", EvalDevGold.body("url: x\nquery: y\nlang: nb\nhas_quote: no\n\nTekst.\n\nMer."));
    }

    @Test
    void oddFileNumbersAreDevEvenAreTest() {
        assertEquals("dev", EvalDevGold.splitOf("003.txt"));
        assertEquals("test", EvalDevGold.splitOf("006.txt"));
    }

    @Test
    void checkIsAShortSha1() {
        assertEquals(8, EvalDevGold.check("bvl. § 4-3").length());
    }

    @Test
    void aMissingFolderOrFileIsAClearError(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalDevGold.load(dir.resolve("nowhere"), dir.resolve("offsets.tsv"), "dev"));
        assertTrue(e.getMessage().contains("eval-dev folder not found"), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("offsets.tsv"), "003.txt\tannotated\tq\n");
        e = assertThrows(IllegalArgumentException.class, () -> EvalDevGold.load(dir.resolve("empty"), dir.resolve("offsets.tsv"), "dev"));
        assertTrue(e.getMessage().contains("eval-dev file not found"), e.getMessage());
    }
}

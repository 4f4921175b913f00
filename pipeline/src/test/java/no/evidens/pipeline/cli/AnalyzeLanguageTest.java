package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/**
 * {@code evidens analyze} says {@code und} as what it is, the detector's "cannot tell", not as if it were a language; the
 * JSON keeps the code (the README walk of round 40: a short Bokmål DOCX showed {@code language und}).
 */
class AnalyzeLanguageTest {
    @TempDir
    Path tmp;

    @Test
    void undIsSaidToBeNoLanguage() throws Exception {
        Path file = Files.writeString(tmp.resolve("kort.txt"), "Møte 12.3.\n");
        CliRun text = CliRun.of("analyze", file.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("language    und (cannot tell: too little text, or several languages)"), text.out());
        CliRun json = CliRun.of("analyze", file.toString(), "--json");
        assertTrue(json.out().contains("\"language\" : \"und\""), json.out());
    }
}

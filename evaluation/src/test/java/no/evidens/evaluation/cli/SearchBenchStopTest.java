package no.evidens.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchStopTest {
    @TempDir
    Path tmp;

    @Test
    void aBenchStoppedBeforeItsEndDeletesItsHalfBuiltIndexAndSaysSo() throws Exception {
        Path index = Files.createDirectories(tmp.resolve("bench-index"));
        Files.writeString(index.resolve("_0.fdt"), "half a segment");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        SearchBenchCommand.onStop(index, new PrintStream(err, true, StandardCharsets.UTF_8)).run();

        assertFalse(Files.exists(index), "no half-built index left behind");
        assertEquals("evidens: bench search stopped before its end, no figures; its index deleted (" + index + ")",
                err.toString(StandardCharsets.UTF_8).strip());
    }
}

package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;

/** A remembered failure says the same on every re-ingest, and a retry replaces it with what the new reading said. */
class FailureMemoryTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path tmp;

    @Test
    void saidAgainItKeepsItsFirstWords() {
        FailureMemory memory = new FailureMemory(tmp, false);
        memory.remember(SHA, new ExtractionException(Reason.DAMAGED, "zip END header not found"));
        ExtractionException again = FailedLines.failedBefore(memory.recall(SHA).orElseThrow());
        memory.remember(SHA, again); // what the route does with the failure it recalled
        assertEquals("zip END header not found", memory.recall(SHA).orElseThrow().detail());

        new FailureMemory(tmp, true).remember(SHA, new ExtractionException(Reason.ENCRYPTED, "password"));
        assertEquals(Reason.ENCRYPTED, memory.recall(SHA).orElseThrow().reason());
    }
}

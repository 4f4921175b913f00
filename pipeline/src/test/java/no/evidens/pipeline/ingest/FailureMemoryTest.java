package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aFileThatRanOutOfTimeIsReadAgainNextTimeNotRecalled() {
        FailureMemory memory = new FailureMemory(tmp, false);
        memory.remember(SHA, new ExtractionException(Reason.TIMED_OUT, "limit 300 s"));
        assertTrue(memory.recall(SHA).isEmpty(), "a time limit met on a busy machine says nothing of the bytes");
        memory.remember(SHA, new ExtractionException(Reason.DAMAGED, "zip END header not found"));
        assertEquals(Reason.DAMAGED, memory.recall(SHA).orElseThrow().reason(), "a damaged file is still recalled");
    }

    @Test
    void aFileOutOfTimeOnTwoReadingsInARowIsRecalled() {
        FailureMemory memory = new FailureMemory(tmp, false);
        memory.remember(SHA, new ExtractionException(Reason.TIMED_OUT, "limit 300 s"));
        memory.remember(SHA, new ExtractionException(Reason.TIMED_OUT, "limit 300 s"));
        FailureMemory.Failure recalled = memory.recall(SHA).orElseThrow();
        assertEquals(Reason.TIMED_OUT, recalled.reason());
        assertTrue(recalled.detail().contains("2 readings in a row"), recalled.detail());
        assertTrue(new FailureMemory(tmp, true).recall(SHA).isEmpty(), "--retry-failed reads it again");
    }

    @Test
    void aReadingThatEndsWellOrAWorkerThatNeverStartedBreaksTheRow() {
        FailureMemory memory = new FailureMemory(tmp, false);
        memory.remember(SHA, new ExtractionException(Reason.TIMED_OUT, "limit 300 s"));
        memory.readWell(SHA);
        memory.remember(SHA, new ExtractionException(Reason.TIMED_OUT, "limit 300 s"));
        assertTrue(memory.recall(SHA).isEmpty(), "one time limit met since it was read well");
        memory.remember(SHA, new ExtractionException(Reason.TIMED_OUT,
                no.evidens.pipeline.extract.IsolatedExtractor.NOT_STARTED + "600 s; not read"));
        assertTrue(memory.recall(SHA).isEmpty(), "a file no worker started for was not read: it counts for nothing");
    }
}

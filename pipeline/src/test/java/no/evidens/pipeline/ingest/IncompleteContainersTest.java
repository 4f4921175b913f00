package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.Reason;

/** Which containers in a case a re-ingest reads again, and when one stops being incomplete. */
class IncompleteContainersTest {
    private static final String SHA = "cd".repeat(32);
    private static final String ZIP = "journaler/pakke.zip";

    @TempDir
    Path tmp;

    private IncompleteContainers memory(boolean retry) {
        return new IncompleteContainers(tmp, retry);
    }

    /** One ingestion's reading of the zip: the document {@code missing} is left out for {@code reason} (or none). */
    private void read(boolean again, Reason reason) {
        IncompleteContainers m = memory(false);
        if (again) {
            m.readingAgain(ZIP, SHA);
        } else {
            m.reading(ZIP, SHA);
        }
        if (reason != null) {
            m.missing(ZIP, ZIP + "!/treg.pdf", reason);
        }
        m.ownLine(ZIP);
        m.settle();
    }

    @Test
    void aDocumentOutOfTimeOrNotStoredHasItsContainerReadAgain() {
        read(false, Reason.TIMED_OUT);
        assertTrue(memory(false).readAgain(SHA));
        assertFalse(memory(false).leftIncomplete(SHA));
        assertEquals(1, memory(false).recall(SHA).orElseThrow().missedReadings());

        read(false, Reason.NOT_STORED);
        assertTrue(memory(false).readAgain(SHA), "the index's refusal may pass too");
    }

    @Test
    void missingOnTwoReadingsInARowOnlyRetryFailedReadsItAgain() {
        read(false, Reason.TIMED_OUT);
        read(true, Reason.NOT_STORED);
        assertFalse(memory(false).readAgain(SHA));
        assertTrue(memory(false).leftIncomplete(SHA));
        assertTrue(memory(true).readAgain(SHA));
    }

    @Test
    void aDocumentDamagedInItselfIsReadAgainOnlyWhenRetrying() {
        read(false, Reason.DAMAGED);
        assertFalse(memory(false).readAgain(SHA), "reading it again would say the same");
        assertFalse(memory(false).leftIncomplete(SHA), "told as any duplicate, as on a first reading");
        assertTrue(memory(true).readAgain(SHA));
    }

    @Test
    void aReadingThatBringsEveryDocumentInEndsTheMark() {
        read(false, Reason.TIMED_OUT);
        read(true, null);
        assertTrue(memory(false).recall(SHA).isEmpty());
        assertFalse(memory(false).readAgain(SHA));
        assertFalse(memory(false).leftIncomplete(SHA));
    }

    @Test
    void aReadingCutShortBeforeItsContainerKeepsTheMark() {
        read(false, Reason.TIMED_OUT);
        IncompleteContainers cut = memory(false);
        cut.readingAgain(ZIP, SHA);
        cut.settle(); // the process stopped before the zip's own line: its missing document may not be in yet
        assertTrue(memory(false).readAgain(SHA));
    }

    @Test
    void aFirstReadingWithNothingMissingWritesNothing() {
        read(false, null);
        assertTrue(memory(false).recall(SHA).isEmpty());
        assertFalse(tmp.resolve(SHA + ".json").toFile().exists());
    }
}

package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Language;

/**
 * A job's {@code phase} says what its seconds without a file counted are spent on: the Tika worker and the models
 * readied before the first file, the last commit and the receipt after the last.
 */
class IngestJobTest {
    private static Object phase(IngestJob job) {
        return job.view(Language.NB).get("phase");
    }

    private static ReceiptFile indexed(String path) {
        return new ReceiptFile(path, "ab", "journal", ReceiptFile.INDEXED, null, null, 1, 2);
    }

    @Test
    void theJobsPhaseGoesFromStartingThroughReadingToSavingAndIsGoneWhenDone() {
        IngestJob job = new IngestJob("1", "sak", "plan.zip", null, Path.of("plan.zip"), Instant.now(), () -> { });
        assertEquals("unpacking", phase(job), "the bundle not yet read");
        job.started(2);
        assertEquals("starting", phase(job), "no file begun: the worker and the models are readied");
        job.readied();
        assertEquals("reading", phase(job));
        job.fileDone(indexed("a.txt"));
        assertEquals("reading", phase(job));
        job.fileDone(indexed("b.txt"));
        assertEquals("saving", phase(job), "every file read: the last commit and the receipt");
        job.state = IngestJob.DONE;
        assertNull(phase(job));
    }

    @Test
    void aJobResumedStartsAgainAndABundleWithNothingNewReadsWithoutTheWorker() {
        IngestJob job = new IngestJob("2", "sak", "plan.zip", null, Path.of("plan.zip"), Instant.now(), () -> { });
        job.started(2);
        job.readied();
        job.state = IngestJob.INTERRUPTED;
        job.restart();
        job.started(2);
        assertEquals("starting", phase(job), "a run again readies its own worker");
        job.fileDone(indexed("a.txt")); // a file known already: its line without the worker
        assertEquals("reading", phase(job));
    }
}

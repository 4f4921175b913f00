package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.ingest.IngestPhase;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Language;

/**
 * A job's {@code phase} says what its seconds without a file counted are spent on: the Tika worker and the models
 * readied before the first file, the last commit and the receipt after the last. It is kept in the job's file, so that a
 * job whose server stopped tells what it was doing then, after a restart and to another server on the home.
 */
class IngestJobTest {
    @TempDir
    Path home;

    private static Object phase(IngestJob job) {
        return job.view(Language.NB).get("phase");
    }

    private static ReceiptFile indexed(String path) {
        return new ReceiptFile(path, "ab", "journal", ReceiptFile.INDEXED, null, null, 1, 2);
    }

    private static IngestJob job(String id) {
        return new IngestJob(id, "sak", "plan.zip", null, Path.of("plan.zip"), Instant.now(), () -> { });
    }

    @Test
    void theJobsPhaseGoesFromStartingThroughReadingToSavingAndIsGoneWhenDone() {
        IngestJob job = job("1");
        assertEquals("unpacking", phase(job), "the bundle not yet read");
        job.started(2);
        job.phase(IngestPhase.STARTING);
        assertEquals("starting", phase(job), "no file begun: the worker and the models are readied");
        job.phase(IngestPhase.READING);
        assertEquals("reading", phase(job));
        job.fileDone(indexed("a.txt"));
        job.fileDone(indexed("b.txt"));
        job.phase(IngestPhase.SAVING);
        assertEquals("saving", phase(job), "every file read: the last commit and the receipt");
        job.state = IngestJob.DONE;
        assertNull(phase(job));
    }

    @Test
    void aJobResumedStartsAgainFromUnpacking() {
        IngestJob job = job("2");
        job.started(2);
        job.phase(IngestPhase.READING);
        job.state = IngestJob.INTERRUPTED;
        job.restart();
        assertEquals("unpacking", phase(job), "a run again reads its bundle and readies its own worker");
    }

    @Test
    void anInterruptedJobsFileKeepsThePhaseItWasCutOffIn() {
        IngestJobFiles files = new IngestJobFiles(home);
        IngestJob job = job("3");
        job.started(400);
        job.phase(IngestPhase.READING);
        for (int i = 0; i < 120; i++) {
            job.fileDone(indexed("f" + i + ".txt"));
        }
        files.save(job.saved()); // as the running server last kept it
        IngestJob read = IngestJob.of(files.read("3"), () -> { });
        assertEquals("reading", phase(read), "a running job's phase, for another server on the home");
        read.cutOff(); // its server is gone: the next to look marks it interrupted
        files.save(read.saved());

        IngestJob after = IngestJob.of(files.read("3"), () -> { });
        assertEquals(IngestJob.INTERRUPTED, after.state);
        assertEquals("reading", phase(after), "what it was doing when its server stopped, after a restart");
        assertEquals(120, after.view(Language.NB).get("done"));
    }

    @Test
    void aJobFileFromBeforePhasesWereKeptStillReads() throws Exception {
        IngestJobFiles files = new IngestJobFiles(home);
        Files.createDirectories(home.resolve("ingest-jobs"));
        String older = """
                {"id":"%s","caseId":"sak","fileName":"plan.zip","municipality":null,"bundle":"plan.zip","state":"%s",
                 "total":400,"done":%d,"failed":0,"receipt":null,"error":null,"started":"2026-12-05T10:00:00Z",
                 "updated":"2026-12-05T10:01:00Z","errorArgs":null,"retrying":null}
                """;
        Files.writeString(home.resolve("ingest-jobs/4.json"), older.formatted("4", IngestJob.RUNNING, 120));
        Files.writeString(home.resolve("ingest-jobs/5.json"), older.formatted("5", IngestJob.RUNNING, 0));
        Files.writeString(home.resolve("ingest-jobs/6.json"), older.formatted("6", IngestJob.INTERRUPTED, 120));

        assertEquals("reading", phase(IngestJob.of(files.read("4"), () -> { })), "a running job's phase told by its counts");
        assertEquals("starting", phase(IngestJob.of(files.read("5"), () -> { })), "no file done yet");
        IngestJob interrupted = IngestJob.of(files.read("6"), () -> { });
        assertEquals(IngestJob.INTERRUPTED, interrupted.state);
        assertNull(phase(interrupted), "what an older version was doing is not known: not guessed");
    }
}

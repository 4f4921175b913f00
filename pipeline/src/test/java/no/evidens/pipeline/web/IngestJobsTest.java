package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/** Ingest jobs outlive the server: kept under the home, a job cut off by a stop comes back as interrupted. */
class IngestJobsTest {
    @TempDir
    Path home;

    private IngestJob.Saved saved(String id, String state, Receipt receipt) {
        return new IngestJob.Saved(id, "sak-1", "bunke.zip", "Fjordvik", home.resolve("bundles/" + id + ".zip").toString(), state,
                10, 4, 1, receipt, null, Instant.parse("2026-11-30T06:00:00Z").toString(), Instant.now().toString(), null);
    }

    @Test
    void aJobRunningWhenTheServerStoppedIsInterruptedAfterwardsAndNewIdsFollowTheKeptOnes() {
        IngestJobFiles files = new IngestJobFiles(home);
        Receipt receipt = new Receipt("sak-1", "b.zip", null, List.of(new ReceiptFile("journaler/a.txt", "ab", "journal",
                ReceiptFile.INDEXED, null, null, 1, 2)), new Receipt.Counts(1, 0, 0, 0));
        files.save(saved("3", IngestJob.DONE, receipt));
        files.save(saved("7", IngestJob.RUNNING, null));

        IngestJobs jobs = new IngestJobs(new EvidensHome(home), 1 << 20, h -> null);

        IngestJob cut = jobs.job("7");
        assertEquals(IngestJob.INTERRUPTED, cut.state);
        assertEquals(4, cut.done.get(), "the progress kept before the stop is shown");
        assertEquals(IngestJob.INTERRUPTED, new IngestJobFiles(home).load().get(1).state(), "the file says so too");
        IngestJob done = jobs.job("3");
        assertEquals(IngestJob.DONE, done.state);
        assertEquals(receipt, done.receipt, "the receipt is kept with the job");
        assertEquals(List.of("7", "3"), jobs.all().stream().map(j -> j.id).toList(), "newest first");
    }

    @Test
    void aKeptJobWhoseBundleIsGoneCannotBeResumed() throws Exception {
        new IngestJobFiles(home).save(saved("2", IngestJob.RUNNING, null));
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), 1 << 20, h -> null);
        ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> jobs.resume(jobs.job("2")));
        assertEquals(409, e.status());
        assertNull(jobs.job("2").error);
        Files.writeString(home.resolve("ingest-jobs/9.json"), "{ not json");
        assertEquals(1, new IngestJobFiles(home).load().size(), "an unreadable file is left out");
    }

    @Test
    void aFailedJobSaysWhyInEachUsersLanguageAndKeepsNoEnglishMessage() {
        ErrorTexts.Keyed manifest = IngestJobs.failure(new IllegalStateException("route failed", new no.evidens.pipeline.bundle.BundleRefused(
                "error.bundle.manifest-type", "manifest.csv line 2: unknown type 'brev'", null, 2, "brev", "journal, plan")));
        assertEquals("error.bundle.manifest-type", manifest.key(), "the key of the first cause that has one");
        ErrorTexts.Keyed other = IngestJobs.failure(new java.io.IOException("cannot write /srv/evidens/index/segments_2"));
        assertEquals("error.ingest.failed", other.key());
        ErrorTexts.Keyed full = IngestJobs.failure(new IllegalStateException("this IndexWriter is closed",
                new java.io.IOException("No space left on device")));
        assertEquals("error.disk-full", full.key(), "a full disk is said as such, not as an error of ours");

        IngestJob job = IngestJob.of(saved("4", IngestJob.FAILED, null), () -> { });
        job.error = manifest;
        IngestJob kept = IngestJob.of(job.saved(), () -> { });
        assertEquals("manifest.csv linje 2: typen «brev» er ukjent (bruk ein av journal, plan).",
                kept.view(no.evidens.pipeline.lang.Language.NN).get("error"), "kept as a key and its values, worded when shown");
        IngestJob old = IngestJob.of(new IngestJob.Saved("5", "sak-1", "b.zip", null, "b.zip", IngestJob.FAILED, 1, 0, 0, null,
                "the zip file is damaged", Instant.now().toString(), Instant.now().toString(), null), () -> { });
        assertEquals("en feil på tjeneren stoppet den (be administratoren se i loggen).", old.view(no.evidens.pipeline.lang.Language.NB).get("error"),
                "a job kept by an older version with an English message shows the general failure");
    }
}

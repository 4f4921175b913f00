package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.IndexHealth;
import no.evidens.index.IndexWriteLock;
import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.IndexReleases;
import no.evidens.pipeline.bundle.BundleRefused;
import no.evidens.pipeline.ingest.LineNotRecorded;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.search.SearchOnlyIndex;

/** Ingest jobs outlive the server: kept under the home, a job cut off by a stop comes back as interrupted. */
class IngestJobsTest {
    @TempDir
    Path home;

    /**
     * A job's thread that a test held (a "stopped" server's) still writes its job's file once let go: it is waited for
     * here, so that the file is not written while the temporary home is being deleted.
     */
    @AfterEach
    void jobThreadsEnded() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().matches("evidens-ingest-[0-9]+")) { // a job's thread, not the retries' timer
                t.join(10_000);
            }
        }
    }

    private IngestJob.Saved saved(String id, String state, Receipt receipt) {
        return new IngestJob.Saved(id, "sak-1", "bunke.zip", "Fjordvik", home.resolve("bundles/" + id + ".zip").toString(), state,
                10, 4, 1, receipt, null, Instant.parse("2026-11-30T06:00:00Z").toString(), Instant.now().toString(), null, null, null);
    }

    @Test
    void aJobRunningWhenTheServerStoppedIsInterruptedAfterwardsAndNewIdsFollowTheKeptOnes() {
        IngestJobFiles files = new IngestJobFiles(home);
        Receipt receipt = new Receipt("sak-1", "b.zip", null, List.of(new ReceiptFile("journaler/a.txt", "ab", "journal",
                ReceiptFile.INDEXED, null, null, 1, 2)), new Receipt.Counts(1, 0, 0, 0));
        files.save(saved("3", IngestJob.DONE, receipt));
        files.save(saved("7", IngestJob.RUNNING, null));

        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> null);

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
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> null);
        ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> jobs.resume("2"));
        assertEquals(409, e.status());
        assertNull(jobs.job("2").error);
        Files.writeString(home.resolve("ingest-jobs/9.json"), "{ not json");
        assertEquals(1, new IngestJobFiles(home).load().size(), "an unreadable file is left out");
    }

    @Test
    void aFailedJobSaysWhyInEachUsersLanguageAndKeepsNoEnglishMessage() {
        ErrorTexts.Keyed manifest = IngestOutcome.failure(new IllegalStateException("route failed", new BundleRefused(
                "error.bundle.manifest-type", "manifest.csv line 2: unknown type 'brev'", null, 2, "brev", "journal, plan")));
        assertEquals("error.bundle.manifest-type", manifest.key(), "the key of the first cause that has one");
        ErrorTexts.Keyed other = IngestOutcome.failure(new IOException("cannot write /srv/evidens/index/segments_2"));
        assertEquals("error.ingest.failed", other.key());
        ErrorTexts.Keyed full = IngestOutcome.failure(new IllegalStateException("this IndexWriter is closed",
                new IOException("No space left on device")));
        assertEquals("error.disk-full", full.key(), "a full disk is said as such, not as an error of ours");

        IngestJob job = IngestJob.of(saved("4", IngestJob.FAILED, null), () -> { });
        job.error = manifest;
        IngestJob kept = IngestJob.of(job.saved(), () -> { });
        assertEquals("manifest.csv linje 2: typen «brev» er ukjent (bruk ein av journal, plan).",
                kept.view(Language.NN).get("error"), "kept as a key and its values, worded when shown");
        IngestJob old = IngestJob.of(new IngestJob.Saved("5", "sak-1", "b.zip", null, "b.zip", IngestJob.FAILED, 1, 0, 0, null,
                "the zip file is damaged", Instant.now().toString(), Instant.now().toString(), null, null, null), () -> { });
        assertEquals("en feil på tjeneren stoppet den (be administratoren se i loggen).", old.view(Language.NB).get("error"),
                "a job kept by an older version with an English message shows the general failure");
    }

    /**
     * Round 52: an ingest that stops because a failed file's receipt line could not be recorded (an error of the JVM's in
     * the route's handler) is said in the user's language, with what it means for the bundle, not as the general failure.
     */
    @Test
    void aJobStoppedForALineNotRecordedSaysSoInEachLanguage() {
        IngestJob job = IngestJob.of(saved("6", IngestJob.FAILED, null), () -> { });
        IngestOutcome.settle(job, new java.util.concurrent.CompletionException(new LineNotRecorded(new OutOfMemoryError("Java heap space"))));
        assertEquals(IngestJob.FAILED, job.state);
        IngestJob kept = IngestJob.of(job.saved(), () -> { });
        assertEquals("kvitteringen ble ikke hel: linjen for en fil som feilet, kunne ikke skrives (en feil på tjeneren; be "
                + "administratoren se i loggen). Det som ble lest inn etter siste lagring, er ikke tatt vare på: les inn bunken på nytt.",
                kept.view(Language.NB).get("error"));
        assertEquals("kvitteringa vart ikkje heil: lina for ei fil som feila, kunne ikkje skrivast (ein feil på tenaren; be "
                + "administratoren sjå i loggen). Det som vart lese inn etter siste lagring, er ikkje teke vare på: les inn bunken på nytt.",
                kept.view(Language.NN).get("error"));
    }

    /**
     * A job the index did not answer waits (its bundle kept) and is ingested again by itself, not before the server's index
     * answers a read; while the cluster still refuses it, it waits again, in words of its own rather than as a failure.
     */
    @Test
    void aJobWaitingForTheIndexIsTriedAgainOnlyOnceTheIndexAnswers() throws Exception {
        waitingJobWithItsBundle();
        boolean[] answers = {false};
        AtomicInteger tries = new AtomicInteger();
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> {
            tries.incrementAndGet();
            String said = "cannot reach SolrCloud's ZooKeeper at zk:2181/solr#evidens";
            throw new IllegalStateException(said, new IndexUnreachableException(said, null));
        }, () -> {
            if (!answers[0]) {
                throw new IndexUnreachableException("still down", null);
            }
        }, Duration.ofHours(1));
        try {
            assertEquals(IngestJob.WAITING, jobs.job("3").state, "kept waiting across a restart of the server");
            jobs.retryWaiting();
            assertEquals(0, tries.get(), "not ingested again while the index does not answer");

            answers[0] = true;
            jobs.retryWaiting();
            triedAndEnded(jobs, tries);
            assertEquals(1, tries.get(), "ingested again once the index answers");
            IngestJob job = jobs.job("3");
            assertEquals(IngestJob.WAITING, job.state, "the ingestion could not reach the cluster: it waits again");
            Map<String, Object> nb = job.view(Language.NB);
            assertNull(nb.get("error"), "waiting is no failure");
            assertEquals(true, String.valueOf(nb.get("waiting")).startsWith("Søkeindeksen svarer ikke nå"), String.valueOf(nb.get("waiting")));
            assertEquals(true, String.valueOf(job.view(Language.NN).get("waiting")).startsWith("Søkjeindeksen svarar ikkje no"));
            assertEquals(IngestJob.WAITING, new IngestJobFiles(home).load().get(0).state(), "the file says so too");
        } finally {
            jobs.close();
        }
    }

    /**
     * A waiting job that a stop of the server cut off while it was being tried again (its file says running, being tried
     * again, and no process holds its run lock) was only waiting for the index: it comes back waiting after the restart
     * (not interrupted, to resume by hand) and goes on by itself.
     */
    @Test
    void aWaitingJobCutOffByAStopWhileTriedAgainWaitsAgainAfterTheRestart() throws Exception {
        waitingJobWithItsBundle();
        IngestJob.Saved waiting = new IngestJobFiles(home).load().get(0);
        new IngestJobFiles(home).save(new IngestJob.Saved(waiting.id(), waiting.caseId(), waiting.fileName(), waiting.municipality(),
                waiting.bundle(), IngestJob.RUNNING, 10, 2, 0, null, null, waiting.started(), waiting.updated(), null, true, null));
        AtomicInteger tries = new AtomicInteger();
        IngestJobs after = new IngestJobs(new EvidensHome(home), h -> {
            tries.incrementAndGet();
            throw new IllegalStateException("still away", new IndexUnreachableException("still away", null));
        }, () -> { }, Duration.ofHours(1));
        try {
            IngestJob job = after.job("3");
            assertEquals(IngestJob.WAITING, job.state, "only waiting for the index: not interrupted");
            assertNull(job.view(Language.NB).get("error"), "waiting is no failure");
            assertEquals(true, String.valueOf(job.view(Language.NB).get("waiting")).startsWith("Søkeindeksen svarer ikke nå"));
            assertEquals(IngestJob.WAITING, new IngestJobFiles(home).load().get(0).state(), "the file says so too");
            after.retryWaiting();
            triedAndEnded(after, tries);
            assertEquals(1, tries.get(), "it goes on by itself, with no click");
        } finally {
            after.close();
        }
    }

    /**
     * Two servers on one home: a job whose file says running while another server holds its run lock is that server's,
     * and left running here (listed, followed as its file changes, not resumed); once that server is gone (its lock let
     * go, as a killed process's is) the job is interrupted, in its file too, and only once.
     */
    @Test
    void aJobAnotherLiveServerRunsStaysRunningUntilThatServerIsGone() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Files.write(home.resolve("bundles/7.zip"), new byte[] {'P', 'K', 5, 6});
        IngestJobFiles files = new IngestJobFiles(home);
        files.save(saved("7", IngestJob.RUNNING, null));
        HomeLock.Held otherServer = files.run("7");
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> null);
        try {
            assertEquals(IngestJob.RUNNING, jobs.job("7").state, "another server runs it: not interrupted");
            assertEquals(IngestJob.RUNNING, files.load().get(0).state(), "its file is left as that server keeps it");
            ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> jobs.resume("7"));
            assertEquals("error.ingest.job-running", e.key(), "not resumed beside the run of the other server");

            IngestJob.Saved on = saved("7", IngestJob.RUNNING, null);
            files.save(new IngestJob.Saved("7", on.caseId(), on.fileName(), on.municipality(), on.bundle(), IngestJob.RUNNING, 10, 9, 1,
                    null, null, on.started(), Instant.now().toString(), null, null, null));
            assertEquals(9, jobs.all().get(0).done.get(), "its progress, as the other server keeps it");
        } finally {
            otherServer.close(); // that server is killed: the OS lets go of its locks
        }
        assertEquals(IngestJob.INTERRUPTED, jobs.job("7").state, "cut off: interrupted, without a restart here");
        IngestJob.Saved marked = files.load().get(0);
        assertEquals(IngestJob.INTERRUPTED, marked.state(), "the file says so too");
        assertEquals(9, marked.done(), "the progress kept before is shown");
        IngestJobs next = new IngestJobs(new EvidensHome(home), h -> null);
        assertEquals(IngestJob.INTERRUPTED, next.job("7").state);
        assertEquals(marked, files.load().get(0), "marked once: the next server to start leaves the file as it is");
    }

    /**
     * A job the other server on the home took after this one started is listed here too, running while it runs there (not
     * resumable here), and as it ended once it ended. An upload here meanwhile waits behind it (the embedded index has one
     * writer), in words that say so, and goes in once it has ended.
     */
    @Test
    void aJobStartedOnAnotherServerIsListedHereAndAnUploadHereWaitsBehindIt() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Path bundle = Files.write(home.resolve("bundles/b.zip"), new byte[] {'P', 'K', 5, 6});
        AtomicInteger triesHere = new AtomicInteger();
        IngestJobs here = new IngestJobs(new EvidensHome(home), h -> {
            triesHere.incrementAndGet();
            throw new IllegalStateException("done here");
        });
        CountDownLatch ingesting = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicInteger triesThere = new AtomicInteger();
        IngestJobs there = new IngestJobs(new EvidensHome(home), h -> {
            triesThere.incrementAndGet();
            ingesting.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("ended there");
        });
        String id;
        IngestJob mine;
        try {
            id = there.take("sak-1", "b.zip", null, bundle).id;
            assertEquals(true, ingesting.await(10, TimeUnit.SECONDS));
            assertEquals(List.of(id), here.all().stream().map(j -> j.id).toList(), "the home's job, listed here");
            assertEquals(IngestJob.RUNNING, here.job(id).state);
            ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> here.resume(id));
            assertEquals("error.ingest.job-running", e.key());

            mine = here.take("sak-1", "c.zip", null, bundle);
            assertEquals(IngestJob.WAITING, mine.state, "behind the other server's: not started beside it");
            assertEquals(true, String.valueOf(mine.view(Language.NB).get("waiting")).startsWith("En annen innlesing skriver til søkeindeksen"));
            assertEquals(true, String.valueOf(mine.view(Language.NN).get("waiting")).startsWith("Ei anna innlesing skriv til søkjeindeksen"));
            here.retryWaiting();
            assertEquals(0, triesHere.get(), "not tried while the other runs");
        } finally {
            letGo.countDown();
        }
        for (int i = 0; i < 500 && there.jobsRunning() > 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(IngestJob.FAILED, here.job(id).state, "as it ended there");
        // the waiting job is the home's: whichever server looks first takes it (the other, at the end of its own)
        for (int i = 0; i < 500 && !IngestJob.FAILED.equals(here.job(mine.id).state); i++) {
            here.retryWaiting();
            Thread.sleep(20);
        }
        assertEquals(IngestJob.FAILED, here.job(mine.id).state, "gone in once the other had ended");
        assertEquals(2, triesHere.get() + triesThere.get(), "the other's job, then this one, each once");
        here.close();
        there.close();
    }

    /** An ingestion refused for the embedded index's write lock (another writer holds it) waits, and is no failure. */
    @Test
    void anIngestionRefusedForTheIndexsWriteLockWaits() {
        IngestJob job = IngestJob.of(saved("4", IngestJob.RUNNING, null), () -> { });
        assertEquals(true, IngestOutcome.settle(job, new java.io.UncheckedIOException("cannot open the index",
                new org.apache.lucene.store.LockObtainFailedException("Lock held by another program: /home/index/write.lock"))));
        assertEquals(IngestJob.WAITING, job.state);
        assertNull(job.view(Language.NB).get("error"), "waiting is no failure");
    }

    /**
     * The embedded index's lock is looked at only while a job waits (a look takes it for a moment, and could refuse a writer
     * opening then); a job refused by the lock goes on at the first look that finds it free, though no look ever saw it
     * held (its writer killed the moment it refused the job).
     */
    @Test
    void theIndexsLockIsLookedAtOnlyWhileAJobWaitsAndAJobItRefusedGoesOnOnceItIsFree() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        AtomicReference<IndexWriteLock.Seen> lock = new AtomicReference<>(IndexWriteLock.Seen.HELD);
        AtomicInteger tries = new AtomicInteger();
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> {
            if (tries.incrementAndGet() == 1) {
                lock.set(IndexWriteLock.Seen.FREE); // the writer that refused it killed at once
                throw new java.io.UncheckedIOException("cannot open the index",
                        new org.apache.lucene.store.LockObtainFailedException("Lock held by another program: /home/index/write.lock"));
            }
            throw new IllegalStateException("done here");
        }, () -> { }, Duration.ofHours(1), new IndexReleases(home, index -> {
            looks.incrementAndGet();
            return lock.get();
        }));
        try {
            Thread.sleep(2 * UploadRetries.RELEASE_LOOK.toMillis() + 300);
            assertEquals(0, looks.get(), "no job waits: the lock is not looked at");
            Files.createDirectories(home.resolve("bundles"));
            Path bundle = Files.write(home.resolve("bundles/1.zip"), new byte[] {'P', 'K', 5, 6});
            jobs.take("sak-1", "bunke.zip", null, bundle);
            for (int i = 0; i < 250 && tries.get() < 2; i++) {
                Thread.sleep(20);
            }
            assertEquals(2, tries.get(), "refused by the lock, then tried again once a look found it free: " + jobs.job("1").view(Language.NB));
            assertEquals(true, looks.get() > 0, "looked at while the job waited");
        } finally {
            jobs.close();
        }
    }

    /**
     * While the index answers reads but an ingestion could not write to it (SolrCloud's nodes up, its ZooKeeper gone), the
     * server's probe says so: a waiting job is not started for nothing, and shows waiting all along.
     */
    @Test
    void aWaitingJobIsNotTriedWhileTheIndexReadsButCannotBeWritten() throws Exception {
        waitingJobWithItsBundle();
        boolean[] writable = {false};
        AtomicInteger tries = new AtomicInteger();
        IngestJobs jobs = writableWhen(writable, tries);
        try {
            jobs.retryWaiting();
            assertEquals(0, tries.get(), "not started while the index cannot be written");
            assertEquals(IngestJob.WAITING, jobs.job("3").state);
            writable[0] = true;
            jobs.retryWaiting();
            triedAndEnded(jobs, tries);
            assertEquals(1, tries.get(), "started once it can be written");
        } finally {
            jobs.close();
        }
    }

    /**
     * An upload to a server whose index is known not to be writable now (a team server that has not reached its ZooKeeper
     * yet) is kept and waits at once, in the words of a wait, rather than being tried and held for the connection's
     * time-out; once the index can be written, the retries take it on.
     */
    @Test
    void anUploadWhileTheIndexCannotBeWrittenWaitsAtOnceAndGoesOnLater() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Path bundle = Files.write(home.resolve("bundles/opplasting.zip"), new byte[] {'P', 'K', 5, 6});
        boolean[] writable = {false};
        AtomicInteger tries = new AtomicInteger();
        IngestJobs jobs = writableWhen(writable, tries);
        try {
            IngestJob job = jobs.take("sak-1", "bunke.zip", "Fjordvik", bundle);
            jobs.retryWaiting();
            assertEquals(0, tries.get(), "not tried while the index cannot be written");
            assertEquals(IngestJob.WAITING, job.state, "kept, and waiting at once");
            assertNull(job.view(Language.NB).get("error"), "waiting is no failure");
            assertEquals(true, String.valueOf(job.view(Language.NB).get("waiting")).startsWith("Søkeindeksen svarer ikke nå"));
            assertEquals(true, String.valueOf(job.view(Language.NN).get("waiting")).startsWith("Søkjeindeksen svarar ikkje no"));
            assertEquals(IngestJob.WAITING, new IngestJobFiles(home).load().get(0).state(), "the file says so too");

            writable[0] = true;
            jobs.retryWaiting();
            triedAndEnded(jobs, tries);
            assertEquals(1, tries.get(), "taken on by the retries once the index can be written");
        } finally {
            jobs.close();
        }
    }

    /**
     * An upload while the look at the cluster finds a shard without a leader (SolrJ's client alone would let it start, and
     * its first write would wait a minute): kept and waiting at once, in words that name the shard, in Bokmål and Nynorsk;
     * taken on by the retries once the index can be written.
     */
    @Test
    void anUploadWhileAShardHasNoLeaderWaitsAtOnceInTheLooksWords() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Path bundle = Files.write(home.resolve("bundles/opplasting.zip"), new byte[] {'P', 'K', 5, 6});
        boolean[] writable = {false};
        AtomicInteger tries = new AtomicInteger();
        IndexHealth look = new IndexHealth(IndexHealth.State.SHARD_WITHOUT_LEADER, List.of("10.0.0.2:8983_solr"), List.of("shard2"), 2_000);
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> {
            tries.incrementAndGet();
            throw new IllegalStateException("done here");
        }, new UploadRetries.IndexProbe() {
            @Override
            public void answer() throws IOException {
                if (!writable[0]) {
                    throw new IndexUnreachableException("not yet", (Throwable) null);
                }
            }

            @Override
            public boolean writable() {
                return writable[0];
            }

            @Override
            public Optional<IndexHealth> health() {
                return Optional.of(look);
            }
        }, Duration.ofHours(1));
        try {
            IngestJob job = jobs.take("sak-1", "bunke.zip", "Fjordvik", bundle);
            assertEquals(0, tries.get(), "not tried while the shard has no leader");
            assertEquals(IngestJob.WAITING, job.state, "kept, and waiting at once");
            assertNull(job.view(Language.NB).get("error"), "waiting is no failure");
            assertEquals("Shard shard2 i søkeindeksen har ingen leder som svarer nå (noder: 10.0.0.2:8983_solr), så bunken er ikke lest inn."
                    + " Den er tatt vare på og leses inn av seg selv når sharden har en leder igjen.", job.view(Language.NB).get("waiting"));
            assertEquals(true, String.valueOf(job.view(Language.NN).get("waiting")).startsWith("Shard shard2 i søkjeindeksen har ingen leiar"));
            assertEquals("error.ingest.waiting-for-cluster.shard-without-leader", new IngestJobFiles(home).load().get(0).error(), "the file keeps the words");
            writable[0] = true;
            jobs.retryWaiting();
            triedAndEnded(jobs, tries);
            assertEquals(1, tries.get(), "taken on once the shard has a leader again");
        } finally {
            jobs.close();
        }
    }

    /** An ingestion refused at the door by a look (the inbox's, a command's) waits in the look's words, here a stuck core. */
    @Test
    void anIngestionRefusedByALookWaitsInItsWords() {
        IngestJob job = IngestJob.of(saved("4", IngestJob.RUNNING, null), () -> { });
        IndexHealth stuck = new IndexHealth(IndexHealth.State.CORE_STUCK, List.of("10.0.0.3:8983_solr"), List.of("shard1"), 2_000);
        assertEquals(true, IngestOutcome.settle(job, IndexUnreachableException.found("cannot take a bundle now", stuck)));
        assertEquals(IngestJob.WAITING, job.state);
        assertEquals(true, String.valueOf(job.view(Language.NB).get("waiting"))
                .startsWith("En kjerne i søkeindeksen svarer ikke på søk nå (shard shard1, node 10.0.0.3:8983_solr)"), job.view(Language.NB).toString());
        assertEquals(true, String.valueOf(job.view(Language.NN).get("waiting")).startsWith("Ein kjerne i søkjeindeksen svarar ikkje"));
    }

    /** Jobs on a server whose index could be written while {@code writable[0]}; each ingestion counts a try and fails. */
    private IngestJobs writableWhen(boolean[] writable, AtomicInteger tries) {
        return new IngestJobs(new EvidensHome(home), h -> {
            tries.incrementAndGet();
            throw new IllegalStateException("done here");
        }, UploadRetries.probe(new SharedIndex(SearchOnlyIndex.writableWhen(() -> writable[0]))), Duration.ofHours(1));
    }

    /** A job kept waiting for the index, with its bundle under the home: job 3. */
    /**
     * A waiting job whose kept bundle was taken away meanwhile (the home cleaned by hand) is not tried again: once the index
     * answers it fails, saying in the user's words that the bundle is to be uploaded again, and its file says so too.
     */
    @Test
    void aWaitingJobWhoseBundleIsGoneFailsSoWhenTheIndexAnswers() throws Exception {
        waitingJobWithItsBundle();
        Files.delete(home.resolve("bundles/3.zip"));
        AtomicInteger tries = new AtomicInteger();
        IngestJobs jobs = new IngestJobs(new EvidensHome(home), h -> {
            tries.incrementAndGet();
            throw new IllegalStateException("not to be ingested");
        }, () -> { }, Duration.ofHours(1));
        try {
            jobs.retryWaiting();
            IngestJob job = jobs.job("3");
            assertEquals(IngestJob.FAILED, job.state);
            assertEquals(0, tries.get(), "nothing to ingest");
            assertEquals("Bunken fra innlesing 3 er ikke tatt vare på lenger: last den opp på nytt.", job.view(Language.NB).get("error"));
            assertEquals("error.ingest.bundle-gone", new IngestJobFiles(home).load().get(0).error(), "the file keeps the words");
            assertEquals(0, jobs.jobsRunning());
        } finally {
            jobs.close();
        }
    }

    private void waitingJobWithItsBundle() throws IOException {
        Files.createDirectories(home.resolve("bundles"));
        Files.write(home.resolve("bundles/3.zip"), new byte[] {'P', 'K', 5, 6});
        new IngestJobFiles(home).save(saved("3", IngestJob.WAITING, null));
    }

    /** Waits until the ingestion was asked for and no job runs (at most 10 s). */
    private static void triedAndEnded(IngestJobs jobs, AtomicInteger tries) throws InterruptedException {
        for (int i = 0; i < 500 && (tries.get() == 0 || jobs.jobsRunning() > 0); i++) {
            Thread.sleep(20);
        }
    }
}

package no.evidens.pipeline.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.IndexHealth;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.IndexReleases;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * The queue of bundle uploads ({@link IngestUploads} takes them in): each ingested in the background, one bundle at a
 * time on the home, with progress to poll. The jobs outlive the server ({@link IngestJobFiles}), and are the home's: each
 * server lists every job of the home, whoever runs it ({@link HomeIngestJobs}); one whose server was stopped (or died) in the middle of it shows as interrupted, and can
 * be resumed (one that was being tried again for the index waits again); one another server runs is not resumed here.
 *
 * <p>A job the index did not answer (a SolrCloud cluster or its ZooKeeper gone, or the cluster refusing writes) is
 * {@code waiting}, as {@code evidens watch} keeps such a bundle in its inbox: every {@link UploadRetries#EVERY} the oldest
 * waiting job is ingested again once the server's own index could be written and answers a read ({@link UploadRetries}),
 * what was saved before coming out as duplicates. An upload while one waits waits behind it, so bundles of a case go in in the order they came (a
 * corrected bundle after the one it corrects).
 *
 * <p>This class holds the queue's state (the job running here, an upload being received) and its decisions; where a new
 * upload goes is {@link UploadPlacement}, a started job's ingestion and how it ended {@link IngestRun}, the job files and
 * their progress {@link HomeIngestJobs}.
 */
final class IngestJobs {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobs.class);

    /** The highest id this server has known (a job's file taken away gives its id to no other). */
    private final AtomicInteger ids = new AtomicInteger();
    private final IngestJobFiles files;
    /** The jobs of the home, as their files say (those run here as this server knows them). */
    private final HomeIngestJobs jobs;
    private volatile IngestJob running;
    /** The server stops: the running job stops at its next file, and none is started. */
    private final IngestStop stop = new IngestStop();
    /** The running job's run lock, held while it runs ({@link IngestJobFiles#run}). */
    private HomeLock.Held runLock;
    /** The running job is a waiting one tried again: an upload meanwhile is taken, and waits behind it. */
    private boolean retrying;
    /** An upload is being received (at most one at a time: a second is refused at once, holding no thread). */
    private boolean receiving;

    /** Looks at the jobs waiting for the index. */
    private final UploadRetries retries;
    /** Ingests a started job's bundle on its thread and settles how it ended. */
    private final IngestRun runs;

    IngestJobs(EvidensHome home, Function<EvidensHome, Ingestion> ingestions) {
        this(home, ingestions, () -> { }, UploadRetries.EVERY);
    }

    /**
     * @param probe      a read of the server's index, asked before a waiting job is ingested again (a cluster still down
     *                   answers it at once, where an ingestion would wait the read's time-out)
     * @param retryEvery how often the waiting jobs are looked at
     */
    IngestJobs(EvidensHome home, Function<EvidensHome, Ingestion> ingestions, UploadRetries.IndexProbe probe, Duration retryEvery) {
        this(home, ingestions, probe, retryEvery, new IndexReleases(home.root()));
    }

    /** @param releases the looks at a writer elsewhere letting go of the index, its lock looked at while a job waits */
    IngestJobs(EvidensHome home, Function<EvidensHome, Ingestion> ingestions, UploadRetries.IndexProbe probe, Duration retryEvery,
               IndexReleases releases) {
        this.runs = new IngestRun(home, ingestions, stop);
        this.files = new IngestJobFiles(home.root());
        this.jobs = new HomeIngestJobs(files, () -> running);
        jobs.refresh(null); // those cut off by a stop of their server marked so now, those another server runs left running
        for (IngestJob job : jobs.all()) {
            ids.accumulateAndGet(Integer.parseInt(job.id), Math::max);
        }
        retries = new UploadRetries(probe, retryEvery, this::oneWaits, this::goOn);
        retries.alsoOnRelease(releases, () -> running == null ? jobs.waiters() : IndexReleases.Waiters.NONE); // a run's end looks itself
    }

    /** Whether a job waits and none runs on the home (nor is being received here). */
    private synchronized boolean oneWaits() {
        if (running != null || receiving) {
            return false;
        }
        jobs.refresh(null); // the home's: another server's waiting job (or its server gone) is taken on too
        return jobs.oldestWaiting() != null && jobs.runningElsewhere(null) == null; // one bundle at a time on the home
    }

    /**
     * Ingests the oldest job waiting for the index again (the index answered a read), when none runs here and no other
     * server has taken it meanwhile. Each try is a new ingestion: a cluster that refuses writes though it reads makes the
     * job wait again.
     */
    private void goOn() {
        synchronized (this) {
            if (running != null || receiving || stop.asked()) {
                return;
            }
            HomeIngestJobs.Claim claim = jobs.claimOldestWaiting();
            if (claim == null) {
                return;
            }
            IngestJob next = claim.job();
            LOG.info("ingest job {} goes on: the index answers", next.id);
            next.restart();
            jobs.keep(next);
            start(next, claim.lock());
            retrying = true;
        }
    }

    /** Looks at the waiting jobs now (a test's), as the retries' thread does every {@link UploadRetries#EVERY}. */
    void retryWaiting() {
        retries.look();
    }

    /** The server stops: waiting jobs stay so; the running one stops at its next file, kept interrupted to resume ({@link IngestStop}). */
    void close() {
        retries.close();
        stop.stopAndWait(IngestStop.WAIT);
    }

    /** The home's jobs, newest first, each as its file says (or as this server runs it). */
    List<IngestJob> all() {
        synchronized (this) {
            jobs.refresh(running);
        }
        List<IngestJob> out = jobs.all();
        out.sort(Comparator.comparingInt((IngestJob j) -> Integer.parseInt(j.id)).reversed());
        return out;
    }

    /**
     * Ingests a job's bundle again, from the start: resumes one that was interrupted (or failed), re-runs
     * one that was done; the files already in the case count as duplicates in the new receipt. Refused while a job runs
     * here, or while any server on the home runs this one.
     */
    IngestJob resume(String id) {
        synchronized (this) {
            if (running != null || receiving || stop.asked()) {
                throw new ApiError(409, "error.ingest.busy");
            }
            HomeIngestJobs.Claim claim = jobs.claim(id);
            if (claim == null) {
                throw new ApiError(409, "error.ingest.job-running", id);
            }
            IngestJob job = claim.job();
            if (!Files.isRegularFile(job.bundle)) {
                claim.lock().close();
                throw new ApiError(409, "error.ingest.bundle-gone", job.id);
            }
            job.restart();
            jobs.keep(job);
            start(job, claim.lock());
            return job;
        }
    }

    private void start(IngestJob job, HomeLock.Held lock) {
        running = job;
        runLock = lock;
        retrying = false;
        Thread t = new Thread(() -> run(job), "evidens-ingest-" + job.id);
        t.setDaemon(true);
        stop.running(t);
        t.start();
    }

    /** The files of the running ingestion not yet done (0 when none runs), for the metrics. */
    int filesWaiting() {
        IngestJob job = running;
        return job == null ? 0 : Math.max(0, job.total - job.done.get());
    }

    /** 1 while an ingestion runs, else 0, for the metrics. */
    int jobsRunning() {
        return running == null ? 0 : 1;
    }

    /**
     * An upload is about to be received: refused at once while another runs (unless that is a waiting job tried again) or
     * is being received; else the queue takes no other until {@link #take} or {@link #receivedNone}.
     */
    synchronized void receiving() {
        if (running != null && !retrying) {
            throw new ApiError(409, "error.ingest.running", running.fileName, running.caseId);
        }
        if (receiving) {
            throw new ApiError(409, "error.ingest.uploading");
        }
        receiving = true;
    }

    /** The upload being received came to nothing (refused, cut off): the queue takes another. */
    synchronized void receivedNone() {
        receiving = false;
    }

    /** A received bundle becomes a job: started, or waiting behind those waiting or running, or for an index known not writable now. */
    IngestJob take(String caseId, String name, String municipality, Path bundle) {
        boolean writable = retries.writable(); // on SolrCloud the health check's kept look, or one bounded look: outside the lock
        Optional<IndexHealth> look = writable ? Optional.empty() : retries.health();
        synchronized (this) {
            receiving = false;
            jobs.refresh(running);
            UploadPlacement place = UploadPlacement.of(writable, look, jobs.runningElsewhere(running),
                    jobs.oldestWaiting() != null || running != null);
            // an id no other server on this home has given either (its file is written under the home's lock)
            HomeLock.Held[] lock = {null};
            IngestJob job = files.create(ids.get(), id -> {
                IngestJob made = new IngestJob(id, caseId, UploadBody.safeName(name), municipality, bundle, Instant.now(), jobs.saver(id));
                place.settle(made);
                if (!place.waits()) {
                    lock[0] = files.run(id); // before its file says running: a new id, which no one else holds
                }
                return made;
            });
            ids.accumulateAndGet(Integer.parseInt(job.id), Math::max);
            jobs.added(job);
            if (place.waits()) {
                LOG.info("upload {} into case {} waits: {}", job.id, caseId, place.why());
                retries.soon();
            } else {
                start(job, lock[0]);
            }
            return job;
        }
    }

    private void run(IngestJob job) {
        try {
            runs.ingest(job);
        } finally {
            try {
                jobs.keep(job);
            } finally {
                synchronized (this) {
                    running = null;
                    stop.ended();
                    retrying = false;
                    if (runLock != null) {
                        runLock.close(); // after its file says how it ended
                        runLock = null;
                    }
                }
                if (!IngestJob.WAITING.equals(job.state)) {
                    retries.soon(); // the index took this one: those waiting go on now
                }
            }
        }
    }

    /** A job of the home, as its file says now (or as this server runs it). */
    IngestJob job(String id) {
        synchronized (this) {
            if (id.matches("[0-9]{1,9}")) { // a job's number; anything else names no file
                jobs.refresh(running, List.of(id));
            }
        }
        IngestJob j = jobs.get(id);
        if (j == null) {
            throw ApiError.notFound("error.ingest.unknown", id);
        }
        return j;
    }
}

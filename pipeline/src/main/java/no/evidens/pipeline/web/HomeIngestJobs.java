package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.IndexReleases;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.ingest.IngestPhase;

/**
 * The home's ingest jobs as one server sees them: every job file under {@code ingest-jobs/}, whichever server on the home
 * made or runs it (two servers on one home, or one started while another is still stopping), read again when its file
 * changed. Who runs a job is told by its run lock ({@link IngestJobFiles#run}), not by its file: a job whose file says
 * {@code running} while no process holds that lock was cut off by a stop (or the death) of its server, and the first
 * server to see it so marks it, under that lock, in its file: interrupted, or waiting again. A job another live server
 * runs stays running, whatever this server was told at its start.
 */
final class HomeIngestJobs {
    private static final Logger LOG = LoggerFactory.getLogger(HomeIngestJobs.class);

    /** A job taken to be run here: as its file says now, and its run lock, held until the run ends. */
    record Claim(IngestJob job, HomeLock.Held lock) {
    }

    private final IngestJobFiles files;
    /** The job this server runs now, or null: its progress is kept while it runs. */
    private final Supplier<IngestJob> runningHere;
    private final Map<String, IngestJob> jobs = new HashMap<>();
    /** Each job file as last read or written here: one unchanged is not read again. */
    private final Map<String, IngestJobFiles.Version> seen = new HashMap<>();

    /** @param runningHere the job this server runs now, or null */
    HomeIngestJobs(IngestJobFiles files, Supplier<IngestJob> runningHere) {
        this.files = files;
        this.runningHere = runningHere;
    }

    /**
     * The progress saver of the job of an id: keeps the job while this server runs it, at most once a second, but at once
     * when its phase changed (a few times a run: a stop or a death in a phase of seconds leaves the file saying so), and
     * always at its end, by the queue.
     */
    Runnable saver(String id) {
        long[] last = {0};
        IngestPhase[] lastPhase = {null};
        return () -> {
            long now = System.nanoTime();
            IngestJob j = runningHere.get();
            if (j != null && j.id.equals(id) && (now - last[0] >= 1_000_000_000L || j.at != lastPhase[0])) {
                last[0] = now;
                lastPhase[0] = j.at;
                keep(j);
            }
        };
    }

    /** Reads again every job file changed since, and settles those cut off; {@code own} (run here) as this server knows it. */
    void refresh(IngestJob own) {
        try {
            refresh(own, files.ids());
        } catch (IOException e) {
            LOG.warn("cannot list the ingest jobs: {}", Messages.oneLine(e));
        }
    }

    /** As {@link #refresh(IngestJob)}, for these ids only (one job polled). */
    synchronized void refresh(IngestJob own, Collection<String> ids) {
        for (String id : ids) {
            if (own != null && own.id.equals(id)) {
                continue;
            }
            IngestJobFiles.Version now = files.version(id);
            if (now != null && !now.equals(seen.get(id))) {
                IngestJob.Saved saved = files.read(id);
                seen.put(id, now); // an unreadable file is warned of once, not at every look
                if (saved != null) {
                    jobs.put(id, IngestJob.of(saved, saver(id)));
                }
            }
            IngestJob job = jobs.get(id);
            // looked at each time, changed or not: a server that dies leaves its job's file as it was
            if (job != null && IngestJob.RUNNING.equals(job.state)) {
                settleIfCutOff(id);
            }
        }
    }

    /** A job whose file says running: when no server holds its run lock, it is marked cut off (under that lock). */
    private void settleIfCutOff(String id) {
        try (HomeLock.Held lock = files.run(id)) {
            if (lock != null) {
                claimed(id);
            }
        }
    }

    /**
     * The job as its file says now, read under its run lock (which the caller holds): one whose file still says running
     * was cut off, and is marked so in its file.
     */
    private IngestJob claimed(String id) {
        IngestJob.Saved saved = files.read(id);
        IngestJob job = saved == null ? jobs.get(id) : IngestJob.of(saved, saver(id));
        if (job == null) {
            return null;
        }
        jobs.put(id, job);
        seen.put(id, files.version(id));
        if (IngestJob.RUNNING.equals(job.state)) {
            job.cutOff();
            keep(job);
            LOG.info("ingest job {} was cut off by a stop of its server: {}", id, IngestJob.WAITING.equals(job.state)
                    ? "it was being tried again for the index, and waits for it again" : "interrupted");
        }
        return job;
    }

    /** Takes a job to run it here, as its file says now (one cut off marked so); null when a server runs it (this one too). */
    synchronized Claim claim(String id) {
        HomeLock.Held lock = files.run(id);
        if (lock == null) {
            return null;
        }
        try {
            IngestJob job = claimed(id);
            if (job == null) {
                lock.close();
                return null;
            }
            return new Claim(job, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Takes the oldest job waiting for the index to try it again here (the queue, under its lock, starts it): null when none
     * waits, another server on the home is trying it, or another server took and ended it meanwhile. One whose bundle is
     * gone fails so, in its file, and is not taken.
     */
    Claim claimOldestWaiting() {
        IngestJob oldest = oldestWaiting();
        if (oldest == null) {
            return null;
        }
        Claim claim = claim(oldest.id);
        if (claim == null) {
            return null; // another server on the home is trying it
        }
        IngestJob next = claim.job();
        if (!IngestJob.WAITING.equals(next.state)) {
            claim.lock().close(); // taken and ended by another server meanwhile
            return null;
        }
        if (!Files.isRegularFile(next.bundle)) {
            next.state = IngestJob.FAILED;
            next.error = new ErrorTexts.Keyed("error.ingest.bundle-gone", List.of(next.id));
            keep(next);
            claim.lock().close();
            return null;
        }
        return claim;
    }

    /** A job made here (its file written, its run lock taken if it runs). */
    synchronized void added(IngestJob job) {
        jobs.put(job.id, job);
        seen.put(job.id, files.version(job.id));
    }

    /**
     * Writes the job's file. One that cannot be written (a full disk) is a log line: the job is answered from memory, and
     * on disk it stays as last kept (a running one is then resumable).
     */
    synchronized void keep(IngestJob job) {
        try {
            files.save(job.saved());
            seen.put(job.id, files.version(job.id));
        } catch (UncheckedIOException e) {
            LOG.warn("ingestion job {} not kept: {}", job.id, Messages.oneLine(e));
        }
    }

    /** A job another server on the home runs (as last read), or null: it holds the embedded index's writer meanwhile. */
    synchronized IngestJob runningElsewhere(IngestJob own) {
        return jobs.values().stream().filter(j -> IngestJob.RUNNING.equals(j.state) && (own == null || !own.id.equals(j.id)))
                .findFirst().orElse(null);
    }

    synchronized IngestJob get(String id) {
        return jobs.get(id);
    }

    /** The oldest job waiting for the index (as last read), or null. */
    synchronized IngestJob oldestWaiting() {
        return jobs.values().stream().filter(j -> IngestJob.WAITING.equals(j.state))
                .min(Comparator.comparingInt((IngestJob j) -> Integer.parseInt(j.id))).orElse(null);
    }

    /**
     * Who waits for the index (as last read; no file is read): whether a job waits, and when another writer last held the
     * embedded index against one of those ({@link IngestJob#writerHeldAt}), for the looks at its release ({@link IndexReleases}).
     */
    synchronized IndexReleases.Waiters waiters() {
        boolean any = false;
        OptionalLong heldAt = OptionalLong.empty();
        for (IngestJob j : jobs.values()) {
            if (IngestJob.WAITING.equals(j.state)) {
                any = true;
                Long at = j.writerHeldAt;
                if (at != null && (heldAt.isEmpty() || at - heldAt.getAsLong() > 0)) {
                    heldAt = OptionalLong.of(at);
                }
            }
        }
        return new IndexReleases.Waiters(any, heldAt);
    }

    /** The jobs known, in no order. */
    synchronized List<IngestJob> all() {
        return new ArrayList<>(jobs.values());
    }
}

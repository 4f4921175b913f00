package no.evidens.pipeline.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop of a server's ingestion ({@link IngestJobs}): once asked, the running job's ingestion begins no other file
 * ({@link no.evidens.pipeline.ingest.Ingestion#stopWhen}), commits what it did and ends, and the stop waits for its
 * thread, for a bounded time: a file that does not end then (a long OCR) is left to the end of the process, which lets go
 * of the job's run lock, so it is read as cut off.
 */
final class IngestStop {
    private static final Logger LOG = LoggerFactory.getLogger(IngestStop.class);
    /**
     * How long a stopping server waits for its running job: the files begun (a few, as many as the extraction threads)
     * end well within it, even on a loaded machine; a service manager's stop time-out is longer (systemd's: 90 s).
     */
    static final Duration WAIT = Duration.ofSeconds(10);

    private volatile boolean asked;
    /** The running job's thread, or null. */
    private Thread runner;

    boolean asked() {
        return asked;
    }

    /** A job's thread starts (not when a stop was asked: the caller checks {@link #asked} under the queue's lock). */
    synchronized void running(Thread t) {
        runner = t;
    }

    /** The job's thread has ended its job. */
    synchronized void ended() {
        runner = null;
    }

    /** Asks the stop and waits at most {@code wait} for the running job's thread to end. */
    void stopAndWait(Duration wait) {
        Thread t;
        synchronized (this) {
            asked = true;
            t = runner;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("the running ingest job did not stop within {} s: it is read as interrupted once this process has ended",
                    wait.toSeconds());
        }
    }
}

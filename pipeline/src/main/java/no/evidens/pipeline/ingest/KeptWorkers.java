package no.evidens.pipeline.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.IsolatedExtractor;

/**
 * The Tika worker kept running between the ingests of one process that reads bundle after bundle (the inbox's watcher):
 * each bundle gets an {@link Ingestion} of its own (its codebook read anew, its receipt, its case), and they all read
 * with the one worker, where each ingestion used to start a worker (a JVM and Tika's classes, seconds of wall time
 * and a CPU second or two, and its JIT's work lost at the bundle's end) and stop it when its bundle was done. A worker
 * lost on a file (a crash, a time limit) is replaced as within a bundle; one found dead when a bundle begins is replaced
 * then ({@link IsolatedExtractor#prepare}). The models are loaded once a process already ({@code NorwegianModels.shared}).
 * {@link #idle} stops the worker while no bundle waits, {@link #close} at the end.
 *
 * <p>The web workspace's uploads ({@link #stoppedAfterIdle}) share one the same way: a server runs for days, and its
 * uploads come in runs (an auditor sending a municipality's bundles one after another) with hours between the runs, so the
 * worker is stopped once no ingestion has read with it for a while, and the next upload starts one again.
 */
public final class KeptWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeptWorkers.class);

    private final IsolatedExtractor extractor;
    private final int threads;
    /** How long the worker is kept after the last ingestion that read with it ended; null: until {@link #idle} or {@link #close}. */
    private final Duration idleStop;
    /** Runs the stop after {@link #idleStop} (null without one). */
    private final ScheduledExecutorService timer;
    /** The ingestions reading with the worker now (from their worker's readying to their end). */
    private int reading;
    /** Counts the ingestions' ends: a stop planned after an end is given up when another ingestion began since. */
    private long ends;
    private boolean closed;

    /** A worker for as many files at a time as there are cores, as an ingestion's own. */
    public KeptWorkers() {
        this(new IsolatedExtractor(Runtime.getRuntime().availableProcessors()), Runtime.getRuntime().availableProcessors(), null);
    }

    /** @param threads the ingestions' threads (tests: a worker with other limits) */
    KeptWorkers(IsolatedExtractor extractor, int threads) {
        this(extractor, threads, null);
    }

    /** @param idleStop how long the worker is kept after the last ingestion's end (null: until {@link #idle}) */
    KeptWorkers(IsolatedExtractor extractor, int threads, Duration idleStop) {
        this.extractor = extractor;
        this.threads = threads;
        this.idleStop = idleStop;
        if (idleStop == null) {
            timer = null;
        } else {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "evidens-worker-idle");
                thread.setDaemon(true);
                return thread;
            });
            t.setRemoveOnCancelPolicy(true);
            timer = t;
        }
    }

    /**
     * A worker for the ingestions of a process that reads bundles now and then (the web workspace's uploads): kept while
     * they follow each other, stopped once {@code idleStop} has passed since the last one ended.
     */
    public static KeptWorkers stoppedAfterIdle(Duration idleStop) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new KeptWorkers(new IsolatedExtractor(cores), cores, idleStop);
    }

    /**
     * A new ingestion into the home, tagging with the home's codebook as it is now, reading with the kept worker: its end
     * leaves the worker running for the next.
     */
    public Ingestion ingestion(EvidensHome home) {
        return new Ingestion(home, new DocumentAnalyser(new Lent(), Ingestion.homeCodebook(home)), threads);
    }

    /** As {@link #ingestion(EvidensHome)}, tagging with this codebook ({@code ingest --codebook}: {@link Ingestion#codebook}). */
    public Ingestion ingestion(EvidensHome home, Supplier<Codebook> codebook) {
        return new Ingestion(home, new DocumentAnalyser(new Lent(), codebook), threads);
    }

    /** How many shared workers were started: one for all the bundles, and one more after each lost. */
    public int workersStarted() {
        return extractor.sharedStarts();
    }

    /**
     * Stops the worker while nothing waits to be read (the inbox's watcher at a poll that finds the inbox empty): the next
     * bundle starts one again. Nothing when none runs.
     */
    public void idle() {
        extractor.close();
    }

    /** Stops the worker (it writes the class-data archive then, when it is the first). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        extractor.close();
    }

    /** An ingestion begins to read with the worker: a stop planned after the last one's end is given up. */
    private synchronized void begun() {
        reading++;
    }

    /** An ingestion that read with the worker ended: with none left, the worker is stopped after the idle time. */
    private synchronized void ended() {
        reading--;
        ends++;
        if (reading == 0 && timer != null && !closed) {
            long end = ends;
            timer.schedule(() -> stopIfStillIdle(end), idleStop.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The idle time after an ingestion's end has passed: the worker stops unless another ingestion began meanwhile. */
    private synchronized void stopIfStillIdle(long end) {
        if (reading == 0 && ends == end && !closed) {
            LOG.info("Tika worker stopped: no ingestion read with it for {} s", idleStop.toSeconds());
            extractor.close();
        }
    }

    /**
     * The kept extractor as one ingestion sees it: its close, at the ingestion's end, leaves the worker running (counted
     * from its first use to its close, so that an idle stop never ends a worker an ingestion reads with).
     */
    private final class Lent implements Extractor {
        private boolean holding;

        private void hold() {
            synchronized (this) {
                if (holding) {
                    return;
                }
                holding = true;
            }
            begun();
        }

        @Override
        public Extraction extract(Path file) throws ExtractionException {
            hold();
            return extractor.extract(file);
        }

        @Override
        public void prepare() {
            hold();
            extractor.prepare();
        }

        @Override
        public void close() {
            // the worker stays for the next bundle; KeptWorkers#close stops it (or the idle time, for uploads)
            synchronized (this) {
                if (!holding) {
                    return;
                }
                holding = false;
            }
            ended();
        }
    }
}

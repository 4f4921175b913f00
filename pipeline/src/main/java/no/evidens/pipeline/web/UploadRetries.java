package no.evidens.pipeline.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexHealth;
import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.IndexReleases;

/**
 * Looks at the uploads waiting for the index ({@link IngestJobs}): every {@link #EVERY}, and at once when asked (a job
 * ended, or one was queued behind a waiting one). When one waits and none runs, it asks the server's index first
 * ({@link #probe}) whether it could be written and answers a read: a cluster still down, or whose ZooKeeper is gone, says
 * so at once, where a new ingestion would wait the read's time-out or ZooKeeper's and start its work for nothing. One
 * thread of its own, stopped with the server.
 */
final class UploadRetries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadRetries.class);
    /** How often the waiting uploads are looked at (a search's Retry-After is 30 s too). */
    static final Duration EVERY = Duration.ofSeconds(30);
    /** A system property that sets another period, in seconds (an operator's choice; the cluster tests use a short one). */
    static final String EVERY_PROPERTY = "evidens.upload.retry-seconds";
    /** How often the mark of a writer's release is read ({@link #alsoOnRelease}). */
    static final Duration RELEASE_LOOK = Duration.ofSeconds(1);

    /** The period a server started now uses: {@link #EVERY_PROPERTY} when it is a whole number of seconds over 0, else {@link #EVERY}. */
    static Duration every() {
        String set = System.getProperty(EVERY_PROPERTY);
        if (set != null) {
            try {
                long seconds = Long.parseLong(set.trim());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // an unreadable setting falls back to the default with a warning: the server still starts
            }
            LOG.warn("{} must be a whole number of seconds over 0, was '{}': the uploads waiting for the index are looked at every {} s",
                    EVERY_PROPERTY, set, EVERY.toSeconds());
        }
        return EVERY;
    }

    /** Asks the server's index a read; throws when it does not answer. */
    interface IndexProbe {
        void answer() throws IOException;

        /** Whether the index could be written now, as far as its back end knows at once (a new upload waits when not). */
        default boolean writable() {
            return true;
        }

        /** What the last look at the cluster found (kept a few seconds), for the words of an upload that waits; none embedded. */
        default Optional<IndexHealth> health() {
            return Optional.empty();
        }
    }

    /**
     * The server's probe: an upload waiting for the index goes on when the server's index could be written
     * ({@link EvidenceIndex#writable()}: a SolrCloud whose ZooKeeper is gone answers reads from its nodes, but an ingestion
     * needs ZooKeeper) and answers a read (a passage that is nowhere).
     */
    static IndexProbe probe(SharedIndex index) {
        return new IndexProbe() {
            @Override
            public void answer() throws IOException {
                EvidenceIndex searcher = index.searcherIfAny();
                if (searcher != null) {
                    if (!searcher.writable()) {
                        throw new IndexUnreachableException("the index cannot be written now", null);
                    }
                    searcher.passage("evidens-probe/0/0");
                }
            }

            @Override
            public boolean writable() {
                return index.writable();
            }

            @Override
            public Optional<IndexHealth> health() {
                try {
                    return index.health();
                } catch (RuntimeException e) {
                    return Optional.empty(); // the words fall back to the index not answering
                }
            }
        };
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evidens-ingest-retry");
        t.setDaemon(true);
        return t;
    });
    private final IndexProbe probe;
    private final BooleanSupplier oneWaits;
    private final Runnable goOn;

    /**
     * @param oneWaits whether a job waits and none runs
     * @param goOn     ingests the oldest waiting job again (when that still holds)
     */
    UploadRetries(IndexProbe probe, Duration every, BooleanSupplier oneWaits, Runnable goOn) {
        this.probe = probe;
        this.oneWaits = oneWaits;
        this.goOn = goOn;
        timer.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Looks also within a second of an ingestion elsewhere letting go of the embedded index's writer (a command, the inbox's
     * watcher, another server: its mark, or its lock going free when it was killed, {@link IndexReleases}), so that a job
     * waiting behind it goes on then, not at the next {@link #EVERY}. The lock is looked at only while {@code waiters} says
     * a job waits.
     */
    void alsoOnRelease(IndexReleases releases, Supplier<IndexReleases.Waiters> waiters) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (releases.released(waiters.get())) {
                    look();
                }
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again: this look is given up, the next one comes
                LOG.debug("a look for the index's release failed: {}", e.getClass().getSimpleName());
            }
        }, RELEASE_LOOK.toMillis(), RELEASE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks now: when a job waits, none runs and the index answers, the oldest waiting one goes on. */
    void look() {
        if (!oneWaits.getAsBoolean()) {
            return;
        }
        try {
            probe.answer();
        } catch (IOException | RuntimeException e) {
            LOG.debug("an upload waits on: the index does not answer yet ({})", e.getClass().getSimpleName());
            return;
        }
        goOn.run();
    }

    /** Whether the index could be written now, as its back end knows at once: a new upload waits at once when not. */
    boolean writable() {
        return probe.writable();
    }

    /** What the last look at the cluster found, when the index is clustered (the look {@link #writable()} just used). */
    Optional<IndexHealth> health() {
        return probe.health();
    }

    /** Looks on the retries' thread, soon. */
    void soon() {
        try {
            timer.execute(this::look);
        } catch (RejectedExecutionException e) {
            LOG.debug("upload retries stopped");
        }
    }

    /** Stops looking (the server stops; the waiting jobs stay so in their files, for the next start). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}

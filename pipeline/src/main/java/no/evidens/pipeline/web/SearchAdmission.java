package no.evidens.pipeline.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets as many searcher-heavy requests run at once as the machine has processors (or as configured); the others wait
 * their turn in order of arrival. Twenty searches at once on two cores each run at a tenth of the speed, so an expensive
 * one (broad, filtered) takes twenty times its cost in wall time; admitted two at a time, each runs at full speed once
 * it starts, for the same throughput. A request that waits longer than the configured time is refused with 503 and
 * {@code Retry-After}, worded in the user's language; the refusal is logged (method, path, wait; never the query).
 *
 * <p>Not Jetty's {@code QoSHandler}, which does the same and suspends the waiting requests without holding a thread:
 * it takes its permit back when the request completes, that is when the client has read the whole answer, so a client
 * that reads slowly (or not at all, until the idle timeout) holds a turn of the cores while nothing runs; and it sits
 * before the workspace's own handler, so requests nobody signed in would queue with the others. Here the turn is taken
 * after the sign-in and token checks (and after a request body has been read whole) and given back when the searcher's
 * part is done: for a search or a document before it waits for its audit line (the trail writes the lines of every
 * request waiting at that moment in one commit, so the turns must not wait for the disk one by one), else when the
 * answer is handed to Jetty, whose write does not block the thread ({@code SearchAdmissionIT}). Waiting holds a pool
 * thread, as running a search did before; the pool is larger than the searches let in.
 */
final class SearchAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(SearchAdmission.class);
    /** The API paths whose work is the searcher's: searches, similar passages, documents, the overview, batch searches. */
    static final Set<String> PATHS = Set.of("/api/search", "/api/like", "/api/document", "/api/overview", "/api/batch");
    /** Seconds a refused client is told to wait before it asks again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore turns;
    private final int size;
    private final Duration wait;

    SearchAdmission(int size, Duration wait) {
        // fair: the longest waiting request takes the next turn
        this.turns = new Semaphore(size, true);
        this.size = size;
        this.wait = wait;
    }

    /** Whether requests to this path take a turn. */
    static boolean guards(String path) {
        return PATHS.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    /**
     * Waits for a turn; the caller gives it back with {@link #leave()}.
     *
     * @throws ApiError 503 when none came within the configured wait
     */
    void enter(Exchange x) {
        boolean got;
        try {
            got = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            long seconds = (wait.toMillis() + 999) / 1000;
            LOG.warn("{} {} waited {} ms for one of {} turns: refused", x.method(), x.path(), wait.toMillis(), size);
            x.responseHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            throw new ApiError(503, "error.http.searches-busy", seconds);
        }
    }

    void leave() {
        turns.release();
    }

    /** About how many requests wait for a turn now. */
    int waiting() {
        return turns.getQueueLength();
    }
}

package no.evidens.pipeline.web;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.store.StoreBusy;
import no.evidens.pipeline.store.StoreUnreachable;

/**
 * The workspace's memory that its store server did not answer in time (a server stopped with SIGSTOP, a network that drops
 * packets): each request waits for its answer up to the connections' time-out (12 s), holding one of the server's threads.
 * Once one has timed out, the requests that need the store are answered 503 at once for {@link #HOLD}; then one look at the
 * store is tried off the requests' threads ({@code probe}), and while it runs they are still answered at once. When it
 * answers, requests go to the store again; when not, the memory holds for another {@link #HOLD}.
 *
 * <p>Only a time-out is remembered: a refused connection (a stopped server) or a wrong password is said by the store in
 * milliseconds, so nothing is saved by remembering it, and a restarted server is used at once. Written here rather than
 * taken from a library (resilience4j's circuit breaker would do it) since it is these few lines and the workspace has no
 * other use for one. The requests already waiting when the first one times out wait out their own time.
 */
final class StoreOutage {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOutage.class);
    /** How long requests are answered at once after a time-out, before the store is looked at again. */
    static final Duration HOLD = Duration.ofSeconds(5);

    private final Clock clock;
    private final Runnable probe;
    private final Executor prober;
    /** Until when requests are answered at once; null when the store is not known to hang. */
    private Instant until;
    private boolean probing;

    /**
     * @param probe  a look at the store that throws when it does not answer (opening the findings store, say)
     * @param prober where the look runs (a thread of its own: never a request's)
     */
    StoreOutage(Clock clock, Runnable probe, Executor prober) {
        this.clock = clock;
        this.probe = probe;
        this.prober = prober;
    }

    /** A memory for a workspace whose store never times out (a test's): it never holds. */
    static StoreOutage none() {
        return new StoreOutage(Clock.systemUTC(), () -> { }, Runnable::run);
    }

    /** Whether the store is known not to answer now: answer 503 at once. Past the hold, starts a look at it. */
    boolean known() {
        boolean look;
        synchronized (this) {
            if (until == null) {
                return false;
            }
            look = !probing && !clock.instant().isBefore(until);
            probing |= look;
        }
        if (look) {
            prober.execute(this::look);
        }
        return true;
    }

    /** Seconds a client should wait before it tries again (for Retry-After). */
    synchronized long retryAfterSeconds() {
        if (until == null) {
            return HOLD.toSeconds();
        }
        return Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
    }

    /** A request's failure: remembered when it was the store server not answering in time. */
    void failed(Throwable e) {
        if (!timedOut(e)) {
            return;
        }
        synchronized (this) {
            if (until == null) {
                LOG.warn("the store server did not answer in time: requests that need it are answered 503 at once, and it is"
                        + " looked at again every {} s", HOLD.toSeconds());
            }
            until = clock.instant().plus(HOLD);
        }
    }

    private void look() {
        boolean answered;
        try {
            probe.run();
            answered = true;
        } catch (RuntimeException e) {
            answered = false;
        }
        synchronized (this) {
            probing = false;
            if (answered) {
                if (until != null) {
                    LOG.warn("the store server answers again: requests go to it again");
                }
                until = null;
            } else {
                until = clock.instant().plus(HOLD);
            }
        }
    }

    /** Whether a failure is the store server's, and it took the connection but did not answer within the time-out. */
    static boolean timedOut(Throwable e) {
        if (!StoreUnreachable.in(e) || StoreBusy.in(e)) {
            // a full pool of this process is no hang of the server's
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}

package no.evidens.pipeline.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Each client's fair share of the request bodies read at once: a signed-in user (by name, whatever their connections or
 * addresses), or before sign-in the address a request comes from, may have at most {@code perClient} bodies on their way;
 * the rest of the server's body slots ({@link ApiHandler}) stay for the others. A member who opens eight slow uploads no
 * longer keeps everyone else's edits out until the idle timeout cuts them.
 * <p>
 * Written here rather than taken from Jetty: its {@code QoSHandler} limits all requests together and queues the rest (the
 * greedy member's ninth request would wait in line with everyone's), and its {@code DoSHandler} limits how often requests
 * arrive per address (a slow upload is one request, and a team behind one proxy shares one address). Both run before the
 * session is known, and neither counts bodies per user.
 */
final class BodyShares {
    /**
     * A signed-in team's share by default: two bodies at once each (an upload and an edit, or two edits), the rest 429;
     * {@code evidens serve --body-share N} sets another ({@link WebConfig#bodyShare}).
     */
    static final int PER_CLIENT = 2;

    /**
     * How long a request waits for its client's share to come back before it is refused: the answer of a request is handed
     * to the client before its share is given back ({@link ApiHandler}'s last step), so a client that sends one request
     * after another could find its own last one still counted, on a loaded machine twice over, and be told 429.
     */
    static final long GRACE_MS = 250;

    private final int perClient;
    /** Guarded by this object, whose waiters {@link #give} wakes. */
    private final Map<String, Integer> held = new HashMap<>();

    /** @param perClient bodies one client may have on their way at once; 0 for no share (the single-user mode) */
    BodyShares(int perClient) {
        this.perClient = perClient;
    }

    int perClient() {
        return perClient;
    }

    /** The client a request counts against: its signed-in user, else its address. */
    static String client(Exchange x) {
        return x.signedIn() ? "user " + x.access().user() : "address " + x.remoteAddress();
    }

    /**
     * Takes one of this client's share; false (nothing taken) when they still hold all of it after {@link #GRACE_MS}.
     */
    boolean take(String client) {
        if (perClient == 0) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
        synchronized (this) {
            while (true) {
                int now = held.getOrDefault(client, 0);
                if (now < perClient) {
                    held.put(client, now + 1);
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Gives back one taken with {@link #take}. */
    void give(String client) {
        if (perClient != 0) {
            synchronized (this) {
                held.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
                notifyAll();
            }
        }
    }
}

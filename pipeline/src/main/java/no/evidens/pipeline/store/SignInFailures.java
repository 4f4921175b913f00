package no.evidens.pipeline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per client address, and how long that address's next sign-in is held back: 250 ms after its first failure,
 * doubled with each further one up to 4 s, its attempts one after another; forgotten at its next sign-in that succeeds.
 *
 * <p>Why this and not H2's own delay (which the store server turns off): H2 keeps one delay for the whole server and sleeps it
 * while holding a lock every sign-in needs, so one client sending wrong passwords made every home's connection wait behind
 * it (seen on the walk: 8 such clients made a home's commands and the workspace's requests run into their 12 s time-out).
 * Here a client slows only itself. No lock-out: the homes share one user, so locking it would lock every home out at a
 * stranger's wish; the passwords are 32 random bytes (43 characters), which no number of tries at this pace guesses.
 */
final class SignInFailures {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration MOST = Duration.ofSeconds(4);
    /** An address not heard from for this long is forgotten (its count too). */
    private static final Duration FORGET = Duration.ofMinutes(10);

    /** One address: its failures since its last sign-in, and when its next attempt may go through. */
    private record Address(int failures, Instant next, Instant last) {
    }

    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes the address's next turn: how long this attempt waits before it goes on (zero for an address without failures).
     * Attempts of one address are spaced by its delay, so many at once from it wait one after another.
     */
    Duration turn(String address) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        addresses.computeIfPresent(address, (k, a) -> {
            if (a.failures() == 0) {
                return a;
            }
            Instant at = a.next().isAfter(now) ? a.next() : now;
            wait[0] = Duration.between(now, at);
            return new Address(a.failures(), at.plus(delay(a.failures())), now);
        });
        return wait[0];
    }

    /** A wrong password from the address; returns its failures since its last sign-in. */
    int failed(String address) {
        Instant now = clock.instant();
        forgetOld(now);
        return addresses.merge(address, new Address(1, now.plus(delay(1)), now),
                (a, b) -> new Address(a.failures() + 1, max(a.next(), now.plus(delay(a.failures() + 1))), now)).failures();
    }

    /** A sign-in that succeeded: the address is no longer held back. */
    void signedIn(String address) {
        addresses.remove(address);
    }

    /** The delay after {@code failures} wrong passwords. */
    static Duration delay(int failures) {
        Duration d = FIRST;
        for (int i = 1; i < failures && d.compareTo(MOST) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MOST) > 0 ? MOST : d;
    }

    private void forgetOld(Instant now) {
        addresses.values().removeIf(a -> a.last().plus(FORGET).isBefore(now));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

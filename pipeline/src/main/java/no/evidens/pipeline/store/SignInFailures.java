package no.evidens.pipeline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per client address, and how long the answer to the next one is held back: 250 ms after the address's
 * first, doubled with each further one up to 4 s. A right password is never held back, so a home that shares an address with
 * a client trying passwords (this machine's loopback address, an office's NAT) still signs in at once. An address not heard
 * from for ten minutes is forgotten.
 *
 * <p>Why this and not H2's own delay (which the store server turns off): H2 keeps one delay for the whole server and sleeps it
 * while holding a lock every sign-in needs, so one client sending wrong passwords made every home's connection wait behind
 * it (seen on the walk: 8 such clients made the homes' commands and the workspace's requests run into their 12 s time-out).
 * Here only the wrong answer waits. No lock-out either: the homes share one user, so locking it would lock every home out at
 * a stranger's wish. The passwords are 32 random bytes (43 characters), which no number of tries guesses: the delay bounds
 * how fast one connection may try, and with it the lines in the log.
 */
final class SignInFailures {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration MOST = Duration.ofSeconds(4);
    /** An address not heard from for this long is forgotten (its count too). */
    private static final Duration FORGET = Duration.ofMinutes(10);

    /** One address: its wrong passwords, and when the last came. */
    private record Address(int failures, Instant last) {
    }

    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInFailures(Clock clock) {
        this.clock = clock;
    }

    /** A wrong password from the address; returns its count (within the last ten minutes of its tries). */
    int failed(String address) {
        Instant now = clock.instant();
        addresses.values().removeIf(a -> a.last().plus(FORGET).isBefore(now));
        return addresses.merge(address, new Address(1, now), (a, b) -> new Address(a.failures() + 1, now)).failures();
    }

    /** How long the answer to the address's {@code failures}th wrong password is held back. */
    static Duration delay(int failures) {
        Duration d = FIRST;
        for (int i = 1; i < failures && d.compareTo(MOST) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MOST) > 0 ? MOST : d;
    }
}

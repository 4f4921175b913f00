package no.evidens.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a name and password, and slows guessing down: after {@value #FREE_ATTEMPTS} failures in a row
 * each next attempt must wait (1 s, 2 s, 4 s … at most a minute) and is refused unchecked before then;
 * after {@value #LOCK_AFTER} the account is locked for {@link #LOCK_FOR}. A success, or a new password,
 * clears the count. The counts are in the database, so a restart does not reset them.
 */
public final class SignIn {
    public static final int FREE_ATTEMPTS = 3;
    public static final int LOCK_AFTER = 10;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** Checked when the name is unknown, so an unknown name takes as long as a wrong password. */
    private static final String DUMMY = PasswordHasher.DEFAULT.hash("ingen".toCharArray());

    /** What came of an attempt. */
    public enum Status { OK, WRONG, WAIT, LOCKED, DISABLED }

    /**
     * @param account    the account (when OK)
     * @param retryAfter when the next attempt is considered (WAIT, LOCKED)
     */
    public record Outcome(Status status, Account account, Instant retryAfter) {
    }

    private final Clock clock;

    public SignIn(Clock clock) {
        this.clock = clock;
    }

    public Outcome attempt(AccessStore store, String name, char[] password) {
        Instant now = clock.instant();
        Optional<AccessStore.Attempts> found = name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,63}")
                ? Optional.empty() : store.attempts(name);
        if (found.isEmpty() || found.get().hash() == null) {
            PasswordHasher.verify(password, DUMMY);
            return new Outcome(Status.WRONG, null, null);
        }
        AccessStore.Attempts a = found.get();
        if (a.lockedUntil() != null && now.isBefore(a.lockedUntil())) {
            return new Outcome(Status.LOCKED, null, a.lockedUntil());
        }
        Instant next = nextAllowed(a.failed(), a.lastFailed());
        if (next != null && now.isBefore(next)) {
            return new Outcome(Status.WAIT, null, next);
        }
        if (!PasswordHasher.verify(password, a.hash())) {
            int failed = a.failed() + 1;
            Instant lock = failed >= LOCK_AFTER ? now.plus(LOCK_FOR) : null;
            store.recordFailure(name, now, lock);
            return lock != null ? new Outcome(Status.LOCKED, null, lock) : new Outcome(Status.WRONG, null, nextAllowed(failed, now));
        }
        if (a.disabled()) {
            return new Outcome(Status.DISABLED, null, null);
        }
        store.recordSuccess(name);
        return new Outcome(Status.OK, store.find(name).orElseThrow(), null);
    }

    /** When the next attempt is allowed after this many failures in a row, or null when at once. */
    static Instant nextAllowed(int failed, Instant lastFailed) {
        if (failed < FREE_ATTEMPTS || lastFailed == null) {
            return null;
        }
        int doublings = Math.min(failed - FREE_ATTEMPTS, 10);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return lastFailed.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }
}

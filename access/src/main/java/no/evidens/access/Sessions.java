package no.evidens.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sign-in sessions, in memory (a restart signs everyone out): a random id for the cookie,
 * the user, a random token for state-changing requests, and two expiries: after {@code idle} without a
 * request, and at the latest {@code absolute} after sign-in.
 */
public final class Sessions {
    /** One signed-in session. */
    public record Session(String id, String user, String token, Instant created, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> open = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public Sessions(Clock clock, Duration idle, Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** How long a session lives at most (for the cookie's Max-Age). */
    public Duration absolute() {
        return absolute;
    }

    /** Opens a session for the user. */
    public Session open(String user) {
        Instant now = clock.instant();
        Session s = new Session(randomHex(), user, randomHex(), now, min(now.plus(idle), now.plus(absolute)));
        open.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle expiry moved on; empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = open.computeIfPresent(id, (k, v) -> now.isBefore(v.expires())
                ? new Session(v.id(), v.user(), v.token(), v.created(), min(now.plus(idle), v.created().plus(absolute))) : null);
        return Optional.ofNullable(s);
    }

    /** Ends the session (sign-out). */
    public void close(String id) {
        if (id != null) {
            open.remove(id);
        }
    }

    /** Ends every session of the user (disabled, new password). */
    public void closeAll(String user) {
        open.values().removeIf(s -> s.user().equals(user));
    }

    private String randomHex() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package no.evidens.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The server's sign-in sessions, kept in the access database so that a restart signs nobody out: a
 * random id for the cookie (only its SHA-256 is stored), the user, a token for state-changing requests
 * (derived from the id, so it needs no storage), and two expiries: after {@code idle} without a
 * request, and at the latest {@code absolute} after sign-in.
 *
 * <p>A session checked against the database less than {@link #FRESH} ago is answered from memory, so
 * a request does not open the database; the stored idle expiry is moved on at those checks. A session
 * ended by another process ({@code evidens user passwd|disable}) ends here within {@link #FRESH}, or at
 * once when the check was made on a database this process keeps open ({@link AccessStore#current()}: the
 * other process could only change it once this one let go, and from then on the check is made again).
 */
public final class Sessions {
    /** How long a session checked against the database is trusted from memory. */
    public static final Duration FRESH = Duration.ofSeconds(3);

    /** One signed-in session. */
    public record Session(String id, String user, String token, Instant created, Instant expires) {
    }

    /** @param current whether the database still holds what was checked ({@link AccessStore#current()}), or null */
    private record Known(Session session, Instant checked, BooleanSupplier current) {
        boolean trusted(Instant now) {
            return now.isBefore(session.expires()) && now.isBefore(checked.plus(FRESH)) && (current == null || current.getAsBoolean());
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final Supplier<AccessStore> stores;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final ExpiryWriter expiries;

    /**
     * @param dir      the access database's folder
     * @param lockWait how long to wait for the database while another process has it
     */
    public Sessions(Path dir, Duration lockWait, Clock clock, Duration idle, Duration absolute) {
        this(dir, lockWait, clock, idle, absolute, SessionRows::extend);
    }

    /** @param expiries writes a session's moved idle expiry (the database's; a test's may fail as a full disk does) */
    Sessions(Path dir, Duration lockWait, Clock clock, Duration idle, Duration absolute, ExpiryWriter expiries) {
        this(() -> AccessStore.open(dir, lockWait), clock, idle, absolute, expiries);
    }

    /** @param stores opens the access database for a piece of work (its folder's, or one on a database server) */
    public Sessions(Supplier<AccessStore> stores, Clock clock, Duration idle, Duration absolute) {
        this(stores, clock, idle, absolute, SessionRows::extend);
    }

    private Sessions(Supplier<AccessStore> stores, Clock clock, Duration idle, Duration absolute, ExpiryWriter expiries) {
        this.stores = stores;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
        this.expiries = expiries;
    }

    /** Writes a session's idle expiry. */
    interface ExpiryWriter {
        void extend(AccessStore store, String idHash, Instant expires);
    }

    /** How long a session lives at most (for the cookie's Max-Age). */
    public Duration absolute() {
        return absolute;
    }

    /** Opens a session for the user (and drops the sessions that have expired). */
    public Session open(String user) {
        Instant now = clock.instant();
        String id = randomHex();
        Session s = new Session(id, user, token(id), now, min(now.plus(idle), now.plus(absolute)));
        BooleanSupplier current;
        try (AccessStore store = stores.get()) {
            SessionRows.deleteExpired(store, now);
            SessionRows.insert(store, new SessionRows.Row(hash(id), user, s.created(), s.expires()));
            current = store.current();
        }
        known.put(hash(id), new Known(s, now, current));
        return s;
    }

    /** The live session with this id, its idle expiry moved on; empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String key = hash(id);
        Known k = known.get(key);
        if (k != null && k.trusted(now)) {
            Session moved = moved(k.session(), now);
            known.put(key, new Known(moved, k.checked(), k.current()));
            return Optional.of(moved);
        }
        // the idle expiry this server moved on and could not write yet (a full disk): held here, written when it can
        Instant held = k == null ? null : k.session().expires();
        Optional<SessionRows.Row> row;
        boolean unwritten = false;
        Session live = null;
        AccessStore store = stores.get();
        BooleanSupplier current = store.current();
        try {
            row = SessionRows.find(store, key);
            Instant expires = row.isEmpty() ? null : later(row.get().expires(), held);
            if (row.isPresent() && now.isBefore(expires)) {
                live = moved(new Session(id, row.get().user(), token(id), row.get().created(), expires), now);
                Instant moved = live.expires();
                unwritten = !written(() -> expiries.extend(store, key, moved));
            } else if (row.isPresent()) {
                unwritten = !written(() -> SessionRows.delete(store, key));
            }
        } finally {
            closeAfter(store, unwritten);
        }
        if (live == null) {
            known.remove(key);
            return Optional.empty();
        }
        known.put(key, new Known(live, now, current));
        return Optional.of(live);
    }

    /**
     * Runs a write of a session's upkeep (its idle expiry moved on, an expired row dropped); false when it cannot be
     * written (the home's disk full, the database held by another process too long). The session was read, so what it
     * is stays known: a live one's expiry is moved on in memory all the same (never past the absolute limit) and written
     * at the next check that can write, so a member busy on a full disk stays signed in; an expired one is refused
     * whenever it comes back. A restart meanwhile knows only the expiry stored. Signing in needs a write and is refused
     * meanwhile.
     */
    private static boolean written(Runnable write) {
        try {
            write.run();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Closes the store; after a write that failed, its close fails too (the same cause), which the write has answered. */
    private static void closeAfter(AccessStore store, boolean unwritten) {
        try {
            store.close();
        } catch (IllegalStateException e) {
            if (!unwritten) {
                throw e;
            }
        }
    }

    /** Ends the session (sign-out). */
    public void close(String id) {
        if (id != null && !id.isEmpty()) {
            String key = hash(id);
            known.remove(key);
            try (AccessStore store = stores.get()) {
                SessionRows.delete(store, key);
            }
        }
    }

    /** Ends every session of the user (disabled, new password). */
    public void closeAll(String user) {
        known.values().removeIf(k -> k.session().user().equals(user));
        try (AccessStore store = stores.get()) {
            SessionRows.deleteUser(store, user);
        }
    }

    private Session moved(Session s, Instant now) {
        return new Session(s.id(), s.user(), s.token(), s.created(), min(now.plus(idle), s.created().plus(absolute)));
    }

    /** The token of a session: a hash of its id, so it is not stored, and cannot be guessed without the id. */
    private static String token(String id) {
        return hash("token:" + id);
    }

    /** SHA-256 of the text, in hex: what the database keeps of a session id. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private String randomHex() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The later of the expiry stored and the one held in memory (null when none is held). */
    private static Instant later(Instant stored, Instant held) {
        return held != null && held.isAfter(stored) ? held : stored;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

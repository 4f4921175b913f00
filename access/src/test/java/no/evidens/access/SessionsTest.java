package no.evidens.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration MAX = Duration.ofHours(10);

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));

    @BeforeEach
    void users() {
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "et langt passord".toCharArray(), false);
        }
    }

    /** A new Sessions over the same database: what a restarted server has. */
    private Sessions server() {
        return new Sessions(dir, Duration.ofSeconds(5), clock, IDLE, MAX);
    }

    @Test
    void aSessionSurvivesARestartWithItsUserAndToken() {
        Sessions.Session s = server().open("kari");
        Sessions.Session after = server().touch(s.id()).orElseThrow();
        assertEquals("kari", after.user());
        assertEquals(s.token(), after.token());
        assertNotEquals(s.id(), s.token());
        assertTrue(server().touch("not-a-session").isEmpty());
    }

    /**
     * A web server that keeps the database open trusts a session it checked there for a few seconds, as it may: no other
     * process can change the file meanwhile. Once it lets the database go (a command waits for it), the session is checked
     * again at its next request, so that {@code evidens user disable} run then signs the user out at once.
     */
    @Test
    void aSessionCheckedOnADatabaseKeptOpenIsCheckedAgainOnceTheDatabaseIsLetGo() throws Exception {
        AtomicBoolean held = new AtomicBoolean(true);
        try (AccessStore anchor = AccessStore.open(dir)) {
            Sessions server = new Sessions(() -> AccessStore.whileHeld(kept(), held::get), clock, IDLE, MAX);
            Sessions.Session s = server.open("kari");
            assertTrue(server.touch(s.id()).isPresent());
            held.set(false);
            // what the other process did, once given the database
            anchor.setDisabled("kari", true);
            assertTrue(server.touch(s.id()).isEmpty(), "signed out at the first request after, within the seconds it was trusted");
        }
    }

    /** Another connection to the database the anchor holds open, as a server's pool hands out. */
    private Connection kept() {
        try {
            return DriverManager.getConnection(AccessStore.fileUrl(dir), AccessStore.FILE_USER, "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheHashOfTheSessionIdIsStored() throws Exception {
        Sessions.Session s = server().open("kari");
        List<String> stored = new ArrayList<>();
        try (AccessStore store = AccessStore.open(dir); Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM sign_in_session")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    stored.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        assertTrue(stored.contains(Sessions.hash(s.id())), stored.toString());
        assertFalse(stored.stream().anyMatch(v -> v.contains(s.id()) || v.contains(s.token())), stored.toString());
    }

    @Test
    void idleAndAbsoluteExpiryAreHonouredAfterARestart() {
        Sessions.Session s = server().open("kari");
        clock.move(IDLE.minusMinutes(1));
        assertTrue(server().touch(s.id()).isPresent(), "used within the idle time");
        clock.move(IDLE.minusMinutes(1));
        assertTrue(server().touch(s.id()).isPresent(), "the idle expiry moved on when used, and was stored");
        clock.move(IDLE.plusSeconds(1));
        assertTrue(server().touch(s.id()).isEmpty(), "idle too long");

        Sessions.Session busy = server().open("kari");
        for (Duration used = Duration.ZERO; used.compareTo(MAX) < 0; used = used.plus(IDLE.dividedBy(2))) {
            clock.move(IDLE.dividedBy(2));
            server().touch(busy.id());
        }
        assertTrue(server().touch(busy.id()).isEmpty(), "past the absolute limit however busy");
    }

    @Test
    void signOutNewPasswordAndDisablingEndSessions() {
        Sessions sessions = server();
        Sessions.Session a = sessions.open("kari");
        sessions.close(a.id());
        assertTrue(server().touch(a.id()).isEmpty());

        Sessions.Session b = sessions.open("kari");
        try (AccessStore s = AccessStore.open(dir)) {
            s.setPassword("kari", "et nytt passord".toCharArray());
        }
        clock.move(Sessions.FRESH);
        assertTrue(sessions.touch(b.id()).isEmpty(), "a new password set by another process ends the session");

        Sessions.Session c = sessions.open("kari");
        try (AccessStore s = AccessStore.open(dir)) {
            s.setDisabled("kari", true);
        }
        assertTrue(server().touch(c.id()).isEmpty());
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Writes expiries as the database does, or fails as a full disk does while {@code full[0]}. */
    private static Sessions.ExpiryWriter disk(boolean[] full) {
        return (store, idHash, expires) -> {
            if (full[0]) {
                throw new IllegalStateException("the access database failed: No space left on device");
            }
            SessionRows.extend(store, idHash, expires);
        };
    }

    /**
     * A home whose disk is full: the session's idle expiry cannot be written. The session was found, so it holds, rather
     * than every request of a signed-in user failing; a server restarted meanwhile knows only the expiry stored, and once
     * the write works the expiry moves on in the database.
     */
    @Test
    void aSessionWhoseExpiryCannotBeWrittenHoldsUntilTheExpiryStored() {
        Sessions.Session s = server().open("kari");
        boolean[] full = {true};
        Sessions.ExpiryWriter disk = disk(full);
        clock.move(Duration.ofMinutes(20));
        Sessions fullHome = new Sessions(dir, Duration.ofSeconds(5), clock, IDLE, MAX, disk);
        Sessions.Session held = fullHome.touch(s.id()).orElseThrow();
        assertEquals(s.token(), held.token());
        clock.move(Duration.ofMinutes(11));
        assertTrue(new Sessions(dir, Duration.ofSeconds(5), clock, IDLE, MAX, disk).touch(s.id()).isEmpty(),
                "past the expiry stored: expired, as a session idle that long");

        Sessions.Session t = server().open("kari");
        clock.move(Duration.ofMinutes(20));
        full[0] = false;
        Sessions room = new Sessions(dir, Duration.ofSeconds(5), clock, IDLE, MAX, disk);
        assertTrue(room.touch(t.id()).isPresent());
        clock.move(Duration.ofMinutes(20));
        assertTrue(server().touch(t.id()).isPresent(), "moved on and stored once the write works");
    }

    /**
     * Someone reading for hours on a full disk: each check moves the idle expiry on in memory, though it cannot be written,
     * so the member stays signed in while busy, and still not past the absolute limit; idle, the session ends as any does.
     */
    @Test
    void aBusyMemberOnAFullDiskStaysSignedInUntilTheAbsoluteLimit() {
        Sessions.Session s = server().open("kari");
        boolean[] full = {true};
        Sessions fullHome = new Sessions(dir, Duration.ofSeconds(5), clock, IDLE, MAX, disk(full));
        for (int minutes = 0; minutes < 120; minutes += 5) {
            clock.move(Duration.ofMinutes(5));
            assertTrue(fullHome.touch(s.id()).isPresent(), "busy for " + (minutes + 5) + " minutes on a full disk");
        }
        clock.move(IDLE.plusSeconds(1));
        assertTrue(fullHome.touch(s.id()).isEmpty(), "idle longer than the idle time: ended");

        Sessions.Session busy = server().open("kari");
        Sessions.Session last = null;
        for (Duration used = Duration.ZERO; used.compareTo(MAX) < 0; used = used.plus(IDLE.dividedBy(2))) {
            clock.move(IDLE.dividedBy(2));
            last = fullHome.touch(busy.id()).orElse(null);
        }
        assertTrue(fullHome.touch(busy.id()).isEmpty(), "past the absolute limit however busy");
        assertTrue(last == null || !last.expires().isAfter(busy.created().plus(MAX)), "never held past the absolute limit");

        Sessions.Session room = server().open("kari");
        full[0] = true;
        clock.move(Duration.ofMinutes(25));
        fullHome.touch(room.id()).orElseThrow();
        full[0] = false;
        clock.move(Duration.ofMinutes(25));
        fullHome.touch(room.id()).orElseThrow();
        clock.move(Duration.ofMinutes(25));
        assertTrue(server().touch(room.id()).isPresent(), "the expiry held in memory is written once there is room");
    }
}

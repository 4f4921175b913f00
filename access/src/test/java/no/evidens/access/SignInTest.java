package no.evidens.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void argon2idHashesAreSaltedAndVerifiedOnlyWithTheRightPassword() {
        String a = PasswordHasher.DEFAULT.hash("riktig hest".toCharArray());
        String b = PasswordHasher.DEFAULT.hash("riktig hest".toCharArray());
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b);
        assertTrue(PasswordHasher.verify("riktig hest".toCharArray(), a));
        assertFalse(PasswordHasher.verify("riktig hest!".toCharArray(), a));
        assertFalse(PasswordHasher.verify("riktig hest".toCharArray(), "$argon2id$v=19$m=x$y$z"));
    }

    @Test
    void failuresSlowDownThenLockAndASuccessClearsThem() {
        Moving clock = new Moving();
        SignIn signIn = new SignIn(clock);
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "riktig".toCharArray(), false);
            assertEquals(SignIn.Status.WRONG, signIn.attempt(s, "ukjent", "x".toCharArray()).status());
            for (int i = 0; i < SignIn.FREE_ATTEMPTS; i++) {
                assertEquals(SignIn.Status.WRONG, signIn.attempt(s, "kari", "feil".toCharArray()).status());
            }
            SignIn.Outcome wait = signIn.attempt(s, "kari", "riktig".toCharArray());
            assertEquals(SignIn.Status.WAIT, wait.status(), "even the right password waits its turn");
            assertEquals(clock.now.plusSeconds(1), wait.retryAfter());
            for (int i = SignIn.FREE_ATTEMPTS; i < SignIn.LOCK_AFTER - 1; i++) {
                clock.now = clock.now.plus(Duration.ofMinutes(2));
                assertEquals(SignIn.Status.WRONG, signIn.attempt(s, "kari", "feil".toCharArray()).status());
            }
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertEquals(SignIn.Status.LOCKED, signIn.attempt(s, "kari", "feil".toCharArray()).status());
            clock.now = clock.now.plus(Duration.ofMinutes(5));
            assertEquals(SignIn.Status.LOCKED, signIn.attempt(s, "kari", "riktig".toCharArray()).status());
            clock.now = clock.now.plus(SignIn.LOCK_FOR);
            assertEquals(SignIn.Status.OK, signIn.attempt(s, "kari", "riktig".toCharArray()).status());
            assertEquals(SignIn.Status.WRONG, signIn.attempt(s, "kari", "feil".toCharArray()).status());
            assertEquals(SignIn.Status.OK, signIn.attempt(s, "kari", "riktig".toCharArray()).status(), "the count started again");
            s.setDisabled("kari", true);
            assertEquals(SignIn.Status.DISABLED, signIn.attempt(s, "kari", "riktig".toCharArray()).status());
        }
    }

    @Test
    void sessionsExpireWhenIdleAndAtTheLatestAfterTheirLifetime() {
        Moving clock = new Moving();
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "riktig".toCharArray(), false);
        }
        Sessions sessions = new Sessions(dir, Duration.ofSeconds(5), clock, Duration.ofMinutes(30), Duration.ofHours(8));
        Sessions.Session s = sessions.open("kari");
        assertNotEquals(s.id(), s.token());
        for (int i = 0; i < 16; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertTrue(sessions.touch(s.id()).isPresent(), "alive after " + (i + 1) * 29 + " minutes of use");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(sessions.touch(s.id()).isEmpty(), "past eight hours even when busy");
        Sessions.Session t = sessions.open("kari");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(sessions.touch(t.id()).isEmpty(), "idle too long");
        Sessions.Session u = sessions.open("kari");
        sessions.close(u.id());
        assertTrue(sessions.touch(u.id()).isEmpty(), "signed out");
    }
}

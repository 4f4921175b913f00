package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInFailuresTest {
    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-06T16:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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
    void wrongPasswordsHoldBackOnlyTheirAddressOneTryAfterAnotherUntilItSignsIn() {
        Moving clock = new Moving();
        SignInFailures f = new SignInFailures(clock);
        assertEquals(Duration.ZERO, f.turn("10.0.0.9"), "an address without failures goes at once");

        assertEquals(1, f.failed("10.0.0.9"));
        // two tries at once from it: one after the first delay, the next one delay later
        assertEquals(Duration.ofMillis(250), f.turn("10.0.0.9"));
        assertEquals(Duration.ofMillis(500), f.turn("10.0.0.9"));
        assertEquals(Duration.ZERO, f.turn("10.0.0.5"), "a home at another address is not held back");

        clock.now = clock.now.plusSeconds(1);
        assertEquals(2, f.failed("10.0.0.9"));
        assertEquals(Duration.ofMillis(500), f.turn("10.0.0.9"));

        f.signedIn("10.0.0.9");
        assertEquals(Duration.ZERO, f.turn("10.0.0.9"), "forgotten once it signs in");
    }

    @Test
    void theDelayDoublesUpToFourSeconds() {
        assertEquals(Duration.ofMillis(250), SignInFailures.delay(1));
        assertEquals(Duration.ofMillis(500), SignInFailures.delay(2));
        assertEquals(Duration.ofSeconds(2), SignInFailures.delay(4));
        assertEquals(Duration.ofSeconds(4), SignInFailures.delay(5));
        assertEquals(Duration.ofSeconds(4), SignInFailures.delay(1_000));
    }

    @Test
    void anAddressNotHeardFromForTenMinutesIsForgotten() {
        Moving clock = new Moving();
        SignInFailures f = new SignInFailures(clock);
        for (int i = 0; i < 6; i++) {
            f.failed("10.0.0.9");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertEquals(1, f.failed("10.0.0.7"), "another address's failure sweeps the old ones");
        assertEquals(Duration.ZERO, f.turn("10.0.0.9"));
    }
}

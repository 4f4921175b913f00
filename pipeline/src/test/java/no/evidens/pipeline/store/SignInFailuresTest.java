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
    void eachAddressCountsItsOwnWrongPasswords() {
        Moving clock = new Moving();
        SignInFailures f = new SignInFailures(clock);
        assertEquals(1, f.failed("10.0.0.9"));
        assertEquals(2, f.failed("10.0.0.9"));
        assertEquals(1, f.failed("10.0.0.5"), "another address starts at one");
        clock.now = clock.now.plusSeconds(60);
        assertEquals(3, f.failed("10.0.0.9"), "kept while it goes on trying");
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
        assertEquals(1, f.failed("10.0.0.9"), "counted from one again");
    }
}

package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@code --older-than}'s lengths of time as an administrator types them, and ages as the CLI says them. */
class DurationsTest {

    @Test
    void aNumberAndItsUnitAndTheirSums() {
        assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse(" 1H30M "));
        assertEquals(Duration.ZERO, Durations.parse("0s"));
        // ISO-8601, as Java prints a duration
        assertEquals(Duration.ofMinutes(45), Durations.parse("PT45M"));
    }

    @Test
    void anythingElseIsSaidWithWhatIsTaken() {
        for (String bad : new String[] {"", "30", "m", "30x", "1h 30m", "-5m", "h30", "30m2", "PT-5M", "P", "1.5h"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "' is not a length of time") && e.getMessage().contains("30m, 2h"),
                    e.getMessage());
        }
    }

    @Test
    void anAgeInItsTwoLargestUnits() {
        assertEquals("0 s", Durations.said(Duration.ZERO));
        assertEquals("40 s", Durations.said(Duration.ofSeconds(40)));
        assertEquals("3 min", Durations.said(Duration.ofSeconds(180)));
        assertEquals("3 min 20 s", Durations.said(Duration.ofSeconds(200)));
        assertEquals("1 h", Durations.said(Duration.ofHours(1)));
        assertEquals("2 h 5 min", Durations.said(Duration.ofMinutes(125).plusSeconds(59)));
        assertEquals("2 d 3 h", Durations.said(Duration.ofHours(51).plusMinutes(20)));
    }
}

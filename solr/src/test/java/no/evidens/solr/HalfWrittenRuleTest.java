package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Which half-written documents {@code solr clean-half-written} deletes: those begun at least the rule's age ago; a younger
 * one (being written now?) and one of unknown age (a marker from before round 52) are left alone, the latter deleted only
 * when asked.
 */
class HalfWrittenRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-06T16:30:00Z");

    private static HalfWritten begun(Duration ago) {
        return new HalfWritten("stor", "logg", NOW.minus(ago), "4242@arkiv1");
    }

    @Test
    void byDefaultOnlyThoseBegunAnHourAgoOrMoreAreDeleted() {
        HalfWrittenRule rule = HalfWrittenRule.byDefault();
        assertEquals(Duration.ofHours(1), rule.olderThan());
        assertEquals(HalfWrittenRule.Verdict.YOUNG, rule.of(begun(Duration.ofSeconds(5)), NOW));
        assertEquals(HalfWrittenRule.Verdict.YOUNG, rule.of(begun(Duration.ofMinutes(59).plusSeconds(59)), NOW));
        assertEquals(HalfWrittenRule.Verdict.OLD, rule.of(begun(Duration.ofHours(1)), NOW));
        assertEquals(HalfWrittenRule.Verdict.OLD, rule.of(begun(Duration.ofDays(3)), NOW));
        assertFalse(rule.deletes(begun(Duration.ofMinutes(30)), NOW));
        assertTrue(rule.deletes(begun(Duration.ofHours(2)), NOW));
    }

    @Test
    void anotherAgeIsTaken() {
        HalfWrittenRule rule = new HalfWrittenRule(Duration.ofMinutes(10), false);
        assertTrue(rule.deletes(begun(Duration.ofMinutes(30)), NOW));
        assertFalse(rule.deletes(begun(Duration.ofMinutes(9)), NOW));
        assertThrows(IllegalArgumentException.class, () -> new HalfWrittenRule(Duration.ofMinutes(-1), false));
    }

    /** A writer whose clock is ahead of this machine's: a document just begun, never old. */
    @Test
    void aTimeAheadOfThisClockIsJustBegun() {
        HalfWritten ahead = new HalfWritten("stor", "logg", NOW.plus(Duration.ofHours(3)), "4242@arkiv2");
        assertEquals(Duration.ZERO, ahead.age(NOW).orElseThrow());
        assertEquals(HalfWrittenRule.Verdict.YOUNG, HalfWrittenRule.byDefault().of(ahead, NOW));
    }

    /** A marker with no time may be an older Evidens's writing now: kept unless asked, whatever the age given. */
    @Test
    void aMarkerWithoutATimeIsOfUnknownAgeAndDeletedOnlyWhenAsked() {
        HalfWritten old = new HalfWritten("stor", "rest", null, null);
        for (Duration age : new Duration[] {Duration.ZERO, Duration.ofHours(1)}) {
            HalfWrittenRule keeps = new HalfWrittenRule(age, false);
            assertEquals(HalfWrittenRule.Verdict.AGE_UNKNOWN, keeps.of(old, NOW));
            assertFalse(keeps.deletes(old, NOW));
            assertTrue(new HalfWrittenRule(age, true).deletes(old, NOW));
        }
        // and asking for them deletes no young one
        assertFalse(new HalfWrittenRule(Duration.ofHours(1), true).deletes(begun(Duration.ofMinutes(5)), NOW));
    }
}

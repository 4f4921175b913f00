package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;

import org.junit.jupiter.api.Test;

/**
 * The walk's field scores are kept in a table of {@link WalkScores#WINDOW} places, which holds an entry's scores until
 * it is handed on only while Lucene's walk scores windows no wider than that: an upgrade of Lucene that widens them
 * would give some entries with a bonus a score without one of their fields.
 */
class WalkScoresTest {
    @Test
    void theTableIsAtLeastAsWideAsLucenesWindow() throws ReflectiveOperationException {
        Field f = Class.forName("org.apache.lucene.search.MaxScoreBulkScorer").getDeclaredField("INNER_WINDOW_SIZE");
        f.setAccessible(true);
        int lucenes = f.getInt(null);
        assertTrue(lucenes <= WalkScores.WINDOW, "Lucene's window " + lucenes + ", the table " + WalkScores.WINDOW);
        assertEquals(1, Integer.bitCount(WalkScores.WINDOW), "a power of two");
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PriorBulkScorerTest {
    @Test
    void noWordsScoreBelowTheBoundReachesThePageWithABonus() {
        Random random = new Random(15);
        for (int i = 0; i < 100_000; i++) {
            // page scores of BM25 words and of the relaxed search's tiers, bonuses as the prior's
            float minScore = random.nextBoolean() ? random.nextFloat() * 20 : 1000 * (1 + random.nextInt(4)) + random.nextFloat() * 20;
            float maxBonus = random.nextFloat() * 2;
            float bound = PriorBulkScorer.wordsBound(minScore, maxBonus);
            if (bound == 0) {
                assertTrue(minScore - maxBonus < 0.001f, "no bound only where a bonus alone nearly reaches the page: " + minScore);
                continue;
            }
            float below = Math.nextDown(bound);
            assertTrue(below + maxBonus < minScore, below + " + " + maxBonus + " must stay below " + minScore);
            // and the bound is not needlessly low: it is within a few ulps of the exact difference
            assertTrue(minScore - maxBonus - bound <= 4 * Math.ulp(minScore), "bound " + bound + " for " + minScore + ", " + maxBonus);
        }
    }

    @Test
    void aPageWithoutAScoreHasNoBound() {
        assertEquals(0f, PriorBulkScorer.wordsBound(0f, 1.1f));
        assertEquals(0f, PriorBulkScorer.wordsBound(1.0f, 1.1f));
    }
}

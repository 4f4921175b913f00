package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

class CarriedBonusScorerTest {
    /**
     * An entry holding a bonus that reaches the page is never left out by the walk: the walk sums its fields and its
     * bonus in a double and rounds once, the page rounds its fields' sum and adds the bonus as a float; the two differ
     * in the last bits, and the walk's bound leaves room for that.
     */
    @Test
    void theWalksSumOfAnEntryThatReachesThePageIsAboveTheWalksBound() {
        Random random = new Random(21);
        float[] values = PriorBulkScorer.values(List.of(new PriorQuery.Bonus(new MatchAllDocsQuery(), EvidencePrior.FINDING),
                new PriorQuery.Bonus(new MatchAllDocsQuery(), EvidencePrior.CONCLUSION)), 1f);
        int differing = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // BM25 scores of a word in the text, its compound parts and its heading (each absent now and then)
            float text = random.nextInt(5) == 0 ? 0f : random.nextFloat() * 12;
            float parts = random.nextInt(2) == 0 ? 0f : random.nextFloat() * 8;
            float heading = random.nextInt(3) == 0 ? 0f : random.nextFloat() * 15;
            float bonus = values[1 + random.nextInt(values.length - 1)];
            float page = (float) ((double) text + parts + heading) + bonus;
            float walk = (float) ((double) text + parts + heading + bonus);
            differing += page == walk ? 0 : 1;
            // the page's lowest score at its hardest: this entry's own score
            assertTrue(walk >= CarriedBonusScorer.walkBound(page), walk + " below the bound of " + page);
        }
        assertTrue(differing > 1_000, "the two sums do differ in the last bits: " + differing);
    }
}

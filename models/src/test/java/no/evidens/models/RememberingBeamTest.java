package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RememberingBeamTest {
    /** What OpenNLP's beam step reads: the scores sorted, then the one {@code size} from the end (or the first). */
    private static double sortedThreshold(double[] scores, int n, int size) {
        double[] sorted = Arrays.copyOf(scores, n);
        Arrays.sort(sorted);
        return sorted[Math.max(0, n - size)];
    }

    @Test
    void threshold_isTheValueOpenNlpReadsFromTheSortedScores_withTiesZerosAndFewerScoresThanTheBeam() {
        Random random = new Random(27);
        for (int round = 0; round < 20_000; round++) {
            int size = 1 + random.nextInt(4);
            int n = 1 + random.nextInt(12);
            double[] scores = new double[n + random.nextInt(3)]; // a longer array: only the first n count
            for (int p = 0; p < scores.length; p++) {
                // few distinct values, so ties are common; -0.0 and 0.0 are ordered as Arrays.sort orders them
                scores[p] = switch (random.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> random.nextInt(4) / 4.0;
                    default -> random.nextDouble();
                };
            }
            double expected = sortedThreshold(scores, n, size);
            double found = RememberingBeam.kthLargest(scores, n, new double[size]);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(found),
                    () -> Arrays.toString(Arrays.copyOf(scores, n)) + " beam " + size);
        }
    }

    @Test
    void threshold_ofTheNameModelsNineOutcomesInABeamOfThree_isTheThirdLargest() {
        double[] scores = {0.01, 0.5, 0.02, 0.2, 0.2, 0.03, 0.01, 0.02, 0.01};
        assertEquals(0.2, RememberingBeam.kthLargest(scores, scores.length, new double[3]));
        assertEquals(0.5, RememberingBeam.kthLargest(scores, scores.length, new double[1]));
        assertEquals(0.01, RememberingBeam.kthLargest(new double[] {0.01, 0.99}, 2, new double[3]));
    }
}

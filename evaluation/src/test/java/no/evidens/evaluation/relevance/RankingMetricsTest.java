package no.evidens.evaluation.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1);
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void ndcgDiscountsEachGradeByTheLogarithmOfItsRank() {
        // DCG = 2/log2(2) + 0 + 3/log2(4) = 3.5; ideal = 3/1 + 2/log2(3) + 1/log2(4)
        double ideal = 3 + 2 / LOG2_3 + 0.5;
        assertEquals(3.5 / ideal, RankingMetrics.ndcg(List.of("b", "x", "a"), GRADES, 10), 1e-12);
        assertEquals(1.0, RankingMetrics.ndcg(List.of("a", "b", "c", "x"), GRADES, 10), 1e-12);
        assertEquals(1.0, RankingMetrics.ndcg(List.of("a"), GRADES, 1), 1e-12, "the ideal at 1 is the best passage alone");
        assertEquals(0.0, RankingMetrics.ndcg(List.of(), GRADES, 10));
        assertEquals(0.0, RankingMetrics.ndcg(List.of("a"), Map.of(), 10), "nothing relevant: 0, not NaN");
    }

    @Test
    void ndcgOnlyLooksAtTheFirstKHits() {
        List<String> late = List.of("x1", "x2", "a");
        assertEquals(0.0, RankingMetrics.ndcg(late, GRADES, 2));
        assertEquals((3 / 2.0) / (3 + 2 / LOG2_3 + 0.5), RankingMetrics.ndcg(late, GRADES, 3), 1e-12);
    }

    @Test
    void recallIsTheShareOfRelevantPassagesFoundInTheFirstKHits() {
        assertEquals(1 / 3.0, RankingMetrics.recall(List.of("b", "x", "a"), GRADES, 2), 1e-12);
        assertEquals(2 / 3.0, RankingMetrics.recall(List.of("b", "x", "a"), GRADES, 20), 1e-12);
        assertEquals(1 / 3.0, RankingMetrics.recall(List.of("c", "c"), GRADES, 20), 1e-12, "a passage counts once");
        assertEquals(0.0, RankingMetrics.recall(List.of("a"), Map.of(), 20));
    }
}

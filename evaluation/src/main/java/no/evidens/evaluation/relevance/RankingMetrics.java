package no.evidens.evaluation.relevance;

import java.util.List;
import java.util.Map;

/**
 * The two measures of the relevance evaluation, over a ranked list of passage ids and the graded
 * relevant passages of a query (grade 1–3; a passage not in the map is not relevant).
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * Normalised discounted cumulative gain at {@code k}, with linear gains (as trec_eval): the sum of
     * {@code grade / log2(rank + 1)} over the first {@code k} hits, divided by the same sum for the ideal
     * ranking of all judged passages. 0 when nothing is judged relevant.
     */
    public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += grades.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** The share of the relevant passages (any grade) found in the first {@code k} hits. 0 when nothing is relevant. */
    public static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).distinct().filter(id -> grades.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

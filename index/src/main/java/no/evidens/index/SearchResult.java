package no.evidens.index;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param relaxed true when no passage held every word, and the hits hold some of them (best first)
 * @param facets per dimension (type, case, indicator, lov, sitat), value → number of matching passages
 */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets, boolean relaxed) {
    public SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                        Map<String, Map<String, Integer>> facets) {
        this(query, total, tookMs, hits, facets, false);
    }
}

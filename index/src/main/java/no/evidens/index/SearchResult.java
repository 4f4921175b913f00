package no.evidens.index;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param facets per dimension (type, case, indicator, lov, sitat), value → number of matching passages
 */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets) {
}

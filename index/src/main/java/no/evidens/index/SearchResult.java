package no.evidens.index;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param relaxed  true when the hits are not only passages that hold every word: none did, or so few that the
 *                 list goes on with passages that hold some of them ({@code allWords} says how many come first)
 * @param facets   per dimension (type, case, indicator, lov, sitat), value → number of matching passages
 * @param allWords how many of the {@code total} hold every word; they come first (equal to {@code total} when
 *                 not relaxed)
 */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets, boolean relaxed, long allWords) {
    public SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                        Map<String, Map<String, Integer>> facets, boolean relaxed) {
        this(query, total, tookMs, hits, facets, relaxed, relaxed ? 0 : total);
    }

    public SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                        Map<String, Map<String, Integer>> facets) {
        this(query, total, tookMs, hits, facets, false);
    }

    /** This relaxed result, saying that its first {@code n} hits hold every word. */
    public SearchResult withAllWords(long n) {
        return new SearchResult(query, total, tookMs, hits, facets, relaxed, n);
    }
}

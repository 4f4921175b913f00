package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.search.SearchScope;

/**
 * What a search of the web API is checked for once it has run, alike for {@code GET /api/search} and a saved search
 * ({@code POST /api/lagrede-sok}, and its listing): a case no bundle was ingested into, and a facet value no passage of
 * the searched cases carries — either would answer "0 hits" as if the case held nothing on the subject. Both are
 * {@link no.evidens.pipeline.findings.NotFound}s of {@link SearchScope}, answered as 404 by {@link FindingsErrors}.
 */
final class SearchChecks {
    private static final String CASE = PassageSchema.CASE;

    private final SearchScope scope;

    SearchChecks(SearchScope scope) {
        this.scope = scope;
    }

    /**
     * Refuses what the search {@code r} of {@code q} (in {@code caseId}, or null, narrowed by {@code filters}) asked for
     * that can never match.
     *
     * @param singleUser whether every case is the user's (the single-user mode): only then is a case looked up in the
     *                   receipts. A signed-in user reaches a search only with a role in its cases (others got 403 from
     *                   {@link CaseAccess#require}, whether the case exists or not), and a case a lead started is theirs,
     *                   empty or not.
     */
    void require(EvidenceIndex searcher, boolean singleUser, String q, String caseId, Map<String, List<String>> filters, SearchResult r)
            throws IOException {
        boolean none = r.total() == 0;
        if (singleUser) {
            requireIngested(none, q, caseId, filters.getOrDefault(CASE, List.of()), r.facets());
        }
        requireCarried(searcher, none, q, caseId, filters, r.facets());
    }

    /**
     * A case a signed-in user has no role in, written as a {@code sak:} term of a query that found nothing: 403 in the words
     * {@code case=} and {@code filter=case:} get, whether the case exists or not (so it tells nothing of another team's
     * case, and a member's misspelt case is no longer answered "0 hits"). Nothing is asked of the single-user workspace
     * (every case is its user's: {@link #require} looks the case up in the receipts) nor of a search that found hits.
     */
    static void requireReadableNamedIn(CaseAccess access, String q, SearchResult r) {
        if (r.total() == 0 && access.readableCases() != null) {
            SearchScope.casesNamedIn(q).forEach(c -> access.require(c, Permission.READ));
        }
    }

    /**
     * A case no bundle was ingested into, as {@code case=} or a {@code sak:} term of the query (both asked only when the
     * search found nothing) or in a {@code filter=case:} (asked for the filter's cases with no hit): 404, as the findings
     * answer a case that does not exist (the service's {@link no.evidens.pipeline.findings.NotFound} worded by
     * {@link FindingsErrors}), instead of "0 hits".
     */
    private void requireIngested(boolean none, String q, String caseId, List<String> filtered, Map<String, Map<String, Integer>> facets)
            throws IOException {
        FindingsErrors.call(() -> {
            if (none) {
                if (caseId != null) {
                    scope.requireIngested(caseId);
                }
                scope.requireIngestedNamedIn(q);
            }
            if (!filtered.isEmpty()) {
                scope.requireIngested(filtered, facets.getOrDefault(CASE, Map.of()));
            }
            return null;
        });
    }

    /**
     * A facet value no passage of the searched cases carries, as a filter ({@code filter=kommune:Atlantis}) or as a term
     * of the query ({@code indikator:…}, asked only when the search found nothing): 404, worded by {@link FindingsErrors},
     * naming the values that are there, the closest first. The searched cases are those a signed-in user may read (or
     * asked for, with a role), so neither the refusal nor the values it names tell of another case.
     */
    private static void requireCarried(EvidenceIndex searcher, boolean none, String q, String caseId, Map<String, List<String>> filters,
                                       Map<String, Map<String, Integer>> facets) throws IOException {
        List<SearchScope.Asked> asked = SearchScope.asked(filters, q, none);
        if (asked.isEmpty()) {
            return;
        }
        FindingsErrors.call(() -> {
            SearchScope.requireCarried(searcher, caseId, filters.get(CASE), asked, facets);
            return null;
        });
    }
}

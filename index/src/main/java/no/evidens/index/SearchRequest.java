package no.evidens.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search for evidence passages.
 *
 * @param query   the query in the Evidens query language (Lucene syntax with Norwegian analysis)
 * @param caseId  only this case, or null for all
 * @param type    only this document type, or null for all
 * @param limit   how many hits to return
 * @param offset  how many hits to skip first (paging)
 * @param order   the order of the hits
 * @param filters facet filters: dimension (as search reports them in {@link SearchResult#facets()}: type,
 *                case, indicator, lov, sitat, kommune, tjeneste, år) → the values wanted; the values of
 *                one dimension are alternatives, and every dimension applies. The counts of a filtered
 *                dimension stay those without its own filter, so its other values remain visible.
 * @param leftOut     documents whose passages are left out of the hits, their count and the facet counts, each as
 *                    {@code case/docId} (a corrected bundle's earlier versions); empty: none
 * @param allVersions whether earlier versions of corrected files are asked for too: the layer that knows which
 *                    documents are earlier versions then leaves {@code leftOut} empty (the index itself only reads
 *                    {@code leftOut})
 */
public record SearchRequest(String query, String caseId, String type, int limit, int offset, Order order,
                            Map<String, List<String>> filters, Set<String> leftOut, boolean allVersions) {
    /** Best first; as the passages stand in their documents; or by the documents' dates, oldest first. */
    public enum Order { RELEVANCE, DOCUMENT, DATE }

    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("the query is empty: give one or more words to search for", "query.empty", List.of());
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        if (offset < 0 || offset > 100_000) {
            throw new IllegalArgumentException("offset must be between 0 and 100000, was " + offset);
        }
        if (order == null) {
            order = Order.RELEVANCE;
        }
        filters = checked(filters);
        leftOut = leftOut == null ? Set.of() : Set.copyOf(leftOut);
    }

    public SearchRequest(String query, String caseId, String type, int limit, int offset, Order order,
                         Map<String, List<String>> filters) {
        this(query, caseId, type, limit, offset, order, filters, Set.of(), false);
    }

    public SearchRequest(String query, String caseId, String type, int limit, int offset, Order order) {
        this(query, caseId, type, limit, offset, order, Map.of());
    }

    public SearchRequest(String query, String caseId, String type, int limit) {
        this(query, caseId, type, limit, 0, Order.RELEVANCE);
    }

    /** Whether a document type or a facet filter narrows this request. */
    public boolean narrowed() {
        return type != null || !filters.isEmpty();
    }

    /** This request over its whole case (no type, no facet filter), asking for one hit: for counting. */
    public SearchRequest wholeCase() {
        return new SearchRequest(query, caseId, null, 1, 0, order, Map.of(), leftOut, allVersions);
    }

    /** This request with these facet filters instead of its own. */
    public SearchRequest withFilters(Map<String, List<String>> newFilters) {
        return new SearchRequest(query, caseId, type, limit, offset, order, newFilters, leftOut, allVersions);
    }

    /** This request with another page: {@code limit} hits from {@code offset}. */
    public SearchRequest withPage(int newLimit, int newOffset) {
        return new SearchRequest(query, caseId, type, newLimit, newOffset, order, filters, leftOut, allVersions);
    }

    /** This request leaving out the passages of these documents ({@code case/docId}), unless all versions are asked for. */
    public SearchRequest leavingOut(Set<String> documents) {
        return new SearchRequest(query, caseId, type, limit, offset, order, filters, allVersions ? Set.of() : documents,
                allVersions);
    }

    /** This request with earlier versions of corrected files asked for too ({@code all}) or not. */
    public SearchRequest withAllVersions(boolean all) {
        return new SearchRequest(query, caseId, type, limit, offset, order, filters, all ? Set.of() : leftOut, all);
    }

    private static Map<String, List<String>> checked(Map<String, List<String>> filters) {
        if (filters == null || filters.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        filters.forEach((dim, values) -> {
            if (!PassageSchema.FACET_DIMS.contains(dim)) {
                throw new IllegalArgumentException("cannot filter on '" + dim + "': the dimensions are "
                        + String.join(", ", PassageSchema.FACET_DIMS));
            }
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new IllegalArgumentException("the filter on '" + dim + "' needs one or more values");
            }
            out.put(dim, List.copyOf(values));
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}

package no.evidens.index;

/**
 * A search for evidence passages.
 *
 * @param query  the query in the Evidens query language (Lucene syntax with Norwegian analysis)
 * @param caseId only this case, or null for all
 * @param type   only this document type, or null for all
 * @param limit  how many hits to return
 */
public record SearchRequest(String query, String caseId, String type, int limit) {
    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("the query is empty: give one or more words to search for");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
    }
}

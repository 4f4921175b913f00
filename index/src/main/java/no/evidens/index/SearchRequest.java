package no.evidens.index;

/**
 * A search for evidence passages.
 *
 * @param query  the query in the Evidens query language (Lucene syntax with Norwegian analysis)
 * @param caseId only this case, or null for all
 * @param type   only this document type, or null for all
 * @param limit  how many hits to return
 * @param offset how many hits to skip first (paging)
 * @param order  the order of the hits
 */
public record SearchRequest(String query, String caseId, String type, int limit, int offset, Order order) {
    /** Best first; as the passages stand in their documents; or by the documents' dates, oldest first. */
    public enum Order { RELEVANCE, DOCUMENT, DATE }

    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("the query is empty: give one or more words to search for");
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
    }

    public SearchRequest(String query, String caseId, String type, int limit) {
        this(query, caseId, type, limit, 0, Order.RELEVANCE);
    }
}

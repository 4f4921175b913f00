package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.PassageSchema;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.findings.FindingsService;

/** {@code GET /api/search} (query, facet filters, pages) and {@code GET /api/like} (passages like one). */
final class SearchResource implements Routes.Resource {
    private final SharedIndex index;
    private final FindingsService findings;

    SearchResource(SharedIndex index, FindingsService findings) {
        this.index = index;
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/search", (x, p) -> x.json(200, search(x)));
        routes.get("/api/like", (x, p) -> x.json(200, like(x)));
    }

    private Map<String, Object> search(Exchange x) throws IOException {
        String q = x.required("q");
        String caseId = x.param("case") == null ? null : Params.caseId(x.param("case"));
        String type = x.param("type");
        int limit = x.intParam("limit", 10, 1, 100);
        int offset = x.intParam("offset", 0, 0, 10_000);
        SearchRequest.Order order = order(x.param("sort"));
        List<String> filters = x.all("filter");
        SearchResult r;
        try {
            r = index.searcher().search(new SearchRequest(q, caseId, type, limit, offset, order, facetFilters(filters)));
        } catch (QuerySyntaxException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("filters", filters);
        out.put("case", caseId);
        out.put("type", type);
        out.put("total", r.total());
        out.put("tookMs", r.tookMs());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("relaxed", r.relaxed());
        out.put("hits", r.hits());
        out.put("facets", r.facets());
        out.put("usedBy", findings.usedBy(r.hits()));
        return out;
    }

    private SearchResult like(Exchange x) throws IOException {
        String id = Params.passageId(x.required("id"));
        int limit = x.intParam("limit", 10, 1, 100);
        EvidenceIndex s = index.searcher();
        if (s.passage(id).isEmpty()) {
            throw ApiError.notFound("no passage " + id + " in the index");
        }
        return s.moreLikeThis(id, limit);
    }

    /** The {@code filter=dimension:value} parameters as the request's facet filters (dimension → values). */
    private static Map<String, List<String>> facetFilters(List<String> filters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : filters) {
            int colon = f.indexOf(':');
            String dim = colon < 0 ? "" : f.substring(0, colon);
            String value = colon < 0 ? "" : f.substring(colon + 1).strip();
            if (!PassageSchema.FACET_DIMS.contains(dim) || value.isEmpty()) {
                throw ApiError.badRequest("the filter '" + f + "' is not valid: write it as dimension:value, with a dimension of "
                        + String.join(", ", new TreeSet<>(PassageSchema.FACET_DIMS)));
            }
            out.computeIfAbsent(dim, d -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static SearchRequest.Order order(String sort) {
        if (sort == null) {
            return SearchRequest.Order.RELEVANCE;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "document" -> SearchRequest.Order.DOCUMENT;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw ApiError.badRequest("sort must be relevance, document or date, was '" + sort + "'");
        };
    }
}

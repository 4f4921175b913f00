package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.findings.SavedSearches.Saved;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.search.SavedSearchService;

/**
 * A case's saved searches (lagrede søk): {@code GET /api/lagrede-sok?case=} lists them, each with its
 * hits now ({@code hitsNow}) beside those when saved ({@code hitsSaved}); {@code POST /api/lagrede-sok}
 * ({@code case, name, query, filters}) saves one (a name saved before is replaced);
 * {@code DELETE /api/lagrede-sok/{case}/{id}} deletes one. {@code POST /api/eksport-sprak}
 * ({@code case, sprak}) chooses the language of the case's exports.
 */
final class SavedSearchesResource implements Routes.Resource {
    private final SharedIndex index;
    private final SavedSearchService saved;

    SavedSearchesResource(SharedIndex index, SavedSearchService saved) {
        this.index = index;
        this.saved = saved;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/lagrede-sok", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Saved s : saved.list(caseId)) {
                out.add(json(s, hitsNow(caseId, s.query(), s.filters())));
            }
            x.json(200, Map.of("case", caseId, "searches", out));
        }).post("/api/lagrede-sok", (x, p) -> {
            JsonFields b = new JsonFields(x.jsonBody(), "case", "name", "query", "filters");
            String caseId = x.access().require(Params.caseId(b.required("case")), Permission.READ);
            String query = b.required("query");
            List<String> filters = b.strings("filters");
            Long hits = hitsNow(caseId, query, filters);
            if (hits == null) {
                // the query cannot be read: say why, as a search would
                index.searcher().search(request(caseId, query, filters));
            }
            Saved s = saved.save(caseId, b.required("name"), query, filters, hits == null ? 0 : hits, x.access().user());
            x.json(201, json(s, hits));
        }).delete("/api/lagrede-sok/{case}/{id}", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            long id;
            try {
                id = Long.parseLong(p.get("id"));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("error.id.saved-search", p.get("id"));
            }
            if (!saved.delete(caseId, id)) {
                throw ApiError.notFound("error.saved-unknown", caseId);
            }
            x.noContent();
        }).post("/api/eksport-sprak", (x, p) -> {
            JsonFields b = new JsonFields(x.jsonBody(), "case", "sprak");
            String caseId = x.access().require(Params.caseId(b.required("case")), Permission.EXPORT);
            String code = b.required("sprak");
            if (!Language.known(code)) {
                throw ApiError.badRequest("error.param.choice", "sprak", "nb, nn", code);
            }
            saved.setExportLanguage(caseId, Language.of(code), x.access().user());
            x.json(200, Map.of("case", caseId, "sprak", code));
        }).get("/api/eksport-sprak", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
            x.json(200, Map.of("case", caseId, "sprak", saved.exportLanguage(caseId).code()));
        });
    }

    private static SearchRequest request(String caseId, String query, List<String> filters) {
        return new SearchRequest(query, caseId, null, 1, 0, SearchRequest.Order.RELEVANCE, SearchResource.facetFilters(filters));
    }

    /** How many passages the search finds now, or null when its query can no longer be read. */
    private Long hitsNow(String caseId, String query, List<String> filters) throws IOException {
        try {
            return index.searcher().search(request(caseId, query, filters)).total();
        } catch (QuerySyntaxException e) {
            return null;
        }
    }

    private static Map<String, Object> json(Saved s, Long hitsNow) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("case", s.caseId());
        m.put("name", s.name());
        m.put("query", s.query());
        m.put("filters", s.filters());
        m.put("hitsSaved", s.hitsSaved());
        m.put("hitsNow", hitsNow);
        m.put("savedAt", s.savedAt().toString());
        m.put("savedBy", s.savedBy());
        return m;
    }
}

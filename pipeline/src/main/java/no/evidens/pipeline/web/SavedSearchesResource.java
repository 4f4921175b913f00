package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.findings.SavedSearchNotYours;
import no.evidens.findings.SavedSearches;
import no.evidens.findings.SavedSearches.Saved;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.search.SavedSearchService;

/**
 * A case's saved searches (lagrede søk): {@code GET /api/lagrede-sok?case=} lists them, each with its
 * hits now ({@code hitsNow}) beside those when saved ({@code hitsSaved}), and {@code refusedNow}: what the search
 * answers now instead of hits, in the user's language, when it is refused (a value no passage of the case carries any
 * longer, after a new ingestion, say), else null; {@code POST /api/lagrede-sok}
 * ({@code case, name, query, filters}) saves one (a name saved before is replaced), refused as the search is
 * ({@link SearchChecks}) when it can never find anything;
 * {@code DELETE /api/lagrede-sok/{case}/{id}} deletes one. Anyone who reads the case saves searches of their own; replacing or
 * deleting one that someone else saved is the lead's ({@link Permission#MANAGE_SAVED_SEARCHES}; else 403), and the listing's
 * {@code mayChange} tells the page which the user may change. Each change is in the audit trail ({@link SavedSearchService}). {@code POST /api/eksport-sprak}
 * ({@code case, sprak}) chooses the language of the case's exports.
 */
final class SavedSearchesResource implements Routes.Resource {
    private final SharedIndex index;
    private final SavedSearchService saved;
    private final SearchChecks checks;

    SavedSearchesResource(SharedIndex index, SavedSearchService saved, SearchChecks checks) {
        this.index = index;
        this.saved = saved;
        this.checks = checks;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/lagrede-sok", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
            List<Map<String, Object>> out = new ArrayList<>();
            Language language = ErrorTexts.language(x);
            boolean singleUser = x.access().readableCases() == null;
            for (Saved s : saved.list(caseId)) {
                Long hits = null;
                String refused = null;
                try {
                    Map<String, List<String>> filters = SearchResource.facetFilters(s.filters());
                    EvidenceIndex searcher = index.searcher();
                    SearchResult r = searcher.search(request(caseId, s.query(), filters));
                    hits = r.total();
                    checks.require(searcher, singleUser, s.query(), caseId, filters, r);
                } catch (ApiError e) {
                    // what the search answers now instead of hits (hitsNow stays its count, 0, or null when the query
                    // cannot be read); no index yet (409) is the listing's own answer
                    if (e.status() != 400 && e.status() != 404) {
                        throw e;
                    }
                    refused = ErrorTexts.message(language, e);
                } catch (IllegalArgumentException e) {
                    refused = ErrorTexts.message(language, e);
                }
                out.add(json(s, hits, refused, mayChange(x, caseId, s)));
            }
            x.json(200, Map.of("case", caseId, "searches", out));
        }).post("/api/lagrede-sok", (x, p) -> {
            JsonFields b = new JsonFields(x.jsonBody(), "case", "name", "query", "filters");
            String caseId = x.access().require(Params.caseId(b.required("case")), Permission.READ);
            String query = b.required("query");
            List<String> filters = b.strings("filters");
            Map<String, List<String>> facetFilters = SearchResource.facetFilters(filters);
            SavedSearches.requireValid(b.required("name"), filters);
            // refused as the search is: a case filter without a role (403), a query that cannot be read (400), a case no
            // bundle was ingested into or a value no passage of the case carries (404)
            facetFilters.getOrDefault(PassageSchema.CASE, List.of()).forEach(c -> x.access().require(c, Permission.READ));
            EvidenceIndex searcher = index.searcher();
            SearchResult r = searcher.search(request(caseId, query, facetFilters));
            SearchChecks.requireReadableNamedIn(x.access(), query, r);
            checks.require(searcher, x.access().readableCases() == null, query, caseId, facetFilters, r);
            Saved s;
            try {
                s = saved.save(caseId, b.required("name"), query, filters, r.total(), x.access().user(), othersToo(x, caseId));
            } catch (SavedSearchNotYours e) {
                throw notYours(e);
            }
            x.json(201, json(s, r.total(), null, true));
        }).delete("/api/lagrede-sok/{case}/{id}", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            long id;
            try {
                id = Long.parseLong(p.get("id"));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("error.id.saved-search", p.get("id"));
            }
            try {
                if (!saved.delete(caseId, id, x.access().user(), othersToo(x, caseId))) {
                    throw ApiError.notFound("error.saved-unknown", caseId);
                }
            } catch (SavedSearchNotYours e) {
                throw notYours(e);
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

    private static SearchRequest request(String caseId, String query, Map<String, List<String>> filters) {
        return new SearchRequest(query, caseId, null, 1, 0, SearchRequest.Order.RELEVANCE, filters);
    }

    /** Whether the user may replace or delete what others saved in the case: its lead (anyone on the laptop). */
    private static boolean othersToo(Exchange x, String caseId) {
        return x.access().may(caseId, Permission.MANAGE_SAVED_SEARCHES);
    }

    private static boolean mayChange(Exchange x, String caseId, Saved s) {
        return SavedSearches.changeable(s, x.access().user(), othersToo(x, caseId));
    }

    /** 403, as the other refusals of a role: whose search it is, and who may change it. */
    private static ApiError notYours(SavedSearchNotYours e) {
        return new ApiError(403, "error.saved.not-yours", e.name(), e.savedBy(), e.caseId());
    }

    private static Map<String, Object> json(Saved s, Long hitsNow, String refusedNow, boolean mayChange) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("case", s.caseId());
        m.put("name", s.name());
        m.put("query", s.query());
        m.put("filters", s.filters());
        m.put("hitsSaved", s.hitsSaved());
        m.put("hitsNow", hitsNow);
        m.put("refusedNow", refusedNow);
        m.put("savedAt", s.savedAt().toString());
        m.put("savedBy", s.savedBy());
        m.put("mayChange", mayChange);
        return m;
    }
}

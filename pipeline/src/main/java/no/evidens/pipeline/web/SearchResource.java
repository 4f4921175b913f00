package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.evidens.access.Permission;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.search.DocumentGroups;
import no.evidens.pipeline.search.SearchScope;

/**
 * {@code GET /api/search} (query, facet filters, pages) and {@code GET /api/like} (passages like one). With
 * {@code group=document} a search's page is one of documents ({@code documents}: each with its count of
 * hits and best passages, {@code documentTotal}); the other fields stay as they were.
 */
final class SearchResource implements Routes.Resource {
    private static final String CASE = "case";
    /** A case id no case has (ids are checked by Params): the filter of a user who belongs to none. */
    private static final String NO_CASE = "-";
    /** How many of the best hits a grouped search groups into documents. */
    private static final int GROUPED_HITS = 400;
    private final SharedIndex index;
    private final FindingsService findings;
    private final SearchChecks checks;

    SearchResource(SharedIndex index, FindingsService findings, SearchChecks checks) {
        this.index = index;
        this.findings = findings;
        this.checks = checks;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/search", (x, p) -> x.json(200, search(x)));
        routes.get("/api/like", (x, p) -> x.json(200, like(x)));
    }

    private Map<String, Object> search(Exchange x) throws IOException {
        String q = x.required("q");
        String caseId = x.param("case") == null ? null : x.access().require(Params.caseId(x.param("case")), Permission.READ);
        // a type no document has is refused (400), as the command line's --type
        String type = SearchScope.documentType(x.param("type"));
        int limit = x.intParam("limit", 10, 1, 100);
        int offset = x.intParam("offset", 0, 0, 10_000);
        SearchRequest.Order order = order(x.param("sort"));
        List<String> filters = x.all("filter");
        Map<String, List<String>> facetFilters = facetFilters(filters);
        facetFilters.getOrDefault(CASE, List.of()).forEach(c -> x.access().require(c, Permission.READ));
        Set<String> readable = x.access().readableCases();
        if (caseId == null && readable != null && !facetFilters.containsKey(CASE)) {
            if (readable.isEmpty()) {
                readable = Set.of(NO_CASE);
            }
            // Only the user's cases: as a filter on the case facet (whose own counts are trimmed below).
            facetFilters.put(CASE, List.copyOf(readable));
        }
        boolean grouped = grouped(x.param("group"));
        // grouped: the best hits at once, grouped here, the page being one of documents; only the hits that page
        // shows are read whole and highlighted. A query that cannot be read throws QuerySyntaxException: 400,
        // worded in the user's language by ApiHandler.
        // the newest version of each file unless allVersions=true (the earlier versions of a corrected bundle's files too)
        SearchRequest request = new SearchRequest(q, caseId, type, limit, offset, order, facetFilters)
                .withAllVersions(x.boolParam("allVersions"));
        EvidenceIndex searcher = index.searcher();
        SearchResult r = grouped ? searcher.searchForGrouping(request, GROUPED_HITS, DocumentGroups.PASSAGES_PER_DOCUMENT)
                : searcher.search(request);
        SearchChecks.requireReadableNamedIn(x.access(), q, r);
        checks.require(searcher, readable == null, q, caseId, facetFilters, r);
        DocumentGroups groups = grouped ? DocumentGroups.of(r.hits(), r.total(), offset, limit) : null;
        List<SearchHit> shown = grouped ? groups.shownHits() : r.hits();
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
        out.put("allWords", r.allWords());
        out.put("allVersions", request.allVersions());
        out.put("hits", shown);
        out.put("facets", visible(r.facets(), readable));
        // the searcher's part is done: the next search may start while this one looks up which findings quote its hits
        // (the findings store, when the kept quotations are read again) and waits for its audit line
        x.searcherDone();
        out.put("usedBy", findings.usedBy(shown));
        if (grouped) {
            out.put("group", "document");
            out.put("documents", groups.documents());
            out.put("documentTotal", groups.total());
            out.put("documentTotalExact", groups.exact());
        }
        List<String> narrowed = new ArrayList<>(filters);
        if (type != null) {
            narrowed.add("type:" + type);
        }
        if (caseId != null) {
            findings.audit().searched(x.access().user(), caseId, q, String.join(" ", narrowed), (int) r.total());
        } else {
            // over several cases: a line in each case it found passages in, so each case's trail shows the search
            findings.audit().searched(x.access().user(), hitsByCase(r, facetFilters.get(CASE)), q, String.join(" ", narrowed));
        }
        return out;
    }

    private SearchResult like(Exchange x) throws IOException {
        String id = Params.passageId(x.required("id"));
        x.access().require(Params.caseOfPassage(id), Permission.READ);
        int limit = x.intParam("limit", 10, 1, 100);
        // of one document type when asked (a type no document has is refused, 400, as the search's type=)
        String type = SearchScope.documentType(x.param("type"));
        EvidenceIndex s = index.searcher();
        if (s.passage(id).isEmpty()) {
            throw ApiError.notFound("error.passage-unknown", id);
        }
        SearchResult like = s.moreLikeThis(id, type, limit);
        Set<String> readable = x.access().readableCases();
        if (readable != null) {
            // Like passages are of the passage's case (each engine filters on it: MoreLikeThisCaseTest); the user's own are
            // kept all the same, so an engine that answered more would show no other case's text.
            List<SearchHit> hits = like.hits().stream().filter(h -> readable.contains(h.caseId())).toList();
            like = new SearchResult(like.query(), hits.size(), like.tookMs(), hits, Map.of(), like.relaxed());
        }
        x.searcherDone();
        // its hits show passages' text as a search's do: in the trail as a search of the passage's case, the one case its
        // hits are of (a search over several cases is in each one's trail instead: AuditService.searched(actor, hitsByCase, …))
        findings.audit().searched(x.access().user(), Params.caseOfPassage(id), like.query(), type == null ? null : "type:" + type,
                (int) like.total());
        return like;
    }

    /**
     * The hits in each case a search without {@code case=} went through: the case facet counts (which count as if
     * unfiltered by case) of the cases searched, those its case filter names, or every case when none does (single user).
     */
    private static Map<String, Integer> hitsByCase(SearchResult r, List<String> searched) {
        Map<String, Integer> byCase = new LinkedHashMap<>(r.facets().getOrDefault(CASE, Map.of()));
        if (searched != null) {
            byCase.keySet().retainAll(Set.copyOf(searched));
        }
        return byCase;
    }

    /**
     * The facet counts a user may see: a filtered dimension counts as if unfiltered (its other values stay
     * visible), so the case dimension is cut back to the user's cases.
     */
    private static Map<String, Map<String, Integer>> visible(Map<String, Map<String, Integer>> facets, Set<String> readable) {
        if (readable == null || !facets.containsKey(CASE)) {
            return facets;
        }
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>(facets);
        Map<String, Integer> cases = new LinkedHashMap<>(facets.get(CASE));
        cases.keySet().retainAll(readable);
        out.put(CASE, cases);
        return out;
    }

    /** The {@code filter=dimension:value} parameters as the request's facet filters (dimension → values). */
    static Map<String, List<String>> facetFilters(List<String> filters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : filters) {
            int colon = f.indexOf(':');
            String dim = colon < 0 ? "" : f.substring(0, colon);
            String value = colon < 0 ? "" : f.substring(colon + 1).strip();
            if (!PassageSchema.FACET_DIMS.contains(dim) || value.isEmpty()) {
                throw ApiError.badRequest("error.filter", f, String.join(", ", new TreeSet<>(PassageSchema.FACET_DIMS)));
            }
            out.computeIfAbsent(dim, d -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static boolean grouped(String group) {
        if (group == null || group.isBlank() || "none".equalsIgnoreCase(group)) {
            return false;
        }
        if (!"document".equalsIgnoreCase(group)) {
            throw ApiError.badRequest("error.param.choice", "group", "document, none", group);
        }
        return true;
    }

    private static SearchRequest.Order order(String sort) {
        if (sort == null) {
            return SearchRequest.Order.RELEVANCE;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "document" -> SearchRequest.Order.DOCUMENT;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw ApiError.badRequest("error.param.choice", "sort", "relevance, document, date", sort);
        };
    }
}

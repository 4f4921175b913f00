package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.evidens.access.Permission;
import no.evidens.findings.CaseGroups;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.export.XlsxSheet;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.group.GroupReport;
import no.evidens.pipeline.group.GroupReportDocx;
import no.evidens.pipeline.group.GroupQuotations;
import no.evidens.pipeline.group.GroupReportXlsx;
import no.evidens.pipeline.group.GroupSearch;
import no.evidens.pipeline.group.GroupService;

/**
 * Groups of cases (a nationwide audit): {@code /api/groups} and under it a group's cases, search, overview,
 * the quotations chosen for its report, and the report. A user sees only the cases of a group they may
 * read; a group with none of them is refused (403). Making a group takes an administrator; adding a case
 * takes its lead (or an administrator); choosing a quotation takes the right to export the case.
 */
final class GroupsResource implements Routes.Resource {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final EvidensHome home;
    private final GroupService groups;
    private final FindingsService findings;

    GroupsResource(EvidensHome home, GroupService groups, FindingsService findings) {
        this.home = home;
        this.groups = groups;
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/groups", (x, p) -> x.json(200, list(x.access())))
                .post("/api/groups", (x, p) -> x.json(201, create(x)))
                .get("/api/groups/{group}", (x, p) -> x.json(200, shown(x.access(), group(x.access(), p))))
                .post("/api/groups/{group}/cases", (x, p) -> x.json(200, add(x, p.get("group"))))
                .get("/api/groups/{group}/search", (x, p) -> x.json(200, search(x, p.get("group"))))
                .get("/api/groups/{group}/overview", (x, p) -> x.json(200, FindingsErrors.call(
                        () -> groups.overview(group(x.access(), p).id(), x.access().readableCases()))))
                .get("/api/groups/{group}/chosen", (x, p) -> x.json(200, Map.of("items", groups.chosen(group(x.access(), p).id(), x.access().readableCases()))))
                .get("/api/groups/{group}/quotations", (x, p) -> x.json(200, quotations(x, p)))
                .post("/api/groups/{group}/chosen", (x, p) -> x.json(200, choose(x, p)))
                .get("/api/groups/{group}/report", this::report)
                .hint("/api/groups", "/api/groups/{group}, /api/groups/{group}/cases|search|overview|chosen|report");
    }

    /** The group, when the user may read at least one of its cases. */
    private CaseGroups.Group group(CaseAccess access, Map<String, String> path) {
        CaseGroups.Group g = FindingsErrors.callUnchecked(() -> groups.group(path.get("group")));
        if (GroupService.visible(g, access.readableCases()).isEmpty() && !(access.admin() && g.cases().isEmpty())) {
            throw new ApiError(403, "error.access.group", g.id());
        }
        return g;
    }

    /** A group as the user sees it: only the cases they may read. */
    private static Map<String, Object> shown(CaseAccess access, CaseGroups.Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", g.id());
        out.put("title", g.title());
        out.put("cases", GroupService.visible(g, access.readableCases()));
        out.put("hidden", g.cases().size() - GroupService.visible(g, access.readableCases()).size());
        return out;
    }

    private List<Map<String, Object>> list(CaseAccess access) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CaseGroups.Group g : groups.list()) {
            if (!GroupService.visible(g, access.readableCases()).isEmpty() || access.admin()) {
                out.add(shown(access, g));
            }
        }
        return out;
    }

    private Map<String, Object> create(Exchange x) throws IOException {
        if (!x.access().admin()) {
            throw new ApiError(403, "error.access.group-create");
        }
        JsonFields b = new JsonFields(x.jsonBody(), "id", "title");
        return shown(x.access(), groups.create(b.required("id"), b.text("title"), x.access().user()));
    }

    private Map<String, Object> add(Exchange x, String groupId) throws IOException {
        JsonFields b = new JsonFields(x.jsonBody(), "case", "kommune", "fylke");
        String caseId = x.access().requireGroupAdd(Params.caseId(b.required("case")));
        CaseGroups.Group g = FindingsErrors.callUnchecked(() -> groups.add(groupId, caseId, b.required("kommune"), b.required("fylke"),
                x.access().user()));
        return shown(x.access(), g);
    }

    private Map<String, Object> search(Exchange x, String groupId) throws IOException {
        group(x.access(), Map.of("group", groupId));
        String q = x.param("q") == null ? "" : x.param("q");
        int limit = x.intParam("limit", 10, 1, 100);
        int offset = x.intParam("offset", 0, 0, 10_000);
        GroupSearch.Result r = FindingsErrors.call(() -> groups.search(groupId, x.access().readableCases(), q, x.all("filter"), limit, offset,
                SearchRequest.Order.RELEVANCE));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", groupId);
        out.put("query", q);
        out.put("filters", r.filters());
        out.put("total", r.result().total());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("relaxed", r.result().relaxed());
        out.put("hits", r.result().hits());
        out.put("facets", r.facets());
        out.put("usedBy", findings.usedBy(r.result().hits()));
        findings.audit().searched(x.access().user(), r.hitsByCase(), q, "group:" + groupId + " " + String.join(" ", r.filters()));
        return out;
    }

    /**
     * A page of the group's quotations: {@code fylke}, {@code kommune}, {@code krav}, {@code funn} (avvik, merknad) and
     * {@code valgt=true} narrow them, {@code offset} and {@code limit} (at most 500, default 50) cut the page.
     */
    private GroupQuotations.Page quotations(Exchange x, Map<String, String> path) {
        CaseGroups.Group g = group(x.access(), path);
        GroupQuotations.Filter filter = new GroupQuotations.Filter(x.param("fylke"), x.param("kommune"), x.param("krav"), x.param("funn"),
                x.boolParam("valgt"));
        int limit = x.intParam("limit", 50, 1, GroupQuotations.MAX_LIMIT);
        int offset = x.intParam("offset", 0, 0, Integer.MAX_VALUE);
        return FindingsErrors.callUnchecked(() -> groups.quotations(g.id(), x.access().readableCases(), x.access().user(), "arbeidsflaten",
                filter, offset, limit));
    }

    private Map<String, Object> choose(Exchange x, Map<String, String> path) throws IOException {
        CaseGroups.Group g = group(x.access(), path);
        JsonFields b = new JsonFields(x.jsonBody(), "case", "item", "chosen");
        String caseId = x.access().require(Params.caseId(b.required("case")), Permission.EXPORT);
        if (!g.caseIds().contains(caseId)) {
            throw ApiError.badRequest("error.group-case", caseId, g.id());
        }
        Integer item = b.integer("item");
        if (item == null) {
            throw ApiError.badRequest("error.field.missing", "item");
        }
        boolean chosen = b.node("chosen") == null || b.node("chosen").asBoolean(true);
        FindingsErrors.call(() -> {
            groups.choose(g.id(), caseId, item, chosen, x.access().user());
            return null;
        });
        return Map.of("case", caseId, "item", item, "chosen", chosen);
    }

    private void report(Exchange x, Map<String, String> path) throws IOException {
        CaseGroups.Group g = group(x.access(), path);
        Set<String> readable = x.access().readableCases();
        GroupService.visible(g, readable).forEach(m -> x.access().require(m.caseId(), Permission.EXPORT));
        String fmt = x.required("format").toLowerCase(Locale.ROOT);
        if (!fmt.equals("docx") && !fmt.equals("xlsx")) {
            throw ApiError.badRequest("error.param.choice", "format", "docx, xlsx", fmt);
        }
        boolean anonymise = x.boolParam("anonymise");
        GroupReport report = FindingsErrors.call(() -> groups.report(g.id(), readable, anonymise, x.access().user()));
        Path tmp = Files.createTempFile(Files.createDirectories(home.work()), "group-report-", "." + fmt);
        try {
            if (fmt.equals("docx")) {
                GroupReportDocx.write(report, tmp);
            } else {
                GroupReportXlsx.write(report, tmp);
            }
            String name = "oppsummering-" + g.id() + (anonymise ? "-anonymisert" : "") + "." + fmt;
            byte[] bytes = Files.readAllBytes(tmp);
            groups.exported(report, fmt, name, x.access().user());
            x.send(200, fmt.equals("docx") ? DOCX : XlsxSheet.MEDIA_TYPE, bytes, name);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

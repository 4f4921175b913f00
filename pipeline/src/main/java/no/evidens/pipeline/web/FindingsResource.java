package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.ReviewStep;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.findings.Attachment;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Requirements;
import no.evidens.pipeline.findings.StaleChange;

/**
 * Findings: {@code GET|POST /api/findings} (list a case's, create one) and
 * {@code GET|PATCH|DELETE /api/findings/{case}/{ref}} (read, edit, delete one), and the review steps
 * {@code POST /api/findings/{case}/{ref}/submit|approve|reopen}.
 *
 * <p>A change names the version it was made on: {@code "version"} in the body, or {@code If-Match: "3"}.
 * A change made on an older version answers 409 with {@code yours} (what was sent) and {@code current}
 * (the finding as stored now), so the workspace can show both.
 */
final class FindingsResource implements Routes.Resource {
    /** Whether the person of this request is the lead of the case (approves, reopens approved findings). */
    @FunctionalInterface
    interface LeadCheck {
        boolean isLead(Exchange x, String caseId);
    }

    /** Without sign-in the one local user leads every case. */
    static final LeadCheck SINGLE_USER = (x, caseId) -> true;

    private final FindingsService findings;
    private final String user;
    private final LeadCheck lead;

    FindingsResource(FindingsService findings, String user) {
        this(findings, user, SINGLE_USER);
    }

    FindingsResource(FindingsService findings, String user, LeadCheck lead) {
        this.findings = findings;
        this.user = user;
        this.lead = lead;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/findings", (x, p) -> {
            String caseId = Params.caseId(x.required("case"));
            java.util.List<FindingOut> all = FindingsErrors.call(() -> findings.list(caseId));
            findings.audit().quotationsShown(user, caseId, all, "workspace");
            x.json(200, all);
        }).post("/api/findings", (x, p) -> x.json(201, create(x.jsonBody())))
                .get("/api/findings/{case}/{ref}", (x, p) -> {
                    String caseId = Params.caseId(p.get("case"));
                    FindingOut f = FindingsErrors.call(() -> findings.show(caseId, p.get("ref")));
                    findings.audit().quotationsShown(user, caseId, java.util.List.of(f), "workspace");
                    x.json(200, f);
                })
                .patch("/api/findings/{case}/{ref}", (x, p) -> edit(x, Params.caseId(p.get("case")), p.get("ref")))
                .delete("/api/findings/{case}/{ref}", (x, p) -> {
                    String caseId = Params.caseId(p.get("case"));
                    Integer version = ifMatch(x);
                    try {
                        FindingsErrors.call(() -> findings.delete(caseId, p.get("ref"), user, version));
                    } catch (StaleChange e) {
                        conflict(x, e, Map.of("delete", true, "version", e.given()));
                        return;
                    }
                    x.noContent();
                })
                .hint("/api/findings/", "findings are /api/findings/{case}/{ref}");
        for (ReviewStep step : ReviewStep.values()) {
            routes.post("/api/findings/{case}/{ref}/" + step.action(), (x, p) -> review(x, Params.caseId(p.get("case")), p.get("ref"), step));
        }
    }

    /** Creates a finding; with an {@code evidence} object (as the attach request), with its first quotation, at once. */
    private FindingOut create(JsonNode body) throws IOException {
        JsonFields b = new JsonFields(body, "case", "kind", "title", "requirements", "text", "status", "evidence");
        String caseId = Params.caseId(b.required("case"));
        FindingKind kind = FindingKind.of(b.required("kind"));
        FindingDraft draft = new FindingDraft(b.required("title"), Requirements.parse(b.strings("requirements")),
                b.text("text"), b.text("status"));
        JsonNode evidence = b.node("evidence");
        if (evidence != null && !evidence.isNull() && !evidence.isObject()) {
            throw ApiError.badRequest("the field 'evidence' must be an object (as the body of an attach request)");
        }
        Attachment first = evidence == null || evidence.isNull() ? null : AttachmentJson.read(caseId, evidence);
        return FindingsErrors.call(() -> findings.create(caseId, kind, draft, first, user));
    }

    private void edit(Exchange x, String caseId, String ref) throws IOException {
        JsonNode body = x.jsonBody();
        JsonFields b = new JsonFields(body, "title", "requirements", "text", "status", "version");
        Integer version = version(x, b);
        String title = b.text("title");
        if (title != null && title.isBlank()) {
            throw ApiError.badRequest("the title cannot be empty");
        }
        FindingDraft changes = new FindingDraft(title, b.has("requirements") ? Requirements.parse(b.strings("requirements")) : null,
                b.text("text"), b.text("status"));
        try {
            x.json(200, FindingsErrors.call(() -> findings.edit(caseId, ref, changes, user, version)));
        } catch (StaleChange e) {
            conflict(x, e, body);
        }
    }

    private void review(Exchange x, String caseId, String ref, ReviewStep step) throws IOException {
        JsonNode body = x.header("Content-Type") == null && x.contentLength() <= 0 ? Json.mapper().createObjectNode() : x.jsonBody();
        Integer version = version(x, new JsonFields(body, "version"));
        try {
            x.json(200, FindingsErrors.call(() -> findings.review(caseId, ref, step, lead.isLead(x, caseId), user, version)));
        } catch (StaleChange e) {
            conflict(x, e, Map.of(step.action(), true, "version", e.given()));
        }
    }

    /** 409 with both versions: the change that was refused and the finding as stored now. */
    private static void conflict(Exchange x, StaleChange e, Object yours) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", e.getMessage());
        out.put("yours", yours);
        out.put("current", e.current());
        x.json(409, out);
    }

    /** The version a change was made on: the body's {@code version}, else {@code If-Match}, else null (as stored). */
    private static Integer version(Exchange x, JsonFields b) {
        Integer v = b.integer("version");
        return v != null ? v : ifMatch(x);
    }

    private static Integer ifMatch(Exchange x) {
        String m = x.header("If-Match");
        if (m == null || m.isBlank() || m.strip().equals("*")) {
            return null;
        }
        String v = m.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("If-Match must name a finding's version, like \"3\"");
        }
    }
}

package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.access.Permission;
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
 * {@code POST /api/findings/{case}/{ref}/submit|approve|reopen}, and its place in the case's report
 * {@code POST /api/findings/{case}/{ref}/position} ({@code {"position": 1, "version": 3}}; answers the case's findings in
 * their new order).
 *
 * <p>A change names the version it was made on: {@code "version"} in the body, or {@code If-Match: "3"}.
 * A change made on an older version answers 409 with {@code yours} (what was sent) and {@code current}
 * (the finding as stored now), so the workspace can show both.
 */
final class FindingsResource implements Routes.Resource {
    private final FindingsService findings;
    private final java.util.function.Predicate<String> caseExists;

    /** @param caseExists whether a case holds anything yet (documents or findings) */
    FindingsResource(FindingsService findings, java.util.function.Predicate<String> caseExists) {
        this.findings = findings;
        this.caseExists = caseExists;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/findings", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
            x.json(200, ShownQuotations.all(findings, x, caseId, FindingsErrors.call(() -> findings.list(caseId))));
        }).post("/api/findings", (x, p) -> x.json(201, create(x)))
                .get("/api/findings/{case}/{ref}", (x, p) -> {
                    String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
                    x.json(200, ShownQuotations.one(findings, x, caseId, FindingsErrors.call(() -> findings.show(caseId, p.get("ref")))));
                })
                .patch("/api/findings/{case}/{ref}", (x, p) -> edit(x, Params.caseId(p.get("case")), p.get("ref")))
                .delete("/api/findings/{case}/{ref}", (x, p) -> {
                    String caseId = x.access().require(Params.caseId(p.get("case")), Permission.WRITE_FINDINGS);
                    Integer version = ifMatch(x);
                    try {
                        FindingsErrors.call(() -> findings.delete(caseId, p.get("ref"), x.access().user(), version));
                    } catch (StaleChange e) {
                        conflict(x, caseId, e, Map.of("delete", true, "version", e.given()));
                        return;
                    }
                    x.noContent();
                })
                .hint("/api/findings/", "findings are /api/findings/{case}/{ref}");
        routes.post("/api/findings/{case}/{ref}/position", (x, p) -> order(x, Params.caseId(p.get("case")), p.get("ref")));
        for (ReviewStep step : ReviewStep.values()) {
            routes.post("/api/findings/{case}/{ref}/" + step.action(), (x, p) -> review(x, Params.caseId(p.get("case")), p.get("ref"), step));
        }
    }

    /** Creates a finding; with an {@code evidence} object (as the attach request), with its first quotation, at once. */
    private FindingOut create(Exchange x) throws IOException {
        CaseAccess access = x.access();
        JsonFields b = new JsonFields(x.jsonBody(), "case", "kind", "title", "requirements", "text", "status", "evidence");
        String caseId = access.require(Params.caseId(b.required("case")), Permission.WRITE_FINDINGS);
        java.util.Set<String> member = access.readableCases();
        if ((member == null || !member.contains(caseId)) && !caseExists.test(caseId)) {
            // a typing error in the case must not start a new case
            throw ApiError.notFound("error.unknown-case", caseId);
        }
        FindingKind kind = kind(b.required("kind"));
        FindingDraft draft = new FindingDraft(b.required("title"), requirements(b),
                b.text("text"), b.text("status"));
        JsonNode evidence = b.node("evidence");
        if (evidence != null && !evidence.isNull() && !evidence.isObject()) {
            throw ApiError.badRequest("error.field.evidence");
        }
        Attachment first = evidence == null || evidence.isNull() ? null : AttachmentJson.read(caseId, evidence);
        return ShownQuotations.one(findings, x, caseId, FindingsErrors.call(() -> findings.create(caseId, kind, draft, first, access.user())));
    }

    private void edit(Exchange x, String caseId, String ref) throws IOException {
        JsonNode body = x.jsonBody();
        JsonFields b = new JsonFields(body, "title", "requirements", "text", "status", "version");
        Integer version = version(x, b);
        // A report writer changes the wording only; anything else is an auditor's or the lead's.
        boolean textOnly = !b.has("title") && !b.has("requirements") && !b.has("status");
        x.access().require(caseId, textOnly ? Permission.EDIT_TEXT : Permission.WRITE_FINDINGS);
        String title = b.text("title");
        if (title != null && title.isBlank()) {
            throw ApiError.badField("title", "error.title-empty");
        }
        FindingDraft changes = new FindingDraft(title, b.has("requirements") ? requirements(b) : null,
                b.text("text"), b.text("status"));
        try {
            x.json(200, ShownQuotations.one(findings, x, caseId,
                    FindingsErrors.call(() -> findings.edit(caseId, ref, changes, x.access().user(), version))));
        } catch (StaleChange e) {
            conflict(x, caseId, e, body);
        }
    }

    private void review(Exchange x, String caseId, String ref, ReviewStep step) throws IOException {
        // Approving is the lead's alone (403 for anyone else); the store checks the rest of the step.
        x.access().require(caseId, step == ReviewStep.APPROVE ? Permission.APPROVE : Permission.WRITE_FINDINGS);
        JsonNode body = x.header("Content-Type") == null && x.contentLength() <= 0 ? Json.mapper().createObjectNode() : x.jsonBody();
        Integer version = version(x, new JsonFields(body, "version"));
        try {
            x.json(200, ShownQuotations.one(findings, x, caseId, FindingsErrors.call(
                    () -> findings.review(caseId, ref, step, x.access().may(caseId, Permission.APPROVE), x.access().user(), version))));
        } catch (StaleChange e) {
            conflict(x, caseId, e, Map.of(step.action(), true, "version", e.given()));
        }
    }

    /** Moves a finding to a place in the report: the report writer's (as the wording), an auditor's or the lead's. */
    private void order(Exchange x, String caseId, String ref) throws IOException {
        JsonNode body = x.jsonBody();
        JsonFields b = new JsonFields(body, "position", "version");
        x.access().require(caseId, Permission.EDIT_TEXT);
        Integer position = b.integer("position");
        if (position == null || position < 1) {
            throw ApiError.badField("position", "error.order.position", position == null ? "" : position);
        }
        Integer version = version(x, b);
        try {
            x.json(200, ShownQuotations.all(findings, x, caseId,
                    FindingsErrors.call(() -> findings.order(caseId, java.util.List.of(ref), position, x.access().user(), version))));
        } catch (StaleChange e) {
            conflict(x, caseId, e, body);
        }
    }

    /** 409 with both versions: the change that was refused and the finding as stored now (its quotations shown). */
    private void conflict(Exchange x, String caseId, StaleChange e, Object yours) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", ErrorTexts.message(ErrorTexts.language(x), new ApiError(409, "error.stale", e.given(), e.current().version())));
        out.put("yours", yours);
        out.put("current", ShownQuotations.one(findings, x, caseId, e.current()));
        x.json(409, out);
    }

    private static FindingKind kind(String given) {
        try {
            return FindingKind.of(given);
        } catch (IllegalArgumentException e) {
            throw ApiError.badField("kind", "error.field.choice", "kind", "avvik, merknad, observasjon", given);
        }
    }

    /** The legal requirements, each line read as the tagger reads a reference; a line it cannot read is refused at the field. */
    private static java.util.List<no.evidens.findings.LegalRequirement> requirements(JsonFields b) {
        try {
            return Requirements.parse(b.strings("requirements"));
        } catch (no.evidens.pipeline.Refusal e) {
            throw ApiError.badField("requirements", e.key(), e.args().toArray());
        }
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
            throw ApiError.badRequest("error.if-match");
        }
    }
}

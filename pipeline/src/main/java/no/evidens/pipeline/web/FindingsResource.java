package no.evidens.pipeline.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.access.Permission;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.findings.Attachment;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Requirements;

/**
 * Findings: {@code GET|POST /api/findings} (list a case's, create one) and
 * {@code GET|PATCH|DELETE /api/findings/{case}/{ref}} (read, edit, delete one).
 */
final class FindingsResource implements Routes.Resource {
    private final FindingsService findings;

    FindingsResource(FindingsService findings) {
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/findings", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
            x.json(200, FindingsErrors.call(() -> findings.list(caseId)));
        }).post("/api/findings", (x, p) -> x.json(201, create(x.access(), x.jsonBody())))
                .get("/api/findings/{case}/{ref}", (x, p) -> {
                    String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
                    x.json(200, FindingsErrors.call(() -> findings.show(caseId, p.get("ref"))));
                })
                .patch("/api/findings/{case}/{ref}", (x, p) -> x.json(200, edit(x.access(), Params.caseId(p.get("case")), p.get("ref"),
                        x.jsonBody())))
                .delete("/api/findings/{case}/{ref}", (x, p) -> {
                    String caseId = x.access().require(Params.caseId(p.get("case")), Permission.WRITE_FINDINGS);
                    FindingsErrors.call(() -> findings.delete(caseId, p.get("ref"), x.access().user()));
                    x.noContent();
                })
                .hint("/api/findings/", "findings are /api/findings/{case}/{ref}");
    }

    /** Creates a finding; with an {@code evidence} object (as the attach request), with its first quotation, at once. */
    private FindingOut create(CaseAccess access, JsonNode body) throws IOException {
        JsonFields b = new JsonFields(body, "case", "kind", "title", "requirements", "text", "status", "evidence");
        String caseId = access.require(Params.caseId(b.required("case")), Permission.WRITE_FINDINGS);
        FindingKind kind = FindingKind.of(b.required("kind"));
        FindingDraft draft = new FindingDraft(b.required("title"), Requirements.parse(b.strings("requirements")),
                b.text("text"), b.text("status"));
        JsonNode evidence = b.node("evidence");
        if (evidence != null && !evidence.isNull() && !evidence.isObject()) {
            throw ApiError.badRequest("the field 'evidence' must be an object (as the body of an attach request)");
        }
        Attachment first = evidence == null || evidence.isNull() ? null : AttachmentJson.read(caseId, evidence);
        return FindingsErrors.call(() -> findings.create(caseId, kind, draft, first, access.user()));
    }

    private FindingOut edit(CaseAccess access, String caseId, String ref, JsonNode body) throws IOException {
        JsonFields b = new JsonFields(body, "title", "requirements", "text", "status");
        // A report writer changes the wording only; anything else is an auditor's or the lead's.
        boolean textOnly = !b.has("title") && !b.has("requirements") && !b.has("status");
        access.require(caseId, textOnly ? Permission.EDIT_TEXT : Permission.WRITE_FINDINGS);
        String title = b.text("title");
        if (title != null && title.isBlank()) {
            throw ApiError.badRequest("the title cannot be empty");
        }
        FindingDraft changes = new FindingDraft(title, b.has("requirements") ? Requirements.parse(b.strings("requirements")) : null,
                b.text("text"), b.text("status"));
        return FindingsErrors.call(() -> findings.edit(caseId, ref, changes, access.user()));
    }
}

package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.access.Permission;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.findings.Attachment;
import no.evidens.pipeline.findings.FindingsService;

/**
 * Quotations: {@code POST /api/findings/{case}/{ref}/evidence} attaches one (by passage or span) and
 * answers with the finding and all its quotations, {@code PATCH /api/evidence/{case}/{id}} moves it,
 * {@code DELETE} detaches it.
 */
final class EvidenceResource implements Routes.Resource {
    private final FindingsService findings;

    EvidenceResource(FindingsService findings) {
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/findings/{case}/{ref}/evidence", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.WRITE_FINDINGS);
            Attachment a = AttachmentJson.read(caseId, x.jsonBody());
            x.json(201, ShownQuotations.one(findings, x, caseId,
                    FindingsErrors.call(() -> findings.attach(caseId, p.get("ref"), a, x.access().user()).finding())));
        }).patch("/api/evidence/{case}/{id}", (x, p) -> {
                    String caseId = x.access().require(Params.caseId(p.get("case")), Permission.WRITE_FINDINGS);
                    x.json(200, ShownQuotations.one(findings, x, caseId, move(x.access(), caseId, id(p), x.jsonBody())));
                })
                .delete("/api/evidence/{case}/{id}", (x, p) -> {
                    String caseId = x.access().require(Params.caseId(p.get("case")), Permission.WRITE_FINDINGS);
                    long id = id(p);
                    x.json(200, ShownQuotations.one(findings, x, caseId, FindingsErrors.call(() -> findings.detach(caseId, id, x.access().user()))));
                })
                .hint("/api/evidence/", "quotations are /api/evidence/{case}/{id}");
    }

    private FindingOut move(CaseAccess access, String caseId, long itemId, JsonNode body) throws IOException {
        JsonFields b = new JsonFields(body, "position", "to");
        Integer position = b.integer("position");
        String to = b.text("to");
        if (position == null && to == null) {
            throw ApiError.badRequest("error.move.where");
        }
        if (position != null && position < 1) {
            throw ApiError.badRequest("error.move.position");
        }
        return FindingsErrors.call(() -> findings.move(caseId, itemId, to, position, access.user()).finding());
    }

    /** A quotation id: a number, written with or without a leading #. */
    private static long id(Map<String, String> p) {
        String given = p.get("id");
        try {
            return Long.parseLong(given.replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("error.id.quotation", given);
        }
    }
}

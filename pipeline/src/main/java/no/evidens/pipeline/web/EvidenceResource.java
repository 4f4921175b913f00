package no.evidens.pipeline.web;

import java.util.Map;

/**
 * Quotations: {@code POST /api/findings/{case}/{ref}/evidence} attaches one (by passage or span),
 * {@code PATCH /api/evidence/{case}/{id}} moves it, {@code DELETE} detaches it.
 */
final class EvidenceResource implements Routes.Resource {
    private final Workspace workspace;

    EvidenceResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/findings/{case}/{ref}/evidence",
                        (x, p) -> x.json(201, workspace.attach(Workspace.caseParam(p.get("case")), p.get("ref"), x.jsonBody())))
                .patch("/api/evidence/{case}/{id}", (x, p) -> x.json(200, workspace.move(Workspace.caseParam(p.get("case")), id(p), x.jsonBody())))
                .delete("/api/evidence/{case}/{id}", (x, p) -> x.json(200, workspace.detach(Workspace.caseParam(p.get("case")), id(p))))
                .hint("/api/evidence/", "quotations are /api/evidence/{case}/{id}");
    }

    /** A quotation id: a number, written with or without a leading #. */
    private static long id(Map<String, String> p) {
        String given = p.get("id");
        try {
            return Long.parseLong(given.replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + given + "' is not a quotation id (a number, like 12)");
        }
    }
}

package no.evidens.pipeline.web;

/**
 * Findings: {@code GET|POST /api/findings} (list a case's, create one) and
 * {@code GET|PATCH|DELETE /api/findings/{case}/{ref}} (read, edit, delete one).
 */
final class FindingsResource implements Routes.Resource {
    private final Workspace workspace;

    FindingsResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/findings", (x, p) -> x.json(200, workspace.findings(Workspace.caseParam(x.required("case")))))
                .post("/api/findings", (x, p) -> x.json(201, workspace.createFinding(x.jsonBody())))
                .get("/api/findings/{case}/{ref}", (x, p) -> x.json(200, workspace.finding(Workspace.caseParam(p.get("case")), p.get("ref"))))
                .patch("/api/findings/{case}/{ref}",
                        (x, p) -> x.json(200, workspace.editFinding(Workspace.caseParam(p.get("case")), p.get("ref"), x.jsonBody())))
                .delete("/api/findings/{case}/{ref}", (x, p) -> {
                    workspace.deleteFinding(Workspace.caseParam(p.get("case")), p.get("ref"));
                    x.noContent();
                })
                .hint("/api/findings/", "findings are /api/findings/{case}/{ref}");
    }
}

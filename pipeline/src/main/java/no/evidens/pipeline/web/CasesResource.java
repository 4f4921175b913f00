package no.evidens.pipeline.web;

/** {@code GET /api/cases}: the cases in the home. */
final class CasesResource implements Routes.Resource {
    private final Workspace workspace;

    CasesResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/cases", (x, p) -> x.json(200, workspace.cases()));
    }
}

package no.evidens.pipeline.web;

/** {@code GET /api/overview}: a case's indicators counted per document type. */
final class OverviewResource implements Routes.Resource {
    private final Workspace workspace;

    OverviewResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/overview", (x, p) -> x.json(200, workspace.overview(x)));
    }
}

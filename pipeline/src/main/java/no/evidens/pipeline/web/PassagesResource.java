package no.evidens.pipeline.web;

/** {@code GET /api/passage}: one passage with the passages around it. */
final class PassagesResource implements Routes.Resource {
    private final Workspace workspace;

    PassagesResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/passage", (x, p) -> x.json(200, workspace.passage(x)));
    }
}

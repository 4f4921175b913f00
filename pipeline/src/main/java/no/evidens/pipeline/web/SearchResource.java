package no.evidens.pipeline.web;

/** {@code GET /api/search} (query, facet filters, pages) and {@code GET /api/like} (passages like one). */
final class SearchResource implements Routes.Resource {
    private final Workspace workspace;

    SearchResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/search", (x, p) -> x.json(200, workspace.search(x)));
        routes.get("/api/like", (x, p) -> x.json(200, workspace.like(x)));
    }
}

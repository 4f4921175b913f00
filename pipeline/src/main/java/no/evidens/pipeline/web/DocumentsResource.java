package no.evidens.pipeline.web;

/** {@code GET /api/document}: a whole document with its passages, the query's marks and its quotations. */
final class DocumentsResource implements Routes.Resource {
    private final Workspace workspace;

    DocumentsResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/document", (x, p) -> x.json(200, workspace.document(x)));
    }
}

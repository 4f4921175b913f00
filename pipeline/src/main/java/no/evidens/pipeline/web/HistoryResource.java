package no.evidens.pipeline.web;

/** {@code GET /api/history?case=}: who changed which finding when. */
final class HistoryResource implements Routes.Resource {
    private final Workspace workspace;

    HistoryResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/history", (x, p) -> x.json(200, workspace.history(Workspace.caseParam(x.required("case")))));
    }
}

package no.evidens.pipeline.web;

/** {@code GET /api/export?case=&format=}: the findings report as a download (docx, md, csv …). */
final class ExportResource implements Routes.Resource {
    private final Workspace workspace;

    ExportResource(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/export", (x, p) -> {
            Workspace.Download d = workspace.export(x);
            x.send(200, d.contentType(), d.bytes(), d.name());
        });
    }
}

package no.evidens.pipeline.web;

/** Uploads: {@code POST /api/ingest?case=} takes a bundle (.zip) and starts ingesting it; {@code GET /api/ingest/{id}} polls it, receipt included. */
final class IngestResource implements Routes.Resource {
    private final IngestJobs jobs;

    IngestResource(IngestJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/ingest", (x, p) -> x.json(202, jobs.upload(x).view()))
                .get("/api/ingest/{id}", (x, p) -> x.json(200, jobs.job(p.get("id")).view()));
    }
}

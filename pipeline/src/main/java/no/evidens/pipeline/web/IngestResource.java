package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.access.Role;

/**
 * Uploads: {@code POST /api/ingest?case=} takes a bundle (.zip) and starts ingesting it (into a case the
 * user may upload to; a new case is started with the uploader as lead, and given back when the upload is refused); {@code GET /api/ingest/{id}}
 * polls it, receipt included; {@code GET /api/ingest} lists the home's jobs (of cases the user may read), whichever
 * server on the home runs them, and {@code POST /api/ingest/{id}/resume} ingests an interrupted job's bundle again.
 */
final class IngestResource implements Routes.Resource {
    private final IngestJobs jobs;
    private final IngestUploads uploads;
    private final CasesResource cases;

    IngestResource(IngestJobs jobs, IngestUploads uploads, CasesResource cases) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.cases = cases;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/ingest", (x, p) -> {
            String caseId = Params.caseId(x.required("case"));
            boolean claimed = false;
            if (x.access().role(caseId).isEmpty() && cases.claim(x.access(), caseId)) {
                claimed = !x.access().allCases();
                x.access(x.access().withRole(caseId, Role.LEAD));
            }
            x.access().require(caseId, Permission.INGEST);
            IngestJob job;
            try {
                job = uploads.upload(x);
            } catch (Exception e) {
                // an upload refused or failed before its job started (not a zip, too large, another running) starts no
                // case: the new case's name is given back, as if never asked for
                if (claimed) {
                    cases.release(caseId, x.access().user());
                }
                throw e;
            }
            x.json(202, job.view(ErrorTexts.language(x)));
        }).get("/api/ingest/{id}", (x, p) -> {
            IngestJob job = jobs.job(p.get("id"));
            x.access().require(job.caseId, Permission.READ);
            x.json(200, job.view(ErrorTexts.language(x)));
        }).post("/api/ingest/{id}/resume", (x, p) -> {
            IngestJob job = jobs.job(p.get("id"));
            x.access().require(job.caseId, Permission.INGEST);
            x.json(202, jobs.resume(job.id).view(ErrorTexts.language(x)));
        }).get("/api/ingest", (x, p) -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (IngestJob job : jobs.all()) {
                if (x.access().may(job.caseId, Permission.READ)) {
                    Map<String, Object> v = job.view(ErrorTexts.language(x));
                    v.remove("receipt");
                    v.remove("recent");
                    out.add(v);
                }
            }
            x.json(200, out);
        });
    }
}

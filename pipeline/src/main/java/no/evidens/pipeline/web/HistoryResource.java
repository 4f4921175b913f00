package no.evidens.pipeline.web;

import java.util.List;

import no.evidens.access.Permission;
import no.evidens.findings.HistoryEntry;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.findings.FindingsService;

/** {@code GET /api/history?case=[&ref=]}: who changed which finding (or the one finding) when, oldest first. */
final class HistoryResource implements Routes.Resource {
    private final FindingsService findings;

    HistoryResource(FindingsService findings) {
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/history", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
            List<HistoryEntry> history = FindingsErrors.call(() -> findings.history(caseId, x.param("ref")));
            // the history holds the quotations' words: who was shown them is in the trail, as for the findings page
            findings.audit().historyShown(x.access().user(), caseId, history, "arbeidsflaten");
            x.json(200, history.stream().map(CaseExports::history).toList());
        });
    }
}

package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Receipts;

/** {@code GET /api/cases}: the cases in the home, from the ingestion receipts and the findings store. */
final class CasesResource implements Routes.Resource {
    private final Receipts receipts;
    private final FindingsService findings;

    CasesResource(EvidensHome home, FindingsService findings) {
        this.receipts = new Receipts(home.receipts());
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/cases", (x, p) -> x.json(200, Map.of("cases", cases())));
    }

    private List<String> cases() throws IOException {
        TreeSet<String> cases = new TreeSet<>(receipts.cases());
        cases.addAll(findings.cases());
        return List.copyOf(cases);
    }
}

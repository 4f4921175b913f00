package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.findings.FindingsService;

/** {@code GET /api/passage}: one passage with the passages around it and the findings that quote it. */
final class PassagesResource implements Routes.Resource {
    private final SharedIndex index;
    private final FindingsService findings;

    PassagesResource(SharedIndex index, FindingsService findings) {
        this.index = index;
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/passage", (x, p) -> x.json(200, passage(x)));
    }

    private Map<String, Object> passage(Exchange x) throws IOException {
        String id = Params.passageId(x.required("id"));
        x.access().require(Params.caseOfPassage(id), Permission.READ);
        int context = x.intParam("context", 2, 0, 20);
        EvidenceIndex s = index.searcher();
        SearchHit hit = s.passage(id).orElseThrow(() -> ApiError.notFound("error.passage-unknown", id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passage", hit);
        out.put("context", s.context(id, context, context));
        out.put("usedBy", findings.usedBy(List.of(hit)).getOrDefault(id, List.of()));
        findings.audit().passageShown(x.access().user(), hit.caseId(), id, hit.type(), "arbeidsflaten, " + context + " avsnitt rundt");
        return out;
    }
}

package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.Verification;
import no.evidens.pipeline.lang.Texts;

/**
 * The check of a case's quotations from the findings page: {@code POST /api/cases/{case}/verify} starts it (202, or 409
 * while the case's check runs, 429 while the server runs as many as it takes) and {@code GET /api/cases/{case}/verify}
 * answers how it goes: its progress while it runs, then each quotation's state in words and a summary. Anyone who may
 * read the case's findings may check them (it changes nothing); the audit trail records who checked which case.
 */
final class VerifyResource implements Routes.Resource {
    /** The trail's action for a check started from the workspace. */
    static final String ACTION = "verify-quotations";

    private final QuotationChecks checks;
    private final AuditService audit;

    VerifyResource(QuotationChecks checks, AuditService audit) {
        this.checks = checks;
        this.audit = audit;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/cases/{case}/verify", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            String user = x.access().user();
            QuotationChecks.Check c;
            try {
                c = checks.start(caseId, user, () -> audit.record(user, ACTION, caseId, null, null, "arbeidsflaten"));
            } catch (ApiError e) {
                if (e.status() == 429) {
                    x.responseHeader("Retry-After", String.valueOf(QuotationChecks.RETRY_AFTER_SECONDS));
                }
                throw e;
            }
            x.json(202, view(caseId, c, Texts.of(ErrorTexts.language(x))));
        }).get("/api/cases/{case}/verify", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            x.json(200, view(caseId, checks.last(caseId), Texts.of(ErrorTexts.language(x))));
        });
    }

    /** The check as JSON; {@code "state": "none"} when the case has not been checked since the server started. */
    static Map<String, Object> view(String caseId, QuotationChecks.Check c, Texts t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", caseId);
        if (c == null) {
            out.put("state", "none");
            return out;
        }
        out.put("state", c.state());
        out.put("by", c.by);
        out.put("started", c.started.toString());
        out.put("finished", c.finished() == null ? null : c.finished().toString());
        out.put("done", c.done());
        out.put("total", c.total());
        if (c.error() != null) {
            out.put("error", ErrorTexts.word(t.language(), c.error()));
        }
        List<Verification> results = c.results();
        if (results != null) {
            out.put("summary", VerifyWords.summary(results, t));
            out.put("counts", VerifyWords.counts(results));
            out.put("problems", results.stream().filter(v -> !v.stands()).count());
            List<Map<String, Object>> quotations = new ArrayList<>();
            results.forEach(v -> quotations.add(VerifyWords.quotation(v, t)));
            out.put("quotations", quotations);
        }
        return out;
    }
}

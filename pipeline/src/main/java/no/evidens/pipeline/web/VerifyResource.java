package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.pipeline.findings.CheckNote;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Verification;
import no.evidens.pipeline.lang.Texts;

/**
 * The check of a case's quotations from the findings page: {@code POST /api/cases/{case}/verify} starts it (202, or 409
 * while the case's check runs, 429 while the server runs as many as it takes) and {@code GET /api/cases/{case}/verify}
 * answers how it goes: its progress while it runs, then each quotation's state in words and a summary. Anyone who may
 * read the case's findings may check them (it changes nothing); the audit trail records who checked which case.
 */
final class VerifyResource implements Routes.Resource {
    private final QuotationChecks checks;
    private final FindingsService findings;

    VerifyResource(QuotationChecks checks, FindingsService findings) {
        this.checks = checks;
        this.findings = findings;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/cases/{case}/verify", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            String user = x.access().user();
            QuotationChecks.Check c;
            try {
                c = checks.start(caseId, user, () -> findings.audit().quotationsChecked(user, caseId, "arbeidsflaten"));
            } catch (ApiError e) {
                if (e.status() == 429) {
                    x.responseHeader("Retry-After", String.valueOf(QuotationChecks.RETRY_AFTER_SECONDS));
                }
                throw e;
            }
            x.json(202, answer(caseId, c, x));
        }).get("/api/cases/{case}/verify", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            x.json(200, answer(caseId, checks.last(caseId), x));
        });
    }

    /**
     * The check with the note beside the export buttons. The note is the last finished check's, read from the home: a check
     * that finished between that read and its state's would be told as done beside the note of the check before it (a
     * browser test saw the minute of the check before). So its state is looked at first, and the note read again when it
     * finished meanwhile (a check is kept in the home before it is done).
     */
    private Map<String, Object> answer(String caseId, QuotationChecks.Check c, Exchange x) throws IOException {
        boolean running = c != null && c.running();
        Map<String, Object> out = view(caseId, c, exportNote(caseId, x));
        return running && !"running".equals(out.get("state")) ? view(caseId, c, exportNote(caseId, x)) : out;
    }

    /** The sentence the findings page shows beside its export buttons: when the quotations were last checked, how it went. */
    private ExportNote exportNote(String caseId, Exchange x) throws IOException {
        return new ExportNote(findings.reports().checkNote(caseId), Texts.of(ErrorTexts.language(x)));
    }

    /** The case's last finished check as words, in the user's language. */
    record ExportNote(CheckNote note, Texts texts) {
    }

    /**
     * The check as JSON; {@code "state": "none"} when the case has not been checked. {@code "exportNote"}: the last
     * finished check in one sentence, as the export buttons say it (also while a check runs, or after one failed).
     */
    static Map<String, Object> view(String caseId, QuotationChecks.Check c, ExportNote note) {
        Texts t = note.texts();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", caseId);
        out.put("exportNote", VerifyWords.exportNote(note.note(), t));
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

package no.evidens.pipeline.web;

import java.util.List;

import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.findings.FindingsService;

/**
 * Records in the case's trail that an answer of the findings routes showed findings with their quotations: a change's
 * answer (edit, attach, move, detach, a review step, a new place in the report, a 409's {@code current}) carries the whole
 * finding, so it is recorded as the read of the findings page is ({@code show-quotations}, «arbeidsflaten»), one line per
 * answer, and only when a quotation from a journal or client record is in it ({@code AuditService.quotationsShown}).
 */
final class ShownQuotations {
    private ShownQuotations() {
    }

    /** Records that {@code shown} went to the signed-in user of {@code x}, and returns it to be answered. */
    static FindingOut one(FindingsService findings, Exchange x, String caseId, FindingOut shown) {
        all(findings, x, caseId, List.of(shown));
        return shown;
    }

    /** As {@link #one}, for an answer holding several findings: one line naming them all. */
    static List<FindingOut> all(FindingsService findings, Exchange x, String caseId, List<FindingOut> shown) {
        findings.audit().quotationsShown(x.access().user(), caseId, shown, "arbeidsflaten");
        return shown;
    }
}

package no.evidens.findings;

import java.util.List;
import java.util.Map;

/** Evidence and findings for the store tests (fictional text). */
final class Drafts {
    static final String CASE = "testkommune-2026";

    private Drafts() {
    }

    static FindingDraft finding(String title) {
        return new FindingDraft(title, List.of(new LegalRequirement("barnevernloven", List.of("4-3"), "barnevernloven § 4-3")),
                "Kommunen har ikke en skriftlig rutine.", null);
    }

    static EvidenceDraft evidence(int n) {
        return evidence(CASE, n);
    }

    /** A quotation of a passage of this case. */
    static EvidenceDraft evidence(String caseId, int n) {
        String quote = "Sitat nummer " + n;
        return new EvidenceDraft(caseId + "/doc1/" + n, caseId + "/doc1/" + n, "doc1", 100 * n, 100 * n + quote.length(), quote,
                "Rutine for samarbeid", "styringsdokumenter/rutine.txt", "styringsdokument", 1, 1,
                "0".repeat(64), "/tmp/bundle", Stance.SUPPORTS, null, new Provenance("samarbeid", Map.of("case", caseId)));
    }
}

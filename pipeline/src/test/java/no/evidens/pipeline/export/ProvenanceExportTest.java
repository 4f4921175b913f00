package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;

/**
 * The search a quotation was found by travels with it into the export: a fødselsnummer typed into that search never does,
 * and an anonymised export masks the names in it as in the quotation (the README walk of round 40). Made-up names and a
 * made-up number with valid check digits.
 */
class ProvenanceExportTest {
    private static EvidenceItem found(String query, Map<String, String> filters) {
        String quote = "Gutten har ikke møtt på skolen.";
        EvidenceDraft d = new EvidenceDraft("sak/abc/1", null, "abc", 0, quote.length(), quote, "brev", "klientdokumentasjon/brev.docx",
                "klientdokumentasjon", 1, 1, "0".repeat(64), null, Stance.SUPPORTS, null, new Provenance(query, filters), null);
        return new EvidenceItem(1, 1, 1, d, "ola", Instant.parse("2026-12-05T07:00:00Z"));
    }

    @Test
    void aFodselsnummerInTheSearchIsMaskedInEveryExport() {
        ProvenanceOut p = CaseExports.evidence(found("Kari Nordmann 15038523462", Map.of("case", "sak", "sitat", "15038523462")),
                null, new Persons()).provenance();
        assertEquals("Kari Nordmann [fødselsnummer]", p.query());
        assertEquals(Map.of("case", "sak", "sitat", "[fødselsnummer]"), p.filters());
    }

    @Test
    void anAnonymisedExportMasksTheNamesInTheSearch() {
        Anonymiser anonymiser = AnonymiserTest.typedAs("PER:Kari Nordmann");
        ProvenanceOut p = CaseExports.evidence(found("Kari Nordmann bekymring", Map.of("case", "sak")), anonymiser, new Persons())
                .provenance();
        assertEquals("[navn 1] bekymring", p.query());
        assertEquals(Map.of("case", "sak"), p.filters());
    }

    @Test
    void aQuotationAttachedWithoutASearchHasNone() {
        assertEquals(null, CaseExports.evidence(found(null, Map.of()), null, new Persons()).provenance().query());
    }
}

package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingKind;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.lang.Language;

/**
 * A quotation's source travels into the report beside it: in an anonymised export the document's title, file and bundle
 * folder must not name the client the quotation's placeholders hide (the web walk of round 42 found «Navn: [navn 1], 19 år»
 * cited from «Individuell plan – Tobias Lunde»), and no export holds a fødselsnummer written into a file name. Made-up
 * names and a made-up number with valid check digits.
 */
class CitationExportTest {
    private static final String QUOTE = "Navn: Tobias Lunde, 19 år.";

    private static EvidenceItem quoted(String title, String file) {
        return quoted(title, file, "/home/ola/tilsyn/tobias-lunde");
    }

    private static EvidenceItem quoted(String title, String file, String bundle) {
        EvidenceDraft d = new EvidenceDraft("sak/abc/1", null, "abc", 0, QUOTE.length(), QUOTE, title, file,
                "klientdokumentasjon", 2, 2, "0".repeat(64), bundle, Stance.SUPPORTS, null,
                new Provenance(null, java.util.Map.of()), null);
        return new EvidenceItem(1, 1, 1, d, "ola", Instant.parse("2026-12-05T07:00:00Z"));
    }

    private static CaseExport exported(EvidenceItem item, Anonymiser anonymiser) {
        Instant at = Instant.parse("2026-12-05T07:00:00Z");
        Finding f = new Finding(1, "sak", FindingKind.of("avvik"), 1, "Planen følges ikke opp", List.of(), "", "utkast", "ola", at,
                "ola", at, 1);
        FindingOut out = CaseExports.finding(f, List.of(item), anonymiser);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", at.toString(), "ola", anonymiser != null,
                List.of(out), List.of());
    }

    @Test
    void anAnonymisedExportNamesNoClientInTheSource() {
        Anonymiser anonymiser = AnonymiserTest.typedAs("PER:Tobias Lunde");
        CaseExport export = exported(quoted("Individuell plan – Tobias Lunde", "klienter/tobias-lunde/plan.pdf"), anonymiser);
        EvidenceOut e = export.findings().get(0).evidence().get(0);
        assertEquals("Navn: [navn 1], 19 år.", e.quote());
        assertEquals("Individuell plan – [navn 1]", e.citation().title(), "the same placeholder as the quotation's");
        assertEquals("dokument-abc.pdf", e.citation().file());
        assertEquals("Individuell plan – [navn 1], klientdokumentasjon, side 2", e.source());
        assertNull(e.sourceBundle());
        for (String report : List.of(CsvReport.render(export), MarkdownReport.render(export, Language.NB))) {
            assertFalse(report.contains("Lunde") || report.contains("lunde"), report);
        }
    }

    @Test
    void aFileNamedByItsDocumentWhenTheTitleIsMissing() {
        CaseExport export = exported(quoted(null, "tobias-lunde.docx"), AnonymiserTest.typedAs("PER:Tobias Lunde"));
        EvidenceOut e = export.findings().get(0).evidence().get(0);
        assertEquals("dokument-abc.docx, klientdokumentasjon, side 2", e.source());
        assertNull(e.citation().title());
    }

    @Test
    void anExportAsItIsKeepsTheSourceButNoFodselsnummer() {
        CaseExport export = exported(quoted("Individuell plan – Tobias Lunde", "klienter/15038523462/plan.pdf"), null);
        EvidenceOut e = export.findings().get(0).evidence().get(0);
        assertEquals("Individuell plan – Tobias Lunde", e.citation().title());
        assertEquals("klienter/[fødselsnummer]/plan.pdf", e.citation().file());
        assertEquals("/home/ola/tilsyn/tobias-lunde", e.sourceBundle(), "a backup keeps where its sources lie");
        assertTrue(e.source().startsWith("Individuell plan – Tobias Lunde, "));
    }

    /** Round 45's walk: the JSON export (not anonymised) wrote the bundle's folder as it was, a fødselsnummer in it too. */
    @Test
    void aBundleFolderNamedByAFodselsnummerIsMaskedInTheExport() {
        EvidenceOut e = exported(quoted("Individuell plan", "plan.pdf", "/home/ola/tilsyn/15038523462"), null)
                .findings().get(0).evidence().get(0);
        assertEquals("/home/ola/tilsyn/[fødselsnummer]", e.sourceBundle());
    }
}

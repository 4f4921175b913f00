package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.lang.Language;

/**
 * A case's anonymised report as its reader meets it (round 45's walk): one placeholder is one person through the whole
 * report, and a fødselsnummer its label names leaves in no quotation. Made-up names and numbers.
 */
class AnonymisedReportTest {
    @TempDir
    Path tmp;

    /** A quotation of a made-up journal attached to the finding. */
    static void quote(FindingStore store, Finding f, String quote) {
        store.attach(f, new EvidenceDraft("sak/d1/0", null, "d1", 0, quote.length(), quote, "Journal", "journaler/journal.txt",
                "journal", 1, 1, "0".repeat(64), null, Stance.SUPPORTS, null, new Provenance(null, Map.of()), null), "kari");
    }

    private CaseExport anonymised() {
        try (FindingStore store = FindingStore.open(tmp.resolve("findings"))) {
            Finding first = store.create("sak", FindingKind.of("avvik"), new FindingDraft("Fastlegen meldte ikke", List.of(), "", null),
                    "kari");
            quote(store, first, "Det ringte Linn Storvik. Pasient: Roar Storvik. Fødselsnummer: 01017012345.");
            Finding second = store.create("sak", FindingKind.of("merknad"), new FindingDraft("Planen mangler", List.of(), "", null),
                    "ola");
            quote(store, second, "Tobias Lunde møtte Roar Storvik.");
            return CaseExports.read(store, "sak", "siri",
                    AnonymiserTest.typedAs("PER:Linn Storvik", "PER:Roar Storvik", "PER:Tobias Lunde"));
        }
    }

    @Test
    void aPlaceholderIsOnePersonInEveryFindingAndALabelledNumberIsMasked() {
        List<FindingOut> findings = anonymised().findings();
        assertEquals("Det ringte [navn 1]. Pasient: [navn 2]. Fødselsnummer: [fødselsnummer].",
                findings.get(0).evidence().get(0).quote());
        assertEquals("[navn 3] møtte [navn 2].", findings.get(1).evidence().get(0).quote(),
                "Roar Storvik keeps his number in the next finding; Tobias Lunde is not [navn 1]");
    }

    /** The spreadsheet (round 45 (b)) is masked and anonymised as every other format: it writes the same export. */
    @Test
    void theSpreadsheetHoldsNoNameAndNoFodselsnummer() throws Exception {
        byte[] xlsx = ExportFormat.XLSX.bytes(anonymised(), Language.NB);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); XSSFExcelExtractor cells = new XSSFExcelExtractor(book)) {
            String text = cells.getText();
            assertTrue(text.contains("Det ringte [navn 1]. Pasient: [navn 2]. Fødselsnummer: [fødselsnummer]."), text);
            assertTrue(text.contains("[navn 3] møtte [navn 2]."), text);
            for (String personal : List.of("01017012345", "Storvik", "Linn", "Tobias", "Lunde")) {
                assertFalse(text.contains(personal), personal + " in " + text);
            }
        }
    }
}

package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;
import no.evidens.pipeline.lang.Language;

/**
 * Round 45's walk: the findings as CSV are comma-separated, so Norwegian Excel (which expects «;») showed each row in one
 * cell. The workbook, read back as Excel reads it. Made-up text; the case is named as a municipality («0301»).
 */
class XlsxReportTest {
    private static CaseExport export() {
        EvidenceOut e = new EvidenceOut(1, 1, "supports", "Det finnes ingen oversikt.\nSaksnummer 12345678901.", "Referat, side 1",
                new Citation("Referat", "referat.txt", "styringsdokument", "d1", 4, 5, 10, 53), "0301/d1/0", "0301/d1/0", "sha",
                null, "007", new ProvenanceOut("koordinator", Map.of()), "kari", "2026-01-01T00:00:00Z", "5");
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Kommunen følger ikke opp", List.of(),
                "Første avsnitt.\n\nAndre avsnitt; med semikolon.", "utkast", "kari", "2026-01-01T00:00:00Z", "kari",
                "2026-01-01T00:00:00Z", List.of(e), 1);
        FindingOut bare = new FindingOut(2, "merknad-1", "Merknad 1", "merknad", 1, "Uten sitat", List.of(), "", "utkast", "kari",
                "2026-01-01T00:00:00Z", "kari", "2026-01-01T00:00:00Z", List.of(), 1);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "0301", "2026-01-01T00:00:00Z", "kari", false,
                List.of(f, bare), List.of());
    }

    private static int column(String csvName) {
        return List.of(CsvReport.HEADER).indexOf(csvName);
    }

    @Test
    void oneRowPerQuotationInTheCsvsColumnsTextStayingTextAndLineBreaksKept() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(export(), Language.NB)))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Tilsynets funn", sheet.getSheetName());
            assertEquals(2, sheet.getLastRowNum(), "a header and a row per quotation, one for the finding without");
            Row head = sheet.getRow(0);
            assertEquals(CsvReport.HEADER.length, head.getLastCellNum());
            assertEquals("Sitat", head.getCell(column("quote")).getStringCellValue());
            assertEquals("Kilde", head.getCell(column("source")).getStringCellValue());
            assertTrue(book.getFontAt(head.getCell(0).getCellStyle().getFontIndex()).getBold(), "the header is bold");
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, "the header row is frozen");
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());

            Row row = sheet.getRow(1);
            Cell caseId = row.getCell(column("case"));
            assertEquals(CellType.STRING, caseId.getCellType(), "«0301» keeps its leading zero");
            assertEquals("0301", caseId.getStringCellValue());
            assertEquals("@", caseId.getCellStyle().getDataFormatString(), "formatted as text, so an edit keeps it text");
            assertEquals("007", row.getCell(column("note")).getStringCellValue());
            Cell quote = row.getCell(column("quote"));
            assertEquals("Det finnes ingen oversikt.\nSaksnummer 12345678901.", quote.getStringCellValue());
            assertTrue(quote.getCellStyle().getWrapText(), "its line break shows in the cell");
            assertEquals("Første avsnitt.\n\nAndre avsnitt; med semikolon.", row.getCell(column("text")).getStringCellValue());
            assertEquals(CellType.NUMERIC, row.getCell(column("page")).getCellType(), "a page is a number");
            assertEquals(4, row.getCell(column("page")).getNumericCellValue());
            assertTrue(sheet.getColumnWidth(column("quote")) > 2 * sheet.getColumnWidth(column("page")), "a quotation has room");

            Row bare = sheet.getRow(2);
            assertEquals("Merknad 1", bare.getCell(column("label")).getStringCellValue());
            assertEquals(null, bare.getCell(column("quote")));
        }
    }

    @Test
    void theHeadingsInNynorsk() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(export(), Language.NN)))) {
            assertEquals("Kjelde", book.getSheetAt(0).getRow(0).getCell(column("source")).getStringCellValue());
            assertEquals("Tilsynet sine funn", book.getSheetAt(0).getSheetName());
        }
    }

    /**
     * Round 53's walk: the column «For eller imot» said «supports», the CSV's value, in a workbook a report writer reads;
     * it says the workspace's words, in the export's language (the CSV keeps its values for tools).
     */
    @Test
    void theStanceIsSaidInTheExportsLanguage() throws Exception {
        try (XSSFWorkbook nb = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(export(), Language.NB)));
                XSSFWorkbook nn = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(export(), Language.NN)))) {
            assertEquals("støtter funnet", nb.getSheetAt(0).getRow(1).getCell(column("stance")).getStringCellValue());
            assertEquals("støttar funnet", nn.getSheetAt(0).getRow(1).getCell(column("stance")).getStringCellValue());
            assertEquals(null, nb.getSheetAt(0).getRow(2).getCell(column("stance")), "no quotation, no stance");
        }
        EvidenceOut against = new EvidenceOut(1, 1, "contradicts", "Det holdes møter.", "Referat, side 1",
                new Citation("Referat", "referat.txt", "styringsdokument", "d1", 1, 1, 0, 17), "0301/d1/0", "0301/d1/0", "sha",
                null, null, new ProvenanceOut("møter", Map.of()), "kari", "2026-01-01T00:00:00Z", "5");
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Kommunen følger ikke opp", List.of(), "", "utkast",
                "kari", "2026-01-01T00:00:00Z", "kari", "2026-01-01T00:00:00Z", List.of(against), 1);
        CaseExport one = new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "0301", "2026-01-01T00:00:00Z", "kari", false,
                List.of(f), List.of());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(one, Language.NB)))) {
            assertEquals("taler mot funnet", book.getSheetAt(0).getRow(1).getCell(column("stance")).getStringCellValue());
        }
        assertTrue(CsvReport.render(one).contains(",contradicts,"), "the CSV keeps the value");
    }

    /**
     * Round 53's walk: the search-filter column was the stored map as Java writes it,
     * {@code {case=…, indicator=avvik, type=styringsdokument}}; it is the search language's own words, the sheet's case left
     * out. The CSV keeps the map.
     */
    @Test
    void theSearchFiltersAreWrittenAsTheSearchLanguageWritesThem() throws Exception {
        EvidenceOut found = new EvidenceOut(1, 1, "supports", "Avvik meldes til rektor.", "Rutine, side 1",
                new Citation("Rutine", "rutine.docx", "styringsdokument", "d1", 1, 1, 0, 24), "0301/d1/0", "0301/d1/0", "sha",
                null, null, new ProvenanceOut("avvik", new java.util.TreeMap<>(Map.of("case", "0301", "indicator", "avvik",
                    "type", "styringsdokument", "kommune", "Nord-Fron kommune"))), "kari", "2026-01-01T00:00:00Z", "5");
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Avvik meldes ikke", List.of(), "", "utkast",
                "kari", "2026-01-01T00:00:00Z", "kari", "2026-01-01T00:00:00Z", List.of(found), 1);
        CaseExport one = new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "0301", "2026-01-01T00:00:00Z", "kari", false,
                List.of(f), List.of());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(one, Language.NB)))) {
            assertEquals("indikator:avvik kommune:\"Nord-Fron kommune\" type:styringsdokument",
                    book.getSheetAt(0).getRow(1).getCell(column("filters")).getStringCellValue());
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ExportFormat.XLSX.bytes(export(), Language.NB)))) {
            assertEquals(null, book.getSheetAt(0).getRow(1).getCell(column("filters")), "a search without filters has none");
        }
        assertTrue(CsvReport.render(one).contains("{case=0301, indicator=avvik, kommune=Nord-Fron kommune, type=styringsdokument}"),
                "the CSV keeps the stored filters");
    }

    @Test
    void aTextLongerThanACellHoldsIsCutAndSaidToBe() {
        String cut = XlsxReport.cellText("a".repeat(40_000));
        assertEquals(32_767, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("kort", XlsxReport.cellText("kort"));
    }
}

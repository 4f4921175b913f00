package no.evidens.pipeline.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.CaseGroups;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.Municipalities;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;
import no.evidens.pipeline.search.SearchOnlyIndex;

/**
 * A nationwide audit at full size (round 53): every one of Norway's 357 municipalities a case of the group, each with an
 * avvik on one requirement, built straight from findings and a test index (no bundle is ingested). Two municipalities
 * share a name twice over (Våler, Herøy): each counts; and the report's tables and charts stay readable at this size.
 */
class GroupFullSizeTest {
    private static final String REQUIREMENT = "barnevernloven § 15-8";
    private static GroupOverview overview;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        List<CaseGroups.Member> members = new ArrayList<>();
        Map<String, List<FindingOut>> findings = new LinkedHashMap<>();
        Map<String, Integer> passages = new LinkedHashMap<>();
        int i = 0;
        for (Municipalities.Municipality m : Municipalities.all()) {
            String caseId = "sak-" + i++;
            members.add(new CaseGroups.Member(caseId, m.name(), m.county()));
            // every fourth municipality has no finding; the others an avvik on the same requirement
            findings.put(caseId, i % 4 == 0 ? List.of() : List.of(avvik(i)));
            passages.put(caseId, 1 + i % 3);
        }
        CaseGroups.Group group = new CaseGroups.Group("landstilsyn", "Landsomfattende tilsyn", "testar", Instant.EPOCH, members);
        SearchOnlyIndex index = new SearchOnlyIndex() {
            @Override
            public SearchResult search(SearchRequest request) {
                return new SearchResult(request.query(), 1, 1, List.of(), Map.of("case", passages), false);
            }
        };
        overview = GroupOverviews.build(group, members, index, findings, Codebook.defaults());
    }

    private static FindingOut avvik(int n) {
        return new FindingOut(n, "A" + n, "Avvik 1", "avvik", 1, "Kommunen sikrer ikke samarbeid",
                List.of(new RequirementOut("barnevernloven", List.of("15-8"), REQUIREMENT)), "", "utkast", "testar", "", "testar", "",
                List.of(), 1, 1, 1);
    }

    private static long withAvvik() {
        return overview.municipalities().stream().filter(p -> p.avvik() > 0).count();
    }

    @Test
    void twoMunicipalitiesOfOneNameAreTwoMunicipalitiesToldApartByCounty() {
        GroupOverview.RequirementRow row = overview.requirements().get(0);
        assertEquals(withAvvik(), row.avvik().size(), "every municipality with an avvik counts, Våler and Herøy twice");
        List<String> labels = overview.municipalities().stream().map(GroupOverview.Place::label).toList();
        assertTrue(labels.containsAll(List.of("Våler (Østfold)", "Våler (Innlandet)", "Herøy (Møre og Romsdal)", "Herøy (Nordland)")), labels.toString());
        assertTrue(labels.contains("Bergen"), "a name of its own is written alone");
        assertEquals(357, labels.stream().distinct().count());
        assertEquals(357 - withAvvik(), overview.withoutFindings().stream().distinct().count());
    }

    @Test
    void theReportCountsByCountyAndNamesEachMunicipalitysRequirementsInItsTable() throws Exception {
        Path docx = tmp.resolve("rapport.docx");
        GroupReportDocx.write(new GroupReport(overview, false, "testar", "2026-12-06T00:00:00Z", Map.of()), docx);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(5, tables.size(), "totals, requirements, counties, indicators, municipalities");
            String named = tables.get(1).getRow(1).getCell(3).getText();
            assertEquals(withAvvik() + " kommuner: se tabellen «Kommunene i tilsynet»", named, "a cell names no 260 municipalities");
            XWPFTable counties = tables.get(2);
            assertEquals(15 + 1, counties.getRows().size(), "a row per county");
            assertEquals("Agder", counties.getRow(1).getCell(0).getText(), "counties in Norwegian order");
            assertEquals("Østfold", counties.getRow(15).getCell(0).getText());
            int sum = 0;
            for (int r = 1; r <= 15; r++) {
                sum += Integer.parseInt(counties.getRow(r).getCell(1).getText());
            }
            assertEquals(357, sum);
            XWPFTable places = tables.get(4);
            assertEquals(357 + 1, places.getRows().size(), "the municipalities' table in full");
            assertEquals("Agder", places.getRow(1).getCell(0).getText(), "by county");
            long broke = places.getRows().stream().skip(1).filter(r -> r.getCell(5).getText().equals(REQUIREMENT)).count();
            assertEquals(withAvvik(), broke, "each row names the requirements the municipality got an avvik on");
            assertEquals(3, doc.getAllPictures().size(), "charts by requirement, by county and by indicator");
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("Funn per fylke") && "Heading2".equals(p.getStyle())));
        }
    }

    @Test
    void theSpreadsheetHasARowPerMunicipalityAndAFilter() throws Exception {
        Path xlsx = tmp.resolve("rapport.xlsx");
        GroupReportXlsx.write(new GroupReport(overview, false, "testar", "2026-12-06T00:00:00Z", Map.of()), xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet matrix = book.getSheet(GroupReportXlsx.MATRIX);
            assertEquals(357, matrix.getLastRowNum(), "a row per municipality under the header");
            assertEquals(3 + 2 * overview.indicators().size(), matrix.getRow(0).getLastCellNum(), "two columns per indicator");
            assertTrue(hasFilter(book, matrix), "the matrix can be filtered by county");
            Sheet counties = book.getSheet(GroupReportXlsx.COUNTIES);
            assertEquals(15, counties.getLastRowNum());
            assertEquals(357, (int) sumColumn(counties, 1));
            String reqNames = book.getSheet(GroupReportXlsx.REQUIREMENTS).getRow(1).getCell(3).getStringCellValue();
            assertEquals(withAvvik(), reqNames.split(", ").length, "the spreadsheet names every municipality with the avvik");
        }
    }

    private static boolean hasFilter(XSSFWorkbook book, Sheet sheet) {
        return book.getSheet(sheet.getSheetName()).getCTWorksheet().isSetAutoFilter();
    }

    private static double sumColumn(Sheet sheet, int column) {
        double sum = 0;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            sum += sheet.getRow(r).getCell(column).getNumericCellValue();
        }
        return sum;
    }
}

package no.evidens.pipeline.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.NationwideSet;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.fixture.NationwideHome;

/**
 * The generated 22-municipality audit built through ingestion and the findings service; its overview and
 * its summary report (DOCX and XLSX, read back with POI) hold the counts the generated set was made with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupReportIT {
    private static final String GROUP = NationwideSet.GROUP_ID;
    private GroupService groups;
    private List<NationwideSet.Municipality> all;
    /** requirement → [municipalities with avvik, with merknad], as the set was generated. */
    private final Map<String, int[]> expected = new HashMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    void build() {
        NationwideHome nationwide = NationwideHome.shared();
        groups = nationwide.groups();
        all = NationwideSet.municipalities();
        for (NationwideSet.Topic t : NationwideSet.Topic.values()) {
            expected.put(t.requirement(), new int[] {(int) all.stream().filter(m -> m.avvik().contains(t)).count(),
                (int) all.stream().filter(m -> m.merknad().contains(t)).count()});
        }
        assertEquals(0, nationwide.built().failed(), "every generated document is read");
    }

    @Test
    void theOverviewCountsMunicipalitiesByRequirementAndNamesThoseWithoutFindings() throws Exception {
        GroupOverview o = groups.overview(GROUP, null);
        assertEquals(all.size(), o.totals().municipalities());
        assertEquals(all.stream().filter(m -> !m.avvik().isEmpty()).count(), o.totals().withAvvik());
        Set<String> none = all.stream().filter(m -> m.avvik().isEmpty() && m.merknad().isEmpty()).map(NationwideSet.Municipality::name)
                .collect(Collectors.toSet());
        assertEquals(none, Set.copyOf(o.withoutFindings()));
        assertEquals(expected.keySet(), o.requirements().stream().map(GroupOverview.RequirementRow::requirement).collect(Collectors.toSet()));
        for (GroupOverview.RequirementRow r : o.requirements()) {
            assertEquals(expected.get(r.requirement())[0], r.avvik().size(), "avvik on " + r.requirement());
            assertEquals(expected.get(r.requirement())[1], r.merknad().size(), "merknad on " + r.requirement());
        }
        GroupOverview.IndicatorRow ettervern = o.indicators().stream().filter(i -> i.id().equals("ettervern")).findFirst().orElseThrow();
        assertTrue(ettervern.passages() > 0 && ettervern.findings() > 0, "the cells count passages and findings: " + ettervern);

        // A user who reads two of the cases sees those two only.
        GroupOverview two = groups.overview(GROUP, Set.of("lyngvik-2026", "heias-2026"));
        assertEquals(Set.of("Lyngvik", "Heiås"), two.municipalities().stream().map(GroupOverview.Place::municipality).collect(Collectors.toSet()));
        assertEquals(List.of("Heiås"), two.withoutFindings());
    }

    @Test
    void searchAcrossTheGroupFiltersByCountyAndMunicipality() throws Exception {
        Set<String> vestland = all.stream().filter(m -> m.county().equals("Vestland")).map(NationwideSet.Municipality::caseId).collect(Collectors.toSet());
        GroupSearch.Result r = groups.search(GROUP, null, "ettervern fylke:Vestland", List.of(), 50, 0, SearchRequest.Order.RELEVANCE);
        assertTrue(r.result().total() > 0);
        assertTrue(r.result().hits().stream().allMatch(h -> vestland.contains(h.caseId())), "only Vestland's cases");
        assertEquals(Set.of("Havbrekka", "Nordstrand", "Ospedal"), r.facets().get(GroupSearch.MUNICIPALITY).keySet());
        assertTrue(r.facets().get(GroupSearch.COUNTY).size() > 5, "the county facet shows the other counties too");
        GroupSearch.Result one = groups.search(GROUP, null, "", List.of("kommune:Ospedal"), 50, 0, SearchRequest.Order.RELEVANCE);
        assertTrue(one.result().total() > 0);
        assertTrue(one.result().hits().stream().allMatch(h -> h.caseId().equals("ospedal-2026")));
    }

    @Test
    void theDocxHoldsTheCountsInItsTablesAndTheChartsAsImages() throws Exception {
        Path docx = tmp.resolve("rapport.docx");
        GroupReport report = groups.report(GROUP, null, false, "testar");
        GroupReportDocx.write(report, docx);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(5, tables.size(), "totals, requirements, counties, indicators, municipalities");
            XWPFTable totals = tables.get(0);
            assertEquals("Kommuner i tilsynet", totals.getRow(1).getCell(0).getText());
            assertEquals(String.valueOf(all.size()), totals.getRow(1).getCell(1).getText());
            assertEquals(String.valueOf(all.stream().filter(m -> !m.avvik().isEmpty()).count()), totals.getRow(2).getCell(1).getText());
            XWPFTable requirements = tables.get(1);
            assertEquals(expected.size() + 1, requirements.getRows().size());
            for (XWPFTableRow row : requirements.getRows().subList(1, requirements.getRows().size())) {
                int[] want = expected.get(row.getCell(0).getText());
                assertNotNull(want, row.getCell(0).getText());
                assertEquals(String.valueOf(want[0]), row.getCell(1).getText(), "avvik on " + row.getCell(0).getText());
                assertEquals(String.valueOf(want[1]), row.getCell(2).getText(), "merknad on " + row.getCell(0).getText());
            }
            assertEquals(all.size() + 1, tables.get(4).getRows().size(), "one row per municipality");
            List<XWPFPictureData> pictures = doc.getAllPictures();
            assertEquals(3, pictures.size(), "a chart per requirement, per county and per indicator");
            for (XWPFPictureData p : pictures) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.getData()));
                assertNotNull(image, p.getFileName() + " is an image");
                assertEquals(GroupCharts.WIDTH, image.getWidth());
            }
            String text = new XWPFWordExtractor(doc).getText();
            assertTrue(text.contains("Eksempler per lovkrav"));
            // Word's heading styles, so a table of contents and the navigation pane see the report's outline.
            assertEquals("Heading1", doc.getParagraphs().get(0).getStyle(), "the title");
            for (String section : List.of("Hovedtall", "Funn per lovkrav", "Funn per fylke", "Funn per indikator", "Kommunene i tilsynet",
                    "Kommuner uten funn", "Eksempler per lovkrav")) {
                assertEquals(List.of("Heading2"), doc.getParagraphs().stream().filter(p -> p.getText().equals(section))
                        .map(XWPFParagraph::getStyle).toList(), section);
            }
            List<String> examplesOutline = doc.getParagraphs().stream().filter(p -> "Heading3".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertEquals(report.overview().requirements().stream().map(GroupOverview.RequirementRow::requirement).toList(),
                    examplesOutline, "each requirement above its examples");
            for (int level = 1; level <= 3; level++) {
                var style = doc.getStyles().getStyle("Heading" + level);
                assertNotNull(style, "heading " + level + " defined in the styles part");
                assertEquals("heading " + level, style.getName());
                assertEquals(level - 1, style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue());
            }
            assertFalse(report.examples().isEmpty(), "the demo chose quotations");
            report.examples().values().stream().flatMap(List::stream)
                    .forEach(e -> assertTrue(text.contains(e.quote()), "the chosen quotation is in the report: " + e.quote()));
        }
    }

    @Test
    void theXlsxHoldsTheSameCountsAsNumbers() throws Exception {
        Path xlsx = tmp.resolve("rapport.xlsx");
        GroupReportXlsx.write(groups.report(GROUP, null, false, "testar"), xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet reqs = book.getSheet(GroupReportXlsx.REQUIREMENTS);
            assertEquals(expected.size(), reqs.getLastRowNum());
            for (Row row : reqs) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                int[] want = expected.get(row.getCell(0).getStringCellValue());
                assertEquals(want[0], (int) row.getCell(1).getNumericCellValue());
                assertEquals(want[1], (int) row.getCell(2).getNumericCellValue());
            }
            assertEquals(all.size(), (int) book.getSheet(GroupReportXlsx.TOTALS).getRow(1).getCell(1).getNumericCellValue());
            Sheet matrix = book.getSheet(GroupReportXlsx.MATRIX);
            assertEquals(all.size(), matrix.getLastRowNum(), "a row per municipality");
            assertEquals(3 + 2 * groups.overview(GROUP, null).indicators().size(), matrix.getRow(0).getLastCellNum(),
                    "passages and findings per indicator");
        }
    }

    @Test
    void aChosenQuotationIsAnonymisedOnRequest() throws Exception {
        GroupService.Candidate named = groups.quotations(GROUP, null).stream().filter(c -> c.quote().contains("Randi Myhre")).findFirst()
                .orElseThrow(() -> new AssertionError("a quotation names a person"));
        groups.choose(GROUP, named.caseId(), named.item(), true, "testar");
        try {
            Path plain = tmp.resolve("plain.docx");
            Path anonymous = tmp.resolve("anonymous.docx");
            GroupReportDocx.write(groups.report(GROUP, null, false, "testar"), plain);
            GroupReportDocx.write(groups.report(GROUP, null, true, "testar"), anonymous);
            assertTrue(text(plain).contains("Randi Myhre"));
            String anonymised = text(anonymous);
            assertFalse(anonymised.contains("Myhre"), "the name is taken out on request");
            assertTrue(anonymised.contains("personopplysninger er fjernet"));
        } finally {
            groups.choose(GROUP, named.caseId(), named.item(), named.chosen(), "testar");
        }
    }

    private static String text(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            return new XWPFWordExtractor(doc).getText();
        }
    }
}

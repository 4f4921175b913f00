package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.Json;

/** The findings commands end to end on a small indexed case: create, attach, export, verify, import. */
class FindingsCliTest {
    @TempDir
    Path tmp;
    CaseFixture fx;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        fx = CaseFixture.create(tmp);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(fx.home.toString());
        CliRun r = CliRun.of(all);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private void createAndAttach() {
        String c = CaseFixture.CASE;
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--user", "kari",
                "--title", "Kommunen sikrer ikke at ansvarsgruppene følges opp", "--requirement", "barnevernloven § 15-8",
                "--text", "Kommunen mangler oversikt."), err);
        assertEquals("Created avvik-1 (Avvik 1) in case " + c, out.strip());
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "merknad", "--user", "kari",
                "--title", "Rutinen bør evalueres", "--requirement", "jf. internkontrollforskriften § 8"), err);
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2),
                "--quote", "ingen samlet oversikt over ansvarsgrupper", "--user", "ola"), err);
        int start = CaseFixture.offsetOf("Nordmann ringer");
        int end = CaseFixture.offsetOf("Det finnes ingen") + "Det finnes ingen".length();
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(1), "--through",
                fx.passageId(2), "--start", String.valueOf(start), "--end", String.valueOf(end), "--contradicts",
                "--note", "Sjekk med Kari Nordmann"), err);
        assertEquals(0, run("finding", "attach", "--case", c, "merknad-1", "--search", "evaluert", "--hit", "1"), err);
    }

    @Test
    void createAttachAndExportAWordReportWithKindsNumbersQuotationsAndSources() throws Exception {
        createAndAttach();
        Path docx = tmp.resolve("funn.docx");
        assertEquals(0, run("export", "--case", CaseFixture.CASE, "--format", "docx", "--out", docx.toString()), err);
        List<String> paragraphs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                paragraphs.add(p.getText());
            }
        }
        String source = "Kilde: " + CaseFixture.TITLE + ", styringsdokument, side 1";
        int a1 = paragraphs.indexOf("Avvik 1");
        int m1 = paragraphs.indexOf("Merknad 1");
        assertTrue(a1 >= 0 && m1 > a1, paragraphs.toString());
        assertEquals("Kommunen sikrer ikke at ansvarsgruppene følges opp", paragraphs.get(a1 + 1));
        assertEquals("Avvik fra følgende myndighetskrav: barnevernloven § 15-8", paragraphs.get(a1 + 2));
        assertEquals("Kommunen mangler oversikt.", paragraphs.get(a1 + 3));
        assertEquals("Avviket bygger på følgende:", paragraphs.get(a1 + 4));
        assertEquals("«ingen samlet oversikt over ansvarsgrupper»", paragraphs.get(a1 + 5));
        assertEquals(source, paragraphs.get(a1 + 6));
        assertEquals("Taler imot: «Nordmann ringer foreldrene hver uke.\n\nDet finnes ingen»".replace("\n", ""),
                paragraphs.get(a1 + 7).replace("\n", ""));
        assertEquals(source, paragraphs.get(a1 + 8));
        assertEquals("Revisors notat: Sjekk med Kari Nordmann", paragraphs.get(a1 + 9));
        assertEquals("Myndighetskrav: internkontrollforskriften § 8", paragraphs.get(m1 + 2));
        assertEquals("«" + CaseFixture.P3 + "»", paragraphs.get(m1 + 4));
        assertEquals("Kilde: " + CaseFixture.TITLE + ", styringsdokument, side 2", paragraphs.get(m1 + 5));
    }

    @Test
    void clearErrorsForUnknownPassagesSpansOutsideAndUnknownFindings() {
        createAndAttach();
        String c = CaseFixture.CASE;
        assertEquals(2, run("finding", "attach", "--case", c, "avvik-1", "--passage", c + "/nope/1"));
        assertTrue(err.startsWith("evidens: unknown passage " + c + "/nope/1"), err);
        int p2 = CaseFixture.offsetOf(CaseFixture.P2);
        assertEquals(2, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2), "--start",
                String.valueOf(p2 - 5), "--end", String.valueOf(p2 + 10)));
        assertTrue(err.contains("is outside passage " + fx.passageId(2)), err);
        assertEquals(2, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2), "--quote", "finnes ikke her"));
        assertTrue(err.contains("the quotation is not in passage"), err);
        assertEquals(2, run("finding", "show", "--case", c, "avvik-7"));
        assertEquals("evidens: case " + c + " has no avvik-7 (see: evidens finding list --case " + c + ")", err.strip());
        assertEquals(2, run("finding", "create", "--case", c, "--kind", "avvik", "--title", "X", "--requirement", "§ 4"));
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void moveDetachDeleteAndHistory() throws Exception {
        createAndAttach();
        String c = CaseFixture.CASE;
        assertEquals(0, run("finding", "show", "--case", c, "avvik-1", "--json"), err);
        JsonNode a1 = Json.mapper().readTree(out);
        long first = a1.get("evidence").get(0).get("id").asLong();
        long second = a1.get("evidence").get(1).get("id").asLong();
        assertEquals(0, run("finding", "move", "--case", c, "#" + second, "--position", "1"), err);
        assertEquals(0, run("finding", "move", "--case", c, "#" + first, "--to", "merknad-1"), err);
        assertEquals(0, run("finding", "show", "--case", c, "merknad-1", "--json"), err);
        assertEquals(2, Json.mapper().readTree(out).get("evidence").size());
        assertEquals(0, run("finding", "detach", "--case", c, "#" + first), err);
        assertEquals(0, run("finding", "delete", "--case", c, "avvik-1"), err);
        assertEquals(0, run("finding", "list", "--case", c), err);
        assertEquals(1, out.strip().lines().count(), out);
        assertEquals(0, run("finding", "history", "--case", c, "--json"), err);
        List<String> actions = new ArrayList<>();
        Json.mapper().readTree(out).forEach(h -> actions.add(h.get("action").asText()));
        assertEquals(List.of("create", "create", "attach", "attach", "attach", "move", "move", "detach", "delete"), actions);
    }

    @Test
    void verifyReportsAChangedAndAVanishedSourceAndNeverDropsTheQuotation() throws Exception {
        createAndAttach();
        String c = CaseFixture.CASE;
        assertEquals(0, run("verify", "--case", c), out + err);
        assertTrue(out.contains("3 quotations checked: {ok=3}"), out);

        Path source = fx.bundle.resolve(CaseFixture.FILE);
        Files.writeString(source, CaseFixture.TEXT.replace("hver uke", "hver måned"), StandardCharsets.UTF_8);
        assertEquals(3, run("verify", "--case", c));
        assertTrue(out.contains("3 quotations checked: {changed=3}"), out);
        assertTrue(out.contains("the source file has changed"), out);

        Path moved = tmp.resolve("moved-bundle");
        Files.move(fx.bundle, moved);
        assertEquals(3, run("verify", "--case", c, "--json"));
        JsonNode v = Json.mapper().readTree(out);
        assertEquals(3, v.get("counts").get("vanished").asInt());
        assertEquals(0, run("finding", "list", "--case", c), err);
        assertTrue(out.contains("2 quotations"), out);

        Files.writeString(moved.resolve(CaseFixture.FILE), CaseFixture.TEXT, StandardCharsets.UTF_8);
        assertEquals(0, run("verify", "--case", c, "--bundle", moved.toString()), out + err);
    }

    @Test
    void exportedToJsonAndImportedIntoAnotherHomeItIsTheSameCase() throws Exception {
        createAndAttach();
        String c = CaseFixture.CASE;
        Path json = tmp.resolve("backup.json");
        assertEquals(0, run("export", "--case", c, "--format", "json", "--out", json.toString()), err);
        assertEquals(0, run("finding", "list", "--case", c, "--json"), err);
        JsonNode before = Json.mapper().readTree(out);
        assertEquals(0, run("finding", "history", "--case", c, "--json"), err);
        int historySize = Json.mapper().readTree(out).size();

        Path otherHome = tmp.resolve("other-home");
        Files.createDirectories(otherHome);
        Files.move(fx.home.resolve("findings"), tmp.resolve("findings-away"));
        assertEquals(0, run("import", json.toString(), "--user", "per"), err);
        assertEquals(0, run("finding", "list", "--case", c, "--json"), err);
        JsonNode after = Json.mapper().readTree(out);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            for (String field : List.of("ref", "title", "text", "status", "createdBy", "createdAt", "updatedAt")) {
                assertEquals(before.get(i).get(field), after.get(i).get(field), field);
            }
            for (int j = 0; j < before.get(i).get("evidence").size(); j++) {
                JsonNode b = before.get(i).get("evidence").get(j);
                JsonNode a = after.get(i).get("evidence").get(j);
                for (String field : List.of("quote", "source", "citation", "sha256", "stance", "note", "provenance")) {
                    assertEquals(b.get(field), a.get(field), field);
                }
            }
        }
        assertEquals(0, run("finding", "history", "--case", c, "--json"), err);
        assertEquals(historySize + 1, Json.mapper().readTree(out).size());
        assertEquals(0, run("verify", "--case", c), out + err);
        assertEquals(2, run("import", json.toString()));
        assertTrue(err.contains("already has findings"), err);

        Path md = tmp.resolve("funn.md");
        Path csv = tmp.resolve("funn.csv");
        assertEquals(0, run("export", "--case", c, "--format", "md", "--out", md.toString()), err);
        assertTrue(Files.readString(md).contains("## Merknad 1"));
        assertEquals(0, run("export", "--case", c, "--format", "csv", "--out", csv.toString()), err);
        assertEquals(4, Files.readString(csv).split("\r\n(?=" + c + "|case)").length);
        Path xlsx = tmp.resolve("funn.xlsx");
        assertEquals(0, run("export", "--case", c, "--format", "xlsx", "--out", xlsx.toString()), err);
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
            var sheet = book.getSheetAt(0);
            assertEquals(3, sheet.getLastRowNum(), "a header and the CSV's three rows");
            assertEquals("Sitat", sheet.getRow(0).getCell(11).getStringCellValue());
            assertEquals(c, sheet.getRow(1).getCell(0).getStringCellValue());
        }
    }

    /**
     * Round 45's walk: with Nynorsk chosen for the case's exports in the workspace, its download said «Kjelde» and the
     * command line's export of the same case «Kilde». Both now follow the case's choice; {@code --language} overrides it.
     */
    @Test
    void theExportSpeaksTheLanguageChosenForTheCaseAsTheWorkspaceDoes() throws Exception {
        createAndAttach();
        String c = CaseFixture.CASE;
        new no.evidens.pipeline.search.SavedSearchService(new no.evidens.pipeline.EvidensHome(fx.home),
                java.time.Duration.ofSeconds(20)).setExportLanguage(c, no.evidens.pipeline.lang.Language.NN, "kari");
        Path md = tmp.resolve("funn.md");
        assertEquals(0, run("export", "--case", c, "--format", "md", "--out", md.toString()), err);
        assertTrue(Files.readString(md).startsWith("# Tilsynet sine funn"), Files.readString(md));
        assertTrue(Files.readString(md).contains("> Kjelde: "), Files.readString(md));
        assertEquals(0, run("export", "--case", c, "--format", "md", "--language", "nb", "--out", md.toString()), err);
        assertTrue(Files.readString(md).startsWith("# Tilsynets funn"), Files.readString(md));
        assertEquals(2, run("export", "--case", c, "--format", "md", "--language", "en", "--out", md.toString()));
        assertTrue(err.contains("unknown language 'en'"), err);
    }
}

package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.CliRun;

/**
 * The report writer's own order (round 45's «Decided, not built»): {@code finding order} puts Avvik 2 before Avvik 1 and
 * a merknad between two avvik; every export follows it and numbers each kind in it, while each finding keeps its reference.
 * And an anonymised export names, in Norwegian on stderr, the finding whose own words hold a name the quotations mask.
 */
class FindingOrderCliTest {
    private static final String C = CaseFixture.CASE;

    @TempDir
    Path tmp;
    CaseFixture fx;
    /** The last command's run: its exit code, stdout and stderr. */
    CliRun last;

    @BeforeEach
    void setUp() throws Exception {
        fx = CaseFixture.create(tmp);
    }

    private int run(String... args) {
        last = fx.cli(args);
        return last.code();
    }

    /** avvik-1, merknad-1, avvik-2 (created in that order: the report shows avvik-1, avvik-2, merknad-1), a quotation each. */
    private void threeFindings() {
        assertEquals(0, run("finding", "create", "--case", C, "--kind", "avvik", "--title", "Ingen oversikt over ansvarsgrupper"), last.err());
        assertEquals(0, run("finding", "create", "--case", C, "--kind", "merknad", "--title", "Rutinen bør evalueres"), last.err());
        assertEquals(0, run("finding", "create", "--case", C, "--kind", "avvik", "--title", "Foreldrene følges ikke opp"), last.err());
        assertEquals(0, run("finding", "attach", "--case", C, "avvik-1", "--passage", fx.passageId(2)), last.err());
        assertEquals(0, run("finding", "attach", "--case", C, "merknad-1", "--passage", fx.passageId(3)), last.err());
        assertEquals(0, run("finding", "attach", "--case", C, "avvik-2", "--passage", fx.passageId(1)), last.err());
    }

    @Test
    void theReportsOrderIsSetByCommandAndEveryExportFollowsItAndNumbersByIt() throws Exception {
        threeFindings();
        assertEquals(0, run("finding", "order", "--case", C, "avvik-2", "--position", "1", "--user", "siri"), last.err());
        assertEquals(0, run("finding", "order", "--case", C, "merknad-1", "--position", "2", "--user", "siri"), last.err());
        assertTrue(last.out().contains("  1. Avvik 1          avvik-2        Foreldrene følges ikke opp"), last.out());
        assertTrue(last.out().contains("  2. Merknad 1        merknad-1      Rutinen bør evalueres"), last.out());
        assertTrue(last.out().contains("  3. Avvik 2          avvik-1        Ingen oversikt over ansvarsgrupper"), last.out());

        // the references stay: a command names avvik-2 as before
        assertEquals(0, run("finding", "show", "--case", C, "avvik-2"), last.err());
        assertTrue(last.out().startsWith("Avvik 1 (avvik-2)"), last.out());
        assertEquals(0, run("finding", "list", "--case", C), last.err());
        assertTrue(last.out().lines().findFirst().orElseThrow().startsWith("avvik-2"), last.out());
        assertTrue(last.out().contains("(Avvik 2 in the report)"), last.out());

        Path md = tmp.resolve("funn.md");
        assertEquals(0, run("export", "--case", C, "--format", "md", "--out", md.toString()), last.err());
        List<String> headings = Files.readAllLines(md).stream().filter(l -> l.startsWith("## ")).toList();
        assertEquals(List.of("## Avvik 1", "## Merknad 1", "## Avvik 2"), headings);
        String text = Files.readString(md);
        assertTrue(text.indexOf("Foreldrene følges ikke opp") < text.indexOf("Rutinen bør evalueres")
                && text.indexOf("Rutinen bør evalueres") < text.indexOf("Ingen oversikt over ansvarsgrupper"), text);

        Path docx = tmp.resolve("funn.docx");
        assertEquals(0, run("export", "--case", C, "--format", "docx", "--out", docx.toString()), last.err());
        List<String> paragraphs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                paragraphs.add(p.getText());
            }
        }
        assertEquals("Foreldrene følges ikke opp", paragraphs.get(paragraphs.indexOf("Avvik 1") + 1));
        assertEquals("Ingen oversikt over ansvarsgrupper", paragraphs.get(paragraphs.indexOf("Avvik 2") + 1));
        assertTrue(paragraphs.indexOf("Avvik 1") < paragraphs.indexOf("Merknad 1")
                && paragraphs.indexOf("Merknad 1") < paragraphs.indexOf("Avvik 2"), paragraphs.toString());

        Path csv = tmp.resolve("funn.csv");
        assertEquals(0, run("export", "--case", C, "--format", "csv", "--out", csv.toString()), last.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertEquals(List.of("avvik-2", "merknad-1", "avvik-1"), rows.stream().map(r -> r.get("finding")).toList());
        assertEquals(List.of("Avvik 1", "Merknad 1", "Avvik 2"), rows.stream().map(r -> r.get("label")).toList());
        assertEquals(List.of("2", "1", "1"), rows.stream().map(r -> r.get("number")).toList(), "the reference's number stays");

        Path json = tmp.resolve("funn.json");
        assertEquals(0, run("export", "--case", C, "--format", "json", "--out", json.toString()), last.err());
        JsonNode findings = Json.mapper().readTree(json.toFile()).get("findings");
        assertEquals("avvik-2", findings.get(0).get("ref").asText());
        assertEquals(2, findings.get(0).get("number").asInt());
        assertEquals(1, findings.get(0).get("position").asInt());
        assertEquals(1, findings.get(0).get("reportNumber").asInt());
        assertEquals("Avvik 1", findings.get(0).get("label").asText());
        assertEquals(3, findings.get(2).get("position").asInt());

        // an import elsewhere keeps the order and the references
        Path other = tmp.resolve("other");
        assertEquals(0, CliRun.inHome(other, "import", json.toString()).code());
        CliRun list = CliRun.inHome(other, "finding", "list", "--case", C);
        assertEquals(List.of("avvik-2", "merknad-1", "avvik-1"), list.out().lines().map(l -> l.split("\\s+")[0]).toList(), list.out());
    }

    @Test
    void aMoveIsInTheFindingsHistoryAndTheAuditTrailAndFollowsTheRulesOfAnEdit() throws Exception {
        threeFindings();
        assertEquals(0, run("finding", "order", "--case", C, "avvik-2", "--position", "1", "--user", "siri", "--expect-version", "2"), last.err());
        assertEquals(0, run("finding", "history", "--case", C, "avvik-2", "--json"), last.err());
        JsonNode moved = lastOf(Json.mapper().readTree(last.out()));
        assertEquals("order", moved.get("action").asText());
        assertEquals("siri", moved.get("actor").asText());
        assertEquals(2, moved.get("before").get("position").asInt());
        assertEquals("Avvik 2", moved.get("before").get("label").asText());
        assertEquals("Avvik 1", moved.get("after").get("label").asText());
        assertEquals(0, run("audit", "--case", C), last.err());
        assertTrue(last.out().contains("siri finding-order finding avvik-2 (plass 1, Avvik 1, versjon 3)"), last.out());

        assertEquals(1, run("finding", "order", "--case", C, "avvik-1", "--position", "1", "--expect-version", "1"));
        assertEquals(2, run("finding", "order", "--case", C, "avvik-1", "--position", "0"));
        assertEquals("evidens: the place is counted from 1 (the first in the report): 0", last.err().strip());
        assertEquals(2, run("finding", "order", "--case", C, "avvik-1"));
        assertEquals(2, run("finding", "order", "--case", C, "avvik-9", "--position", "1"));

        assertEquals(0, run("finding", "submit", "--case", C, "avvik-1"), last.err());
        assertEquals(0, run("finding", "approve", "--case", C, "avvik-1"), last.err());
        assertEquals(1, run("finding", "order", "--case", C, "avvik-1", "--position", "1"));
        assertTrue(last.err().contains("avvik-1 is approved (godkjent) and locked"), last.err());
        assertEquals(0, run("case", "close", "--case", C), last.err());
        assertEquals(1, run("finding", "order", "--case", C, "merknad-1", "--position", "1"));
        assertTrue(last.err().contains("closed"), last.err());
    }

    @Test
    void anAnonymisedExportNamesTheFindingWhoseOwnWordsHoldAMaskedNameInTheReportsLanguage() throws Exception {
        assertEquals(0, run("finding", "create", "--case", C, "--kind", "avvik", "--title", "Kari Nordmann følger ikke opp planen",
                "--text", "Kommunen har ingen koordinator."), last.err());
        assertEquals(0, run("finding", "attach", "--case", C, "avvik-1", "--passage", fx.passageId(1)), last.err());
        assertEquals(0, run("finding", "create", "--case", C, "--kind", "merknad", "--title", "Rutinen bør evalueres"), last.err());
        Path md = tmp.resolve("funn.md");
        assertEquals(0, run("export", "--case", C, "--format", "md", "--anonymise", "--out", md.toString()), last.err());
        assertTrue(Files.readString(md).contains("[navn 1]"), "the quotation masks the name");
        List<String> notes = last.err().lines().filter(l -> l.startsWith("merk: ")).toList();
        assertEquals(List.of("merk: avvik-1 (Avvik 1) nevner «Kari Nordmann» i tittelen, navn som er maskert i sitatene;"
                + " den anonymiserte rapporten har funnets egne ord slik de står"), notes, last.err());
        assertTrue(last.err().lines().anyMatch(l -> l.startsWith("note: the quotations of case")), last.err());

        assertEquals(0, run("export", "--case", C, "--format", "md", "--anonymise", "--language", "nn", "--out", md.toString()), last.err());
        assertTrue(last.err().contains("merk: avvik-1 (Avvik 1) nemner «Kari Nordmann» i tittelen, namn som er maskerte i sitata;"), last.err());

        assertEquals(0, run("export", "--case", C, "--format", "md", "--out", md.toString()), last.err());
        assertTrue(last.err().lines().noneMatch(l -> l.startsWith("merk: ")), "not anonymised: nothing to warn of: " + last.err());
    }

    private static JsonNode lastOf(JsonNode array) {
        return array.get(array.size() - 1);
    }
}

package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.fixture.CliRun;

/**
 * The municipality sends a corrected file in place of the one quoted: {@code verify} says not only that the source
 * changed, but whether the new content is in the case and still holds the quoted words, and where.
 */
class CorrectedSourceVerifyTest {
    @TempDir
    Path tmp;

    private static CliRun run(CaseFixture fx, String... args) {
        return fx.cli(args);
    }

    @Test
    void aChangedSourceIsToldWhetherItsNewContentIsIngestedAndStillHoldsTheQuotedWords() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String c = CaseFixture.CASE;
        assertTrue(fx.quoteTheSecondPassage());
        assertEquals(0, run(fx, "finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(1),
                "--quote", "Nordmann ringer foreldrene hver uke").code());

        // The corrected file: a line added at the top, one sentence changed.
        String corrected = "Rettet utgave\n\n" + CaseFixture.TEXT.replace("hver uke", "hver måned");
        Path source = fx.bundle.resolve(CaseFixture.FILE);
        Files.writeString(source, corrected, StandardCharsets.UTF_8);
        CliRun before = run(fx, "verify", "--case", c);
        assertEquals(3, before.code());
        assertEquals(2, count(before.out(), "the new content is not in the case: ingest the bundle again to compare it with the quotation"),
                before.out());

        // The corrected bundle ingested: its file is a document of its own beside the one quoted.
        String sha = Sha256.of(source);
        String docId = sha.substring(0, 16);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(fx.home.resolve("index"))) {
            w.add(new IndexedDocument(docId, c, CaseFixture.FILE, "styringsdokument", CaseFixture.TITLE, sha, "text/plain", corrected,
                    List.of(0)), List.of(new Passage(c + "/" + docId + "/1", c, docId, CaseFixture.FILE, "styringsdokument",
                    CaseFixture.TITLE, "", 1, 0, corrected.length(), corrected, List.of(), List.of(), List.of(), java.util.Map.of())));
            w.commit();
        }
        CliRun after = run(fx, "verify", "--case", c);
        assertEquals(3, after.code(), "the quotations are still of the earlier content: changed");
        int at = corrected.indexOf("Det finnes ingen samlet oversikt over ansvarsgrupper");
        assertTrue(after.out().contains("the new content is in the case (document " + docId.substring(0, 12) + "…) and holds the quoted words"
                + " at characters " + at + "–" + (at + 52)), after.out());
        assertTrue(after.out().contains("the new content is in the case (document " + docId.substring(0, 12) + "…) but does not hold the quoted"
                + " words"), after.out());
        assertTrue(after.out().contains("2 quotations checked: {changed=2}"), after.out());

        // the same as data, for the web workspace's words and the JSON's readers
        com.fasterxml.jackson.databind.JsonNode json = no.evidens.pipeline.Json.mapper().readTree(run(fx, "verify", "--case", c, "--json").out());
        com.fasterxml.jackson.databind.JsonNode first = json.get("quotations").get(0);
        assertEquals("changed", first.get("source").asText());
        assertTrue(first.get("indexed").asBoolean(), "the indexed text of the earlier content still holds the quotation");
        assertEquals("holds", first.get("newContent").get("state").asText());
        assertEquals(docId, first.get("newContent").get("docId").asText());
        assertEquals(at, first.get("newContent").get("start").asInt());
        assertEquals(at + 52, first.get("newContent").get("end").asInt());
        assertEquals("lacks", json.get("quotations").get(1).get("newContent").get("state").asText());
    }

    private static int count(String text, String words) {
        return text.split(java.util.regex.Pattern.quote(words), -1).length - 1;
    }
}

package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.fixture.CliRun;

/**
 * A municipality sends its bundle again, corrected: one file replaced in place, one added, one left out. The receipt
 * names the document the replaced file's new content replaces, search shows the newest version unless all are asked
 * for, {@code show} and {@code document} of the earlier version name the newer one, and a quotation from the earlier
 * content verifies as before. A file left out of the corrected bundle is not withdrawn; content that goes back to an
 * earlier version is the newest again; a bundle of another name with the same path is no new version.
 */
class CorrectedBundleIT {
    private static final String CASE = "lyngvik-2026";
    private static final String NOTE = "journaler/notat.txt";
    private static final String FIRST = "Notat fra ansvarsgruppen.\n\nKoordinatoren ringer foreldrene hver uke om tiltaksplanen.\n";
    private static final String CORRECTED = "Notat fra ansvarsgruppen, rettet.\n\nKoordinatoren ringer foreldrene hver måned om "
            + "tiltaksplanen.\n";

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(tmp.resolve("home").toString());
        return CliRun.of(all);
    }

    private JsonNode ingest(Path bundle) throws Exception {
        CliRun r = run("ingest", "--case", CASE, "--json", bundle.toString());
        assertTrue(r.code() == 0, r.out() + r.err());
        return Json.mapper().readTree(r.out());
    }

    private JsonNode search(String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of("search", "--case", CASE, "--json", "--limit", "50"));
        args.addAll(List.of(words));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        return Json.mapper().readTree(r.out());
    }

    /** The documents a search's hits are in. */
    private static List<String> docs(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("hits").forEach(h -> out.add(h.path("docId").asText()));
        return out.stream().distinct().sorted().toList();
    }

    private static Map<String, JsonNode> lines(JsonNode receipt) {
        Map<String, JsonNode> out = new TreeMap<>();
        receipt.path("files").forEach(f -> out.put(f.path("path").asText(), f));
        return out;
    }

    private static String docId(String text) {
        return Sha256.ofText(text).substring(0, 16);
    }

    private static Path folder(Path at, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = at.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return at;
    }

    private static Path zip(Path zip, Map<String, String> files) throws Exception {
        Files.createDirectories(zip.getParent());
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void aCorrectedBundleSaysWhatItReplacesAndSearchShowsTheNewestVersion() throws Exception {
        String plan = "Tiltaksplanen evalueres hvert halvår av koordinatoren.\n";
        String old = "Gammelt referat om tiltaksplanen fra høsten.\n";
        Path first = folder(tmp.resolve("mottatt").resolve(CASE), Map.of(NOTE, FIRST, "journaler/plan.txt", plan,
                "journaler/gammel.txt", old));
        JsonNode firstReceipt = ingest(first);
        lines(firstReceipt).values().forEach(l -> assertFalse(l.has("newVersionOf"), "nothing earlier: " + l));

        // a quotation from the first content
        JsonNode hit = search("\"foreldrene hver uke\"").path("hits").get(0);
        String oldPassage = hit.path("passageId").asText();
        assertEquals(0, run("finding", "create", "--case", CASE, "--kind", "avvik", "--title", "Sjelden kontakt").code());
        CliRun attached = run("finding", "attach", "--case", CASE, "avvik-1", "--passage", oldPassage, "--quote",
                "Koordinatoren ringer foreldrene hver uke");
        assertEquals(0, attached.code(), attached.out() + attached.err());
        CliRun verifiedBefore = run("verify", "--case", CASE);
        assertEquals(0, verifiedBefore.code(), verifiedBefore.out());

        // The corrected bundle, as a zip of the same name: the note replaced, a file added, the old report left out.
        String added = "Nytt referat fra ansvarsgruppen om tiltaksplanen.\n";
        Path corrected = zip(tmp.resolve("rettet").resolve(CASE + ".zip"), Map.of(NOTE, CORRECTED, "journaler/plan.txt", plan,
                "journaler/ny.txt", added));
        JsonNode receipt = ingest(corrected);
        Map<String, JsonNode> lines = lines(receipt);
        assertEquals(docId(FIRST), lines.get(NOTE).path("newVersionOf").asText(), receipt.toString());
        assertEquals("indexed", lines.get(NOTE).path("status").asText());
        assertFalse(lines.get("journaler/plan.txt").has("newVersionOf"), "unchanged: " + lines.get("journaler/plan.txt"));
        assertFalse(lines.get("journaler/ny.txt").has("newVersionOf"), "new: " + lines.get("journaler/ny.txt"));
        CliRun text = run("ingest", "--case", CASE, corrected.toString());
        assertTrue(text.out().lines().findFirst().orElseThrow().endsWith("0 indexed, 3 duplicate, 0 failed, 0 containers"),
                "an unchanged bundle again has no new version: " + text.out());

        // Search: the newest version only, unless all are asked for; the file left out is still there.
        assertEquals(List.of(docId(CORRECTED)), docs(search("\"ringer foreldrene\"")));
        assertEquals(List.of(docId(CORRECTED), docId(FIRST)).stream().sorted().toList(),
                docs(search("--all-versions", "\"ringer foreldrene\"")));
        JsonNode uke = search("\"foreldrene hver uke\"");
        assertTrue(docs(uke).stream().noneMatch(docId(FIRST)::equals), "the earlier version is left out: " + uke);
        assertEquals(List.of(docId(FIRST)), docs(search("--all-versions", "\"foreldrene hver uke\"")));
        assertEquals(List.of(docId(old)), docs(search("\"gammelt referat\"")), "a file left out of a bundle is not withdrawn");
        JsonNode all = search("--all-versions", "tiltaksplanen");
        long current = 0;
        for (JsonNode h : all.path("hits")) {
            current += h.path("docId").asText().equals(docId(FIRST)) ? 0 : 1;
        }
        assertTrue(current < all.path("total").asLong(), all.toString());
        JsonNode newestOnly = search("tiltaksplanen");
        assertEquals(current, newestOnly.path("total").asLong(), "counted without the earlier version: " + newestOnly);
        assertEquals(current, newestOnly.path("facets").path("case").path(CASE).asLong(), newestOnly.path("facets").toString());

        // show and document of the earlier version name the newer one
        CliRun shown = run("show", oldPassage);
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("A newer version of " + NOTE + " is in the case: document " + CASE + "/" + docId(CORRECTED)),
                shown.out());
        CliRun doc = run("document", CASE + "/" + docId(FIRST), "--json");
        assertEquals(docId(CORRECTED), Json.mapper().readTree(doc.out()).path("newerVersion").path("docId").asText(), doc.out());
        CliRun newest = run("document", CASE + "/" + docId(CORRECTED), "--json");
        assertFalse(Json.mapper().readTree(newest.out()).has("newerVersion"), newest.out());

        // "like this" leaves the earlier version out too: the corrected note's passage is most like its first content
        String newPassage = search("\"ringer foreldrene\"").path("hits").get(0).path("passageId").asText();
        JsonNode like = search("--like", newPassage);
        assertFalse(docs(like).isEmpty(), like.toString());
        assertTrue(docs(like).stream().noneMatch(docId(FIRST)::equals), "the earlier version is left out: " + like);

        // the quotation from the earlier content verifies as before (its bundle folder holds it unchanged)
        CliRun verified = run("verify", "--case", CASE);
        assertEquals(verifiedBefore.code(), verified.code(), verified.out());
        assertEquals(verifiedBefore.out(), verified.out());

        // The first bundle again: the note went back to its first content, which is the newest again.
        JsonNode back = ingest(first);
        assertEquals(docId(CORRECTED), lines(back).get(NOTE).path("newVersionOf").asText(), back.toString());
        assertEquals("duplicate", lines(back).get(NOTE).path("status").asText());
        assertEquals(List.of(docId(FIRST)), docs(search("\"ringer foreldrene\"")));
    }

    @Test
    void aBundleOfAnotherNameWithTheSamePathIsNoNewVersion() throws Exception {
        ingest(folder(tmp.resolve("a").resolve("fjordvik-skole"), Map.of(NOTE, FIRST)));
        JsonNode other = ingest(folder(tmp.resolve("b").resolve("fjordvik-barnevern"), Map.of(NOTE, CORRECTED)));
        assertNull(lines(other).get(NOTE).get("newVersionOf"), other.toString());
        assertEquals(List.of(docId(CORRECTED), docId(FIRST)).stream().sorted().toList(),
                docs(search("\"ringer foreldrene\"")));
    }
}

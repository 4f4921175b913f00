package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.CliRun;

/**
 * {@code evidens verify} keeps its outcome as the case's last check and is in the audit trail; {@code evidens export}
 * says on stderr when the quotations were last checked and how it went, its stdout, exit code and file unchanged.
 */
class QuotationCheckCliTest {
    @TempDir
    Path tmp;

    private static CliRun run(CaseFixture fx, String... args) {
        return fx.cli(args);
    }

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    /** Exports as Markdown and checks that only stderr speaks of the check; returns stderr's line on it. */
    private String export(CaseFixture fx, String name, String stdout) throws Exception {
        return export(fx, name, stdout, 1);
    }

    private String export(CaseFixture fx, String name, String stdout, int quotations) throws Exception {
        Path out = tmp.resolve(name);
        CliRun e = run(fx, "export", "--case", CaseFixture.CASE, "--format", "md", "--out", out.toString());
        assertEquals(0, e.code(), e.err());
        assertEquals("Exported 1 finding with " + quotations + " quotation" + (quotations == 1 ? "" : "s") + " of case " + CaseFixture.CASE
                + " to " + out + stdout, e.out().strip(), "stdout as before");
        assertTrue(Files.size(out) > 0);
        return e.err().strip();
    }

    @Test
    void verifyKeepsItsOutcomeAndIsInTheTrailAndExportSaysIt() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String c = CaseFixture.CASE;
        assertTrue(fx.quoteTheSecondPassage());
        assertEquals("note: the quotations of case " + c + " have not been checked (see: evidens verify --case " + c + ")",
                export(fx, "for-kontroll.md", ""));
        String before = Files.readString(tmp.resolve("for-kontroll.md"));

        CliRun ok = run(fx, "verify", "--case", c, "--user", "ola");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("1 quotation checked: {ok=1}"), ok.out());
        // kept in the home as the case's last check (read as JSON: the test compiles against the code before this record)
        com.fasterxml.jackson.databind.JsonNode kept = Json.mapper().readTree(fx.home.resolve("checks").resolve(c + ".json").toFile());
        assertEquals("ola", kept.get("by").asText());
        assertEquals(1, kept.get("quotations").size());
        assertEquals(Verification.OK, kept.get("quotations").get(0).get("status").asText());
        String said = export(fx, "etter-kontroll.md", "");
        assertTrue(said.matches("note: the quotations of case " + c + " were last checked " + TIME + " by ola: the quotation matches its source"), said);
        assertEquals(before, Files.readString(tmp.resolve("etter-kontroll.md")), "the export's file itself is unchanged");

        // the trail: who checked, from the command line (as the workspace's check is recorded)
        CliRun trail = run(fx, "audit", "--case", c);
        assertTrue(trail.out().lines().anyMatch(l -> l.matches("#\\d+ \\S+ ola verify-quotations .*\\(evidens verify\\)")), trail.out());

        // the source changed: the next check says so, and the export with it
        Files.writeString(fx.bundle.resolve(CaseFixture.FILE), CaseFixture.TEXT + "\n\nEndret.", StandardCharsets.UTF_8);
        CliRun changed = run(fx, "verify", "--case", c);
        assertEquals(3, changed.code(), "exit code as before");
        said = export(fx, "endret.md", "");
        assertTrue(said.matches("note: the quotations of case " + c + " were last checked " + TIME + " by \\S+: 1 of 1 do not match their source"), said);

        // a quotation attached after the check: not in it, and said so
        assertEquals(0, run(fx, "finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(3),
                "--quote", "Rutinen er ikke evaluert").code());
        said = export(fx, "ny-sitat.md", "", 2);
        assertTrue(said.matches(".*: 1 of 1 do not match their source; 1 quotation was attached after it"), said);

        // a bundle ingested into the case after the check (its receipt written later than the check began): unchanged,
        // it brings nothing new; with a document indexed, the check may be out of date
        Json.write(Map.of("case", c, "bundle", fx.bundle.toString(), "files", List.of(),
                "counts", Map.of("indexed", 0, "duplicate", 3, "failed", 0, "containers", 0)),
                fx.home.resolve("receipts").resolve(c + "-29990629-120000-000.json"));
        said = export(fx, "uendret-innlesing.md", "", 2);
        assertTrue(said.matches(".*: 1 of 1 do not match their source; 1 quotation was attached after it"), said);
        Json.write(Map.of("case", c, "bundle", fx.bundle.toString(), "files", List.of(),
                "counts", Map.of("indexed", 1, "duplicate", 2, "failed", 0, "containers", 0)),
                fx.home.resolve("receipts").resolve(c + "-29990630-120000-000.json"));
        said = export(fx, "etter-innlesing.md", "", 2);
        // a receipt is named by the local time it was written at: the instant said is that time in this machine's zone
        String ingested = java.time.LocalDateTime.of(2999, 6, 30, 12, 0).atZone(java.time.ZoneId.systemDefault()).toInstant().toString();
        assertTrue(said.matches(".*1 of 1 do not match their source; 1 quotation was attached after it; a bundle was ingested into the case after that check \\("
                + java.util.regex.Pattern.quote(ingested) + "\\): run evidens verify again"), said);
    }

    /**
     * A check that fails (here the index cannot be read: its segment files overwritten) is kept beside the last finished
     * check, which stands: the record keeps ola's outcome and adds kari's failure, {@code verify} says so on stderr (exit 1),
     * and the export's line says what the finished check found and that a later one failed. The next finished check
     * replaces both. (Before, a failed check was kept nowhere: the record, and export, said nothing of it.)
     */
    @Test
    void aFailedCheckIsKeptBesideTheLastFinishedOneAndExportSaysBoth() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String c = CaseFixture.CASE;
        assertTrue(fx.quoteTheSecondPassage());
        assertEquals(0, run(fx, "verify", "--case", c, "--user", "ola").code());

        Path index = fx.home.resolve("index");
        Path aside = tmp.resolve("indeks-kopi");
        org.apache.commons.io.FileUtils.copyDirectory(index.toFile(), aside.toFile());
        try (var files = Files.list(index)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.writeString(f, "ikke en indeks");
            }
        }
        CliRun failed = run(fx, "verify", "--case", c, "--user", "kari");
        assertEquals(1, failed.code(), failed.out() + failed.err());
        assertTrue(failed.err().startsWith("note: this check of case " + c + " failed (the search index could not be read); kept beside "
                + "the last finished check, which stands"), failed.err());
        com.fasterxml.jackson.databind.JsonNode kept = Json.mapper().readTree(fx.home.resolve("checks").resolve(c + ".json").toFile());
        assertEquals("ola", kept.get("by").asText(), "the last finished check stands: " + kept);
        assertEquals(Verification.OK, kept.get("quotations").get(0).get("status").asText());
        assertEquals("kari", kept.get("failed").get("by").asText(), kept.toString());
        assertEquals("index", kept.get("failed").get("reason").asText(), kept.toString());

        org.apache.commons.io.FileUtils.deleteDirectory(index.toFile());
        org.apache.commons.io.FileUtils.copyDirectory(aside.toFile(), index.toFile());
        String said = export(fx, "etter-feil.md", "");
        assertTrue(said.matches("note: the quotations of case " + c + " were last checked " + TIME + " by ola: the quotation matches its source;"
                + " a later check \\(" + TIME + " by kari\\) failed: the search index could not be read"), said);

        assertEquals(0, run(fx, "verify", "--case", c, "--user", "ola").code());
        kept = Json.mapper().readTree(fx.home.resolve("checks").resolve(c + ".json").toFile());
        assertTrue(kept.get("failed") == null, "a finished check replaces both: " + kept);
        said = export(fx, "igjen.md", "");
        assertTrue(said.matches("note: the quotations of case " + c + " were last checked " + TIME + " by ola: the quotation matches its source"), said);
    }
}

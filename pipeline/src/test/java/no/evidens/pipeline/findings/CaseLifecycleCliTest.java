package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.IndexReleases;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;

/** Closing a case and deleting its journals: read-only after, the quotations kept, verify says "source deleted". */
class CaseLifecycleCliTest {
    @TempDir
    Path tmp;
    CaseFixture fx;
    String out;
    String err;

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(fx.home.toString());
        CliRun r = CliRun.of(all);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void aClosedCaseIsReadOnlyAndItsJournalsAreDeletedWithTheirQuotationsKept() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--title", "Ingen oversikt"), err);
        assertEquals(0, run("finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2)), err);
        assertEquals(1, run("case", "delete-records", "--case", c));
        assertTrue(err.contains("is open: close it first"), err);

        assertEquals(0, run("case", "close", "--case", c, "--user", "leder"), err);
        assertTrue(out.startsWith("Closed case " + c + " (leder, "), out);
        assertEquals(1, run("finding", "create", "--case", c, "--kind", "merknad", "--title", "Ny"));
        assertTrue(err.contains("case " + c + " was closed by leder on") && err.contains("read-only"), err);
        assertEquals(1, run("finding", "edit", "avvik-1", "--case", c, "--title", "Endret"));
        assertTrue(err.contains("read-only"), err);
        assertEquals(1, run("case", "close", "--case", c));

        Path source = fx.bundle.resolve(CaseFixture.FILE);
        assertTrue(Files.exists(source));
        assertEquals(0, run("case", "delete-records", "--case", c, "--user", "leder"), err);
        assertTrue(out.contains("journal             " + CaseFixture.FILE + " (" + fx.docId + "): file deleted"), out);
        assertTrue(out.contains("Deleted 1 journal and client record of case " + c), out);
        assertFalse(Files.exists(source), "the source file is deleted from its bundle");
        try (EvidenceSearcher s = new EvidenceSearcher(fx.home.resolve("index"), NorwegianAnalysis.queryAnalyzer(null))) {
            assertTrue(s.document(c, fx.docId).isEmpty(), "the document is gone from the index");
            assertTrue(s.passage(fx.passageId(2)).isEmpty(), "and its passages");
            assertTrue(s.passagesOf(c, fx.docId).isEmpty(), "every one of them");
        }

        assertEquals(0, run("finding", "show", "avvik-1", "--case", c), err);
        assertTrue(out.contains("Det finnes ingen samlet oversikt over ansvarsgrupper i kommunen."), "the quotation is kept: " + out);
        assertEquals(0, run("verify", "--case", c), err);
        assertTrue(out.contains("source deleted avvik-1"), out);
        assertTrue(out.contains("was deleted by leder on"), out);
        assertFalse(out.contains("changed"), out);

        assertEquals(0, run("audit", "--case", c, "--user", "leder"), err);
        List<String> actions = out.lines().map(l -> l.split(" ")[3]).toList();
        assertEquals(List.of("case-close", "record-delete", "records-delete"), actions, out);
        // the details in Bokmål, as the trail's are (the outcome was English: "journal, fil deleted"; "1 journaler")
        assertTrue(out.contains("(journal, fil slettet)"), out);
        assertTrue(out.contains("(1 journal eller klientdokument)"), out);
    }

    @Test
    void aFileAnotherCaseWasIngestedFromIsLeftInItsBundle() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        // the same bundle ingested into a second case of the home
        no.evidens.pipeline.Json.write(java.util.Map.of("case", "lyngvik-2026", "bundle", fx.bundle.toString(),
                "files", List.of(java.util.Map.of("path", CaseFixture.FILE, "sha256", fx.sha256, "type", "journal", "status", "indexed"))),
                fx.home.resolve("receipts").resolve("lyngvik-2026-20260102-000000-000Z.json"));
        assertEquals(0, run("case", "close", "--case", c), err);
        assertEquals(0, run("case", "delete-records", "--case", c), err);
        assertTrue(out.contains(CaseFixture.FILE + " (" + fx.docId + "): file not deleted: case lyngvik-2026 holds the same file of "
                + "this bundle"), out);
        assertTrue(Files.exists(fx.bundle.resolve(CaseFixture.FILE)), "the other case's source is still there");
    }

    @Test
    void deletingTheRecordsMarksTheIndexLetGoSoThatAnUploadWaitingForItGoesOnAtOnce() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        IndexReleases releases = new IndexReleases(fx.home); // what a server waiting for the index's writer reads
        assertEquals(0, run("case", "close", "--case", CaseFixture.CASE), err);
        assertFalse(releases.marked(), "closing a case does not write the index");
        assertEquals(0, run("case", "delete-records", "--case", CaseFixture.CASE), err);
        assertTrue(releases.marked(), "the command's writer marked its release when closed");
    }

    @Test
    void theRecordsOfACaseTheHomeDoesNotKnowAreNotTakenForAnOpenCase() throws Exception {
        fx = CaseFixture.create(tmp, "journal");
        assertEquals(2, run("case", "delete-records", "--case", "testvik-2062"));
        assertTrue(err.startsWith("evidens: there is no case testvik-2062 in "), err);
    }
}

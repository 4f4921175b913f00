package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/** A new user's slips with the findings commands, each told in one line that says what to do (round 49's walk). */
class FindingSlipsCliTest {
    @TempDir
    Path tmp;

    @Test
    void aFindingInACaseTheHomeDoesNotKnowIsMadeAndSaidToStartANewCase() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun misspelt = CliRun.inHome(fx.home, "finding", "create", "--case", "testvik-2062", "--kind", "avvik", "--title", "T");
        assertEquals(0, misspelt.code(), misspelt.err());
        assertEquals("Created avvik-1 (Avvik 1) in case testvik-2062", misspelt.out().strip());
        assertEquals("note: there is no case testvik-2062 in " + fx.home + ": no bundle was ingested into it, it has no finding and "
                + "no member (the cases: " + CaseFixture.CASE + "); the finding starts it (a misspelt --case? evidens finding delete "
                + "--case testvik-2062 avvik-1 takes it away)", misspelt.err().strip());
        CliRun known = CliRun.inHome(fx.home, "finding", "create", "--case", CaseFixture.CASE, "--kind", "avvik", "--title", "T");
        assertEquals(0, known.code(), known.err());
        assertEquals("", known.err());
        CliRun again = CliRun.inHome(fx.home, "finding", "create", "--case", "testvik-2062", "--kind", "merknad", "--title", "T");
        assertEquals("", again.err(), "the case has a finding now");
    }

    @Test
    void aTextFileThatIsNotThereIsNamedOnce() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path missing = tmp.resolve("funn.txt");
        CliRun r = CliRun.inHome(fx.home, "finding", "create", "--case", CaseFixture.CASE, "--kind", "avvik", "--title", "T",
                "--text", "@" + missing);
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: no such file: " + missing + " (a text that starts with @ is read from that file)", r.err().strip());
    }

    @Test
    void anAttachWithoutAPassageOrSearchSaysSoWithoutPicocliWords() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun.inHome(fx.home, "finding", "create", "--case", CaseFixture.CASE, "--kind", "avvik", "--title", "T");
        CliRun r = CliRun.inHome(fx.home, "finding", "attach", "--case", CaseFixture.CASE, "avvik-1");
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: Missing required argument (specify one of these): (--passage=ID | --search=QUERY) "
                + "(see: evidens finding attach --help)", r.err().strip());
    }

    @Test
    void importOfAFileThatIsNotJsonSaysWhichFileImportReads() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path md = java.nio.file.Files.writeString(tmp.resolve("funn.md"), "# Tilsynets funn\n");
        CliRun r = CliRun.inHome(fx.home, "import", md.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: cannot read " + md + " as exported findings: it is not JSON (line 1); import reads a file made by "
                + "evidens export --format json", r.err().strip());
    }

    @Test
    void aMoveToWhereTheQuotationAlreadyIsSaysSoAndRecordsNothing() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String c = CaseFixture.CASE;
        CliRun.inHome(fx.home, "finding", "create", "--case", c, "--kind", "avvik", "--title", "T");
        CliRun.inHome(fx.home, "finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2));
        String history = CliRun.inHome(fx.home, "finding", "history", "--case", c, "--json").out();
        String trail = CliRun.inHome(fx.home, "audit", "--case", c).out();

        CliRun r = CliRun.inHome(fx.home, "finding", "move", "--case", c, "#1", "--position", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("#1 is already at avvik-1, position 1: nothing changed", r.out().strip());
        assertEquals(trail, CliRun.inHome(fx.home, "audit", "--case", c).out(), "nothing in the trail");
        assertEquals(history, CliRun.inHome(fx.home, "finding", "history", "--case", c, "--json").out(), "no history line");
    }
}

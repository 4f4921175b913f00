package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/**
 * A misspelt case or inbox is told as such (one line, exit 2), not taken for an empty one: {@code verify} of a case
 * that is not there is no "0 quotations checked", {@code case close} does not close a case for good before its first
 * bundle, and {@code watch} does not make and watch a folder nobody drops into.
 */
class MisspeltNamesCliTest {
    @TempDir
    Path tmp;

    @Test
    void verifyAndCloseRefuseACaseThatIsNotThere() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String home = fx.home.toString();
        CliRun verify = CliRun.of("verify", "--case", "testvik-2062", "--home", home);
        assertEquals(2, verify.code(), verify.out() + verify.err());
        assertEquals("evidens: there is no case testvik-2062 in " + home + ": no bundle was ingested into it, it has no finding and no member"
                + " (the cases: testvik-2026)\n", verify.err());
        assertEquals("", verify.out());

        CliRun close = CliRun.of("case", "close", "--case", "testvik-2062", "--home", home);
        assertEquals(2, close.code(), close.out() + close.err());
        assertTrue(close.err().startsWith("evidens: there is no case testvik-2062 in "), close.err());
        CliRun audit = CliRun.of("audit", "--case", "testvik-2062", "--home", home);
        assertFalse(audit.out().contains("case-close"), "nothing closed: " + audit.out());

        CliRun known = CliRun.of("verify", "--case", CaseFixture.CASE, "--home", home);
        assertEquals(0, known.code(), known.err());
        assertTrue(known.out().contains("0 quotations checked: none"), known.out());
        assertEquals(0, CliRun.of("case", "close", "--case", CaseFixture.CASE, "--home", home).code());
    }

    @Test
    void watchRefusesAnInboxThatIsNotAFolder() throws Exception {
        Path missing = tmp.resolve("innboks");
        CliRun run = CliRun.of("watch", "--inbox", missing.toString(), "--once", "--home", tmp.resolve("home").toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals("evidens: there is no folder " + missing + ": make the inbox first (mkdir), or check its name\n", run.err());
        assertFalse(Files.exists(missing), "not made");

        Path file = Files.writeString(tmp.resolve("bunke.zip"), "x");
        CliRun onFile = CliRun.of("watch", "--inbox", file.toString(), "--once", "--home", tmp.resolve("home").toString());
        assertEquals(2, onFile.code(), onFile.out() + onFile.err());
        assertEquals("evidens: the inbox " + file + " is a file, not a folder\n", onFile.err());
    }
}

package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Which runs count as having done their command's work, so that the archive they write is kept. */
class ArchiveVerdictTest {
    private static CommandLine.ParseResult parsed(String... args) {
        return EvidensCli.commandLine().parseArgs(args);
    }

    @Test
    void aCommandThatEndedWellOrWithSomeFileFailedDidItsWork() {
        assertTrue(ArchiveVerdict.didItsWork(parsed("ingest", "bundle", "--case", "t"), 0));
        assertTrue(ArchiveVerdict.didItsWork(parsed("ingest", "bundle", "--case", "t"), 3));
    }

    @Test
    void helpVersionAndErrorsDidNot() {
        assertFalse(ArchiveVerdict.didItsWork(parsed("ingest", "--help"), 0));
        assertFalse(ArchiveVerdict.didItsWork(parsed("ingest", "-h"), 0));
        assertFalse(ArchiveVerdict.didItsWork(parsed("--version"), 0));
        assertFalse(ArchiveVerdict.didItsWork(parsed("help", "ingest"), 0));
        assertFalse(ArchiveVerdict.didItsWork(parsed(), 0));
        assertFalse(ArchiveVerdict.didItsWork(null, 2));
        for (int exitCode : new int[] {1, 2, 4}) {
            assertFalse(ArchiveVerdict.didItsWork(parsed("ingest", "bundle", "--case", "t"), exitCode));
        }
    }
}

package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/** {@code evidens document}'s first line counts the query's matches in plain English: one match, two matches. */
class DocumentCommandTest {
    @TempDir
    Path tmp;

    @Test
    void oneMatchIsCountedInTheSingular() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String home = fx.home.toString();
        CliRun one = CliRun.of("document", fx.docId, "--case", CaseFixture.CASE, "--query", "evaluert", "--home", home);
        assertEquals(0, one.code(), one.err());
        String first = one.out().lines().findFirst().orElseThrow();
        assertTrue(first.endsWith(", 1 match of evaluert"), first);

        CliRun two = CliRun.of("document", fx.docId, "--case", CaseFixture.CASE, "--query", "Nordmann", "--home", home);
        assertEquals(0, two.code(), two.err());
        String header = two.out().lines().findFirst().orElseThrow();
        assertTrue(header.endsWith(", 2 matches of Nordmann"), header);
    }
}

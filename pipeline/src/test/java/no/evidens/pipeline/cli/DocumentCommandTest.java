package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/**
 * {@code evidens document}'s first line counts the query's matches in plain English: one match, two matches. The document
 * is given as its id with {@code --case}, or as search shows it: case/document, or a whole passage id.
 */
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

    @Test
    void theDocumentMayBeGivenAsSearchShowsIt() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String home = fx.home.toString();
        CliRun byId = CliRun.of("document", fx.docId, "--case", CaseFixture.CASE, "--home", home);
        assertEquals(0, byId.code(), byId.err());

        String caseAndDocument = CaseFixture.CASE + "/" + fx.docId;
        for (List<String> args : List.of(List.of(caseAndDocument), List.of(caseAndDocument, "--case", CaseFixture.CASE),
                List.of(caseAndDocument + "/0"))) {
            List<String> all = new ArrayList<>(List.of("document"));
            all.addAll(args);
            all.addAll(List.of("--home", home));
            CliRun run = CliRun.of(all);
            assertEquals(0, run.code(), args + ": " + run.err());
            assertEquals(byId.out(), run.out(), "the same document for " + args);
        }
    }

    @Test
    void aCaseThatDoesNotMatchOrNoCaseAtAllIsRefusedInOneLine() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String home = fx.home.toString();
        CliRun other = CliRun.of("document", CaseFixture.CASE + "/" + fx.docId, "--case", "annen-2026", "--home", home);
        assertEquals(2, other.code(), other.err());
        assertEquals("evidens: the document " + CaseFixture.CASE + "/" + fx.docId + " is in case " + CaseFixture.CASE
                + ", not in --case annen-2026: leave --case out, or give the document of that case", other.err().strip());

        CliRun none = CliRun.of("document", fx.docId, "--home", home);
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("which case? give --case CASE, or the document as case/document"), none.err());

        CliRun noCase = CliRun.of("document", "annen-2026/" + fx.docId, "--home", home);
        assertEquals(2, noCase.code(), noCase.err());
        assertTrue(noCase.err().startsWith("evidens: there is no case annen-2026 in "), noCase.err());

        CliRun odd = CliRun.of("document", CaseFixture.CASE + "/" + fx.docId + "/tre", "--home", home);
        assertEquals(2, odd.code(), odd.err());
        assertTrue(odd.err().contains("is not a document"), odd.err());
    }
}

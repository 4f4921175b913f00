package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/** {@code evidens search --offset N} pages: the next page's hits go on numbering where the first page stopped. */
class SearchPagingCliTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondPageNumbersItsHitsAfterTheFirstPage() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun first = CliRun.of("search", "--home", fx.home.toString(), "--limit", "1", "ansvarsgruppe");
        CliRun second = CliRun.of("search", "--home", fx.home.toString(), "--limit", "1", "--offset", "1", "ansvarsgruppe");
        assertEquals(0, second.code(), second.err());
        List<String> firstHits = hitLines(first.out());
        List<String> secondHits = hitLines(second.out());
        assertEquals(1, firstHits.size(), first.out());
        assertEquals(1, secondHits.size(), second.out());
        assertTrue(firstHits.get(0).startsWith("1. "), first.out());
        assertTrue(secondHits.get(0).startsWith("2. "), second.out());
        assertTrue(!secondHits.get(0).substring(3).equals(firstHits.get(0).substring(3)), "the second page shows another hit");
    }

    @Test
    void likeAPassagePagesWithOffsetAndRefusesAnotherCase() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String home = fx.home.toString();
        CliRun all = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--limit", "5");
        CliRun second = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--limit", "5", "--offset", "1");
        assertEquals(0, second.code(), second.err());
        assertEquals(1, hitLines(all.out()).size(), all.out());
        assertTrue(hitLines(all.out()).get(0).startsWith("1. "), all.out());
        assertEquals(List.of(), hitLines(second.out()), "the fixture's one like passage is skipped by --offset 1");

        CliRun ownCase = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--case", CaseFixture.CASE, "--limit", "5");
        assertEquals(hitLines(all.out()), hitLines(ownCase.out()));
        CliRun otherCase = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--case", "annen-sak");
        assertEquals(2, otherCase.code(), otherCase.out());
        assertEquals("evidens: --like " + fx.passageId(2) + " searches its own case " + CaseFixture.CASE + ", not --case annen-sak",
                otherCase.err().strip());
    }

    @Test
    void likeAPassageOfOneDocumentTypeOnly() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        String home = fx.home.toString();
        // a journal in the same case that speaks of the same thing as the routine's second passage
        String journal = "Journalen viser ingen samlet oversikt over ansvarsgrupper for barnet.";
        String sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        String docId = sha.substring(0, 16);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(fx.home.resolve("index"))) {
            w.add(new IndexedDocument(docId, CaseFixture.CASE, "journaler/notat.txt", "journal", "Notat", sha, "text/plain",
                    journal, List.of(0)),
                    List.of(new Passage(CaseFixture.CASE + "/" + docId + "/1", CaseFixture.CASE, docId, "journaler/notat.txt",
                            "journal", "Notat", "", 1, 0, journal.length(), journal, List.of(), List.of())));
            w.commit();
        }
        CliRun all = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--limit", "5");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("journaler/notat.txt") && all.out().contains(CaseFixture.FILE), all.out());

        CliRun journals = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--type", "journal", "--user", "kari");
        assertEquals(0, journals.code(), journals.err());
        assertEquals(1, hitLines(journals.out()).size(), journals.out());
        assertTrue(journals.out().contains("journaler/notat.txt") && !journals.out().contains(CaseFixture.FILE), journals.out());

        CliRun routines = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--type", "Styringsdokument", "--json");
        assertEquals(0, routines.code(), routines.err());
        assertTrue(routines.out().contains(CaseFixture.FILE) && !routines.out().contains("journaler/notat.txt"), routines.out());

        CliRun misspelt = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--type", "jornal");
        assertEquals(2, misspelt.code(), misspelt.out());
        assertTrue(misspelt.err().startsWith("evidens: --type is styringsdokument, journal"), misspelt.err());
        // the trail says the like passages were of one type, as a search's --type is said
        CliRun trail = CliRun.of("audit", "--home", home, "--case", CaseFixture.CASE, "--user", "kari");
        assertTrue(trail.out().contains("like:" + fx.passageId(2)) && trail.out().contains("type:journal"), trail.out());
    }

    private static List<String> hitLines(String out) {
        return out.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    }
}

package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void likeAPassagePagesWithOffsetAndRefusesWhatItCannotFilterBy() throws Exception {
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
        CliRun typed = CliRun.of("search", "--home", home, "--like", fx.passageId(2), "--type", "journal");
        assertEquals(2, typed.code(), typed.out());
        assertTrue(typed.err().startsWith("evidens: --like takes no --type"), typed.err());
    }

    private static List<String> hitLines(String out) {
        return out.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    }
}

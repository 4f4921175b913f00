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

    private static List<String> hitLines(String out) {
        return out.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    }
}

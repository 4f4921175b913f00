package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/**
 * {@code evidens search} tells a user's slip apart from a search that found nothing; {@code ingest} calls a bundle that is
 * not there a usage error (exit 2), as the README's exit codes and {@code analyze} do.
 */
class CliUsageErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void aCaseTheHomeDoesNotHoldIsAUsageErrorNamingTheCasesThatExist() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun r = CliRun.of("search", "--home", fx.home.toString(), "--case", "testvk-2026", "ansvarsgruppe");
        assertEquals(2, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("evidens: there is no case testvk-2026 in " + fx.home), r.err());
        assertTrue(r.err().contains(CaseFixture.CASE), r.err());
    }

    @Test
    void aCaseNamedInTheQueryThatTheHomeDoesNotHoldIsAUsageErrorToo() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun r = CliRun.of("search", "--home", fx.home.toString(), "ansvarsgruppe", "sak:testvk-2026");
        assertEquals(2, r.code(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("evidens: there is no case testvk-2026 in " + fx.home), r.err());
        CliRun known = CliRun.of("search", "--home", fx.home.toString(), "zzyzxq", "sak:" + CaseFixture.CASE);
        assertEquals(0, known.code(), known.err());
        assertTrue(known.out().startsWith("0 hits for"), known.out());
    }

    @Test
    void aWordNoPassageOfAnExistingCaseHoldsIsStillZeroHits() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun r = CliRun.of("search", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "zzyzxq");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("0 hits for zzyzxq"), r.out());
    }

    @Test
    void aFacetValueNoPassageOfTheCaseCarriesIsAUsageErrorNamingTheValuesThere() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun type = CliRun.of("search", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "ansvarsgruppe", "type:journal");
        assertEquals(2, type.code(), type.out());
        assertEquals("", type.out());
        assertEquals("evidens: no passage in the case " + CaseFixture.CASE + " has type:journal (the values there, the closest first: "
                + "styringsdokument)", type.err().strip());
        CliRun place = CliRun.of("search", "--home", fx.home.toString(), "ansvarsgruppe", "kommune:Atlantis");
        assertEquals(2, place.code(), place.out());
        assertEquals("evidens: no passage in the index has kommune:Atlantis", place.err().strip());
        // a value the case carries, with no passage holding the words too, is still 0 hits
        CliRun carried = CliRun.of("search", "--home", fx.home.toString(), "zzyzxq", "type:Styringsdokument");
        assertEquals(0, carried.code(), carried.err());
        assertTrue(carried.out().startsWith("0 hits for"), carried.out());
    }

    @Test
    void anUnknownDocumentTypeIsAUsageErrorNamingTheTypes() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun r = CliRun.of("search", "--home", fx.home.toString(), "--type", "journaler", "ansvarsgruppe");
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: --type is styringsdokument, journal, klientdokumentasjon or annet, not 'journaler'",
                r.err().strip());
    }

    @Test
    void aTypeWrittenWithCapitalsFindsWhatTheLowerCaseTypeFinds() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun lower = CliRun.of("search", "--home", fx.home.toString(), "--type", "styringsdokument", "ansvarsgrupper");
        CliRun upper = CliRun.of("search", "--home", fx.home.toString(), "--type", "Styringsdokument", "ansvarsgrupper");
        assertEquals(0, upper.code(), upper.err());
        assertTrue(!lower.out().startsWith("0 hits"), lower.out());
        assertEquals(lower.out().lines().skip(1).toList(), upper.out().lines().skip(1).toList());
    }

    @Test
    void aBundleThatIsNotThereIsAUsageError() {
        Path missing = tmp.resolve("fjordvik-2026.zip");
        CliRun r = CliRun.of("ingest", missing.toString(), "--case", "fjordvik-2026", "--home", tmp.resolve("home").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("evidens: no such folder or .zip file: " + missing, r.err().strip());
    }
}

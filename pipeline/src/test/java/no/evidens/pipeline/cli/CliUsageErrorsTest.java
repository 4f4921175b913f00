package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/**
 * {@code evidens search} tells a user's slip apart from a search that found nothing; {@code ingest} calls a bundle that is
 * not there a usage error (exit 2), as the README's exit codes and {@code analyze} do; {@code batch} reports a line that can never
 * match by its line number, runs the others, and exits 2 at the end.
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
    void aBatchLineThatCanNeverMatchIsReportedByItsLineWhileTheOtherLinesRun() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path file = tmp.resolve("sok.txt");
        Files.writeString(file, "ansvarsgruppe\n# kommentar\nansvarsgruppe type:journal\n(ansvarsgruppe\nzzyzxq type:Styringsdokument\n");
        Path hits = tmp.resolve("treff.csv");
        Path matrix = tmp.resolve("matrise.csv");
        CliRun r = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", hits.toString(),
                "--matrix", matrix.toString(), file.toString());
        assertEquals(2, r.code(), r.err());
        String journal = "line 3: no passage in the case " + CaseFixture.CASE
                + " has type:journal (the values there, the closest first: styringsdokument)";
        List<String> err = r.err().lines().toList();
        assertEquals(3, err.size(), r.err());
        assertEquals("evidens: " + journal, err.get(0));
        assertTrue(err.get(1).startsWith("evidens: line 4: "), err.get(1));
        assertEquals("evidens: 2 of 4 queries could not run (lines 3, 4): see the error column of " + hits + " and " + matrix, err.get(2));
        // every line is in the files: the good ones with their counts, the bad ones with why
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(matrix, StandardCharsets.UTF_8))) {
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(4, rows.size());
            assertTrue(Integer.parseInt(rows.get(0).get("total")) > 0, rows.get(0).toString());
            assertEquals("", rows.get(0).get("error"));
            assertEquals(journal, rows.get(1).get("error"));
            assertTrue(rows.get(2).get("error").startsWith("line 4: "), rows.get(2).toString());
            assertEquals("0", rows.get(3).get("total"));
            assertEquals("", rows.get(3).get("error"), "a value the case has, with no passage holding the words too, is 0 hits");
        }
        assertTrue(Files.readString(hits).contains(journal), "the hits file says it too");
        assertTrue(r.out().lines().anyMatch(l -> l.contains("error: " + journal)), r.out());
        // one line that could not run is named as one
        Path one = tmp.resolve("en.txt");
        Files.writeString(one, "ansvarsgruppe\nansvarsgruppe type:journal\n");
        CliRun single = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", hits.toString(),
                "--matrix", matrix.toString(), one.toString());
        assertEquals(2, single.code(), single.err());
        assertTrue(single.err().contains("1 of 2 queries could not run (line 2): "), single.err());
        // a case no bundle was ingested into: the whole batch is refused, as the search refuses it
        CliRun unknown = CliRun.of("batch", "--home", fx.home.toString(), "--case", "testvk-2026", "--out", hits.toString(),
                "--matrix", matrix.toString(), file.toString());
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.err().startsWith("evidens: there is no case testvk-2026 in " + fx.home), unknown.err());
    }

    @Test
    void aBatchCsvThatCannotBeReadIsAUsageErrorNamingItsLine() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path file = tmp.resolve("sok.csv");
        Files.writeString(file, "label,query\nsamarbeid,ansvarsgruppe\nip,\"\"\"individuell plan\n");
        CliRun r = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", tmp.resolve("h.csv").toString(),
                "--matrix", tmp.resolve("m.csv").toString(), file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("evidens: " + file + ": line 3 cannot be read as CSV: a field that starts with a quotation mark must end with one,"
                + " right before the comma or the end of the line, and a quotation mark inside it is doubled"
                + " (ip,\"\"\"individuell plan\"\"\")", r.err().strip());
    }

    @Test
    void aQueryStartingWithAnExcludedWordIsToldToGoAfterTwoDashes() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun r = CliRun.of("search", "--home", fx.home.toString(), "-Nordmann ansvarsgruppe");
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: Unknown option: '-Nordmann ansvarsgruppe' (a query that starts with - goes after --: "
                + "evidens search -- '-Nordmann ansvarsgruppe …'; see: evidens search --help)", r.err().strip());
        CliRun given = CliRun.of("search", "--home", fx.home.toString(), "--", "-Nordmann ansvarsgruppe");
        assertEquals(0, given.code(), given.err());
        // a command without a query keeps the plain message
        CliRun other = CliRun.of("verify", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "-x");
        assertEquals(2, other.code());
        assertEquals("evidens: Unknown option: '-x' (see: evidens verify --help)", other.err().strip());
    }

    @Test
    void aMisspeltOptionIsNamedWithTheOptionsItResemblesNotTakenForAQuery() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        CliRun r = CliRun.of("search", "--home", fx.home.toString(), "ansvarsgruppe", "--limt", "3");
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: Unknown option: '--limt' (did you mean --limit? see: evidens search --help)", r.err().strip());
        CliRun other = CliRun.of("verify", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--jsn");
        assertEquals(2, other.code());
        assertEquals("evidens: Unknown option: '--jsn' (did you mean --json? see: evidens verify --help)", other.err().strip());
    }

    @Test
    void aWordThatIsNoCommandIsNamedAloneWithTheCommandsThereAre() {
        CliRun r = CliRun.of("finding", "frobnicate", "--case", "fjordvik-2026");
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: there is no command 'frobnicate' in evidens finding (the commands: create, edit, list, show, attach, "
                + "detach, move, order, delete, history, submit, approve, reopen) (see: evidens finding --help)", r.err().strip());
        CliRun close = CliRun.of("finding", "atach", "--case", "fjordvik-2026");
        assertTrue(close.err().contains("(did you mean attach? see: evidens finding --help)"), close.err());
    }

    @Test
    void aModelsFileOrFolderThatIsNotThereIsAUsageErrorOfOneLine() {
        Path conllu = tmp.resolve("nob-test.conllu");
        CliRun eval = CliRun.of("models", "eval", "--conllu", conllu.toString());
        assertEquals(2, eval.code(), eval.out());
        assertEquals("evidens: no such file: " + conllu, eval.err().strip());
        Path data = tmp.resolve("ndt-nob-train");
        CliRun train = CliRun.of("models", "train", "--data", data.toString(), "--out", tmp.resolve("ut").toString());
        assertEquals(2, train.code(), train.out());
        assertEquals("evidens: no such folder: " + data + " (--data is the treebank's folder)", train.err().strip());
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

    @Test
    void oneFileThatIsNotAZipIsAUsageError() throws Exception {
        Path pdf = Files.createDirectories(tmp.resolve("bunke")).resolve("notat.pdf");
        Files.writeString(pdf, "tekst");
        CliRun r = CliRun.of("ingest", pdf.toString(), "--case", "fjordvik-2026", "--home", tmp.resolve("home").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("evidens: a bundle is a folder or a .zip file: " + pdf + " (give the folder it lies in)", r.err().strip());
    }
}

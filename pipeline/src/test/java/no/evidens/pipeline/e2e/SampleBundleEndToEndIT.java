package no.evidens.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;

import no.evidens.corpus.SampleBundle;
import no.evidens.corpus.SampleDocument;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.cli.EvidensCli;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * A bundle in, a cited search hit out: the sample bundle through the whole flow, on the sample home the
 * integration tests share ({@link SampleHome}).
 */
class SampleBundleEndToEndIT {
    private final Path bundle = SampleHome.shared().bundle();
    private final EvidensHome home = SampleHome.shared().home();
    private final Receipt receipt = SampleHome.shared().receipt();
    private final List<SampleDocument> docs = SampleBundle.documents();
    /** A copy for the commands: show, search and document write the audit trail, and the shared home is read only. */
    private static EvidensHome commandHome;

    private static synchronized String commandHome() throws IOException {
        if (commandHome == null) {
            commandHome = SampleHome.shared().copy();
        }
        return commandHome.root().toString();
    }

    @AfterAll
    static void deleteCommandHome() {
        if (commandHome != null) {
            SampleHome.delete(commandHome.root());
        }
    }

    private SampleDocument multiPagePdf() {
        return docs.stream().filter(d -> d.format().equals("pdf") && d.pageCount() >= 3).findFirst().orElseThrow();
    }

    @Test
    void theReceiptAccountsForEveryFileOnce() {
        Set<String> expected = docs.stream().map(SampleDocument::path).collect(Collectors.toSet());
        List<String> listed = receipt.files().stream().map(ReceiptFile::path).toList();
        assertEquals(expected, Set.copyOf(listed));
        assertEquals(listed.size(), Set.copyOf(listed).size(), "no file twice");
        long distinct = docs.stream().map(SampleDocument::expectedText).distinct().count();
        assertEquals(0, receipt.counts().failed(), () -> receipt.files().toString());
        assertEquals(docs.size() - distinct, receipt.counts().duplicate(), "byte-identical copies are duplicates");
        assertEquals(distinct, receipt.counts().indexed());
        for (ReceiptFile f : receipt.files()) {
            SampleDocument d = docs.stream().filter(x -> x.path().equals(f.path())).findFirst().orElseThrow();
            assertEquals(d.type(), f.type(), f.path());
            if (f.status().equals(ReceiptFile.DUPLICATE)) {
                String other = f.reason().replace("the same content as ", "");
                assertTrue(expected.contains(other) && !other.equals(f.path()), "the reason names the other copy: " + f.reason());
            }
            if (f.status().equals(ReceiptFile.INDEXED)) {
                assertEquals(d.pageCount(), f.pages(), "pages of " + f.path());
                assertTrue(f.passages() > 0);
            }
        }
    }

    @Test
    void extractionGivesTheTextOfEveryDocument() throws Exception {
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            for (ReceiptFile f : receipt.files()) {
                if (!f.status().equals(ReceiptFile.INDEXED)) {
                    continue;
                }
                SampleDocument d = docs.stream().filter(x -> x.path().equals(f.path())).findFirst().orElseThrow();
                IndexedDocument indexed = searcher.document(SampleBundle.CASE_ID, f.sha256().substring(0, 16)).orElseThrow();
                assertEquals(d.expectedText(), indexed.text(), "text of " + d.path());
                assertEquals(d.pageStarts(), indexed.pageStarts(), "page starts of " + d.path());
            }
        }
    }

    @Test
    void aKnownPassageOnPageTwoComesBackWithFilePageAndExactOffsets() throws Exception {
        SampleDocument pdf = multiPagePdf();
        String text = pdf.expectedText();
        // A whole paragraph that lies on page 2, found from the source text, not hard-coded.
        int from = pdf.pageStarts().get(1);
        int to = pdf.pageStarts().get(2);
        String paragraph = Arrays.stream(text.substring(from, to).split("\n\n"))
                .filter(p -> p.split(" ").length >= 12 && text.indexOf(p, from) + p.length() <= to)
                .findFirst().orElseThrow();
        String[] words = paragraph.replaceAll("[«»‹›\"“”.,:;()§]", " ").trim().split("\\s+");
        String phrase = String.join(" ", Arrays.copyOfRange(words, 2, 8));
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            SearchResult r = searcher.search(new SearchRequest("\"" + phrase + "\"", SampleBundle.CASE_ID, null, 5));
            assertFalse(r.hits().isEmpty(), "no hit for " + phrase);
            SearchHit hit = r.hits().get(0);
            assertEquals(pdf.path(), hit.file());
            assertEquals(2, hit.page());
            assertEquals(text.substring(hit.start(), hit.end()), hit.text(), "offsets cut exactly the passage text");
            assertTrue(paragraph.contains(hit.text()) || hit.text().contains(words[2]), hit.text());
            assertTrue(no.evidens.pipeline.search.Snippets.html(hit).contains("<mark>"), no.evidens.pipeline.search.Snippets.html(hit));
            assertEquals("styringsdokument", hit.type());
            assertEquals(2, pdf.pageOf(hit.start()));
        }
    }

    @Test
    void reIngestingTheSameBundleAddsNothing() throws Exception {
        EvidensHome home = SampleHome.shared().copy();
        long before;
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            before = searcher.search(new SearchRequest("barnevern OR NAV OR kommune", null, null, 10)).total();
        }
        Receipt again = new Ingestion(home).ingest(SampleBundle.CASE_ID, bundle, ProgressListener.NONE);
        assertEquals(0, again.counts().indexed());
        assertEquals(docs.size(), again.counts().duplicate());
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            assertEquals(before, searcher.search(new SearchRequest("barnevern OR NAV OR kommune", null, null, 10)).total());
        } finally {
            SampleHome.delete(home.root());
        }
    }

    @Test
    void analyzeJsonFollowsTheContract() throws Exception {
        SampleDocument pdf = multiPagePdf();
        StringWriter out = new StringWriter();
        CommandLine cli = EvidensCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("analyze", bundle.resolve(pdf.path()).toString(), "--json");
        assertEquals(0, code);
        JsonNode json = Json.mapper().readTree(out.toString());
        for (String field : List.of("file", "sha256", "mediaType", "language", "pages", "text", "sentences", "quotes",
                "indicators", "legalRefs", "pii", "entities")) {
            assertTrue(json.has(field), "analyze JSON lacks " + field);
        }
        assertEquals("application/pdf", json.get("mediaType").asText());
        assertEquals("nb", json.get("language").asText());
        assertEquals(pdf.pageCount(), json.get("pages").asInt());
        String text = json.get("text").asText();
        assertEquals(pdf.expectedText(), text);
        assertTrue(json.get("sentences").size() > 10);
        for (JsonNode s : json.get("sentences")) {
            int start = s.get("start").asInt();
            int end = s.get("end").asInt();
            assertEquals(text.substring(start, end).strip(), text.substring(start, end));
            assertEquals(pdf.pageOf(start), s.get("page").asInt());
        }
    }

    @Test
    void aHitLeadsToItsContextToLikePassagesAndToItsMarkedDocument() throws Exception {
        SearchHit hit;
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            hit = searcher.search(new SearchRequest("taushetsplikt", SampleBundle.CASE_ID, null, 1)).hits().get(0);
        }
        String show = run("show", "--home", commandHome(), hit.passageId(), "--context", "1");
        assertTrue(show.contains("▶ " + hit.passageId()) && show.contains(hit.text()), show);
        String like = run("search", "--home", commandHome(), "--like", hit.passageId(), "--json");
        JsonNode hits = Json.mapper().readTree(like).get("hits");
        assertTrue(hits.size() > 0);
        for (JsonNode h : hits) {
            assertFalse(h.get("passageId").asText().equals(hit.passageId()), "not the passage itself");
        }
        String doc = run("document", "--home", commandHome(), "--case", SampleBundle.CASE_ID, hit.docId(),
                "--query", "taushetsplikt", "--json");
        JsonNode view = Json.mapper().readTree(doc);
        String text = view.get("document").get("text").asText();
        assertTrue(view.get("marks").size() > 0);
        for (JsonNode m : view.get("marks")) {
            String marked = text.substring(m.get("start").asInt(), m.get("end").asInt()).toLowerCase();
            assertTrue(marked.contains("taushet") || marked.contains("teieplikt"), marked);
        }
    }

    /**
     * A case whose quotation holds a fødselsnummer moves to another home by {@code export --format json} and {@code import}:
     * the export masks the number, the import reads the quotation's own text again from the index of the home it goes to
     * (the bundle ingested there), and {@code verify} passes there. Into a home without the bundle, the import is refused
     * with a line that says why, and nothing is imported.
     */
    @Test
    void aCaseWhoseQuotationHoldsAFodselsnummerIsExportedAndImportedIntoAnotherHomeWhereItVerifies() throws Exception {
        String quote = "Pasient: Roar Storvik. Fødselsnummer: 01017012345.";
        SearchHit hit;
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            hit = searcher.search(new SearchRequest("Roar Storvik fødselsnummer", SampleBundle.CASE_ID, null, 10)).hits().stream()
                    .filter(h -> h.text().contains(quote)).findFirst().orElseThrow();
        }
        Path from = Path.of(commandHome());
        String c = SampleBundle.CASE_ID;
        CliRun r = CliRun.inHome(from, "finding", "create", "--case", c, "--kind", "avvik", "--user", "kari", "--title",
                "Journalen er utlevert uten hjemmel", "--requirement", "helsepersonelloven § 30");
        assertEquals(0, r.code(), r.err());
        r = CliRun.inHome(from, "finding", "attach", "--case", c, "avvik-1", "--passage", hit.passageId(), "--quote", quote);
        assertEquals(0, r.code(), r.err());
        Path json = Files.createTempFile("evidens-export", ".json");
        EvidensHome to = SampleHome.shared().copy();
        Path bare = Files.createTempDirectory("evidens-bare-home");
        try {
            r = CliRun.inHome(from, "export", "--case", c, "--format", "json", "--out", json.toString());
            assertEquals(0, r.code(), r.err());
            String exported = Files.readString(json);
            assertFalse(exported.contains("01017012345"), "no fødselsnummer leaves in the export");
            assertTrue(exported.contains("Fødselsnummer: [fødselsnummer]."), "the export masks it");

            r = CliRun.inHome(bare, "import", json.toString());
            assertEquals(2, r.code(), r.out());
            assertEquals("evidens: quotation 1 of avvik-1 (" + hit.file() + ", characters " + (hit.start() + hit.text().indexOf(quote))
                    + "–" + (hit.start() + hit.text().indexOf(quote) + quote.length()) + ") holds a masked personal number, and its"
                    + " document " + hit.docId() + " is not in this home's index: ingest the case's bundle here, then import again;"
                    + " nothing was imported", r.err().strip());

            r = CliRun.inHome(to.root(), "import", json.toString(), "--user", "per");
            assertEquals(0, r.code(), r.err());
            r = CliRun.inHome(to.root(), "verify", "--case", c);
            assertEquals(0, r.code(), r.out() + r.err());
            JsonNode before = Json.mapper().readTree(CliRun.inHome(from, "finding", "show", "--case", c, "avvik-1", "--json").out());
            JsonNode after = Json.mapper().readTree(CliRun.inHome(to.root(), "finding", "show", "--case", c, "avvik-1", "--json").out());
            for (String field : List.of("quote", "source", "citation", "sha256", "stance", "provenance")) {
                assertTrue(before.get("evidence").get(0).hasNonNull(field), field);
                assertEquals(before.get("evidence").get(0).get(field), after.get("evidence").get(0).get(field), field);
            }
        } finally {
            Files.deleteIfExists(json);
            SampleHome.delete(to.root());
            SampleHome.delete(bare);
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = EvidensCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args), String.join(" ", args));
        return out.toString();
    }

    @Test
    void facetsOfServiceAndYearComeFromTheManifest() throws Exception {
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            SearchResult r = searcher.search(new SearchRequest("ansvarsgruppe", SampleBundle.CASE_ID, null, 5));
            assertTrue(r.facets().get("tjeneste").keySet().containsAll(Set.of("barnevern", "helse")), r.facets().toString());
            assertTrue(r.facets().get("år").containsKey("2025"), r.facets().toString());
            List<SearchHit> byDate = searcher.search(new SearchRequest("ansvarsgruppe", SampleBundle.CASE_ID, null, 100, 0,
                    SearchRequest.Order.DATE)).hits();
            List<java.time.LocalDate> dates = byDate.stream().map(h -> docs.stream().filter(d -> d.path().equals(h.file()))
                    .findFirst().orElseThrow().date()).toList();
            assertEquals(dates.stream().sorted().toList(), dates, "oldest document first");
            long journals = searcher.search(new SearchRequest("tjeneste:helse", SampleBundle.CASE_ID, null, 100)).hits().stream()
                    .filter(h -> !h.type().equals("journal")).count();
            assertEquals(0, journals, "the sample's health documents are its journals");
        }
    }

    @Test
    void searchErrorsAreOneClearLine() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = EvidensCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("search", "--home", commandHome(), "\"taushetsplikt samarbeid");
        assertEquals(2, code);
        String message = err.toString().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("evidens: cannot read the query"), message);
    }
}

package no.evidens.pipeline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.RelevanceJudgements;
import no.evidens.corpus.SampleBundle;
import no.evidens.index.DocumentPart;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.fixture.SolrTestCluster;
import no.evidens.pipeline.ingest.DocIds;
import no.evidens.pipeline.ingest.KeptWorkers;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.web.WebServer;
import no.evidens.solr.SolrEvidenceSink;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTarget;
import no.evidens.solr.SolrTextUpgrade;

/**
 * The sample case on a real SolrCloud (two nodes, two shards of two replicas, started once) against the
 * embedded index: the same hits, facet counts and offsets, more-like-this included; the web workspace's
 * search, passage, document, like and findings calls give the same JSON on both; with a node stopped
 * mid-ingestion, searches answer from the replicas and the ingestion accounts for every file; a document
 * Solr refuses costs only itself (what Solr took of it deleted again), and a replace leaves none of the earlier copy's
 * entries; a document of more passages than one Solr answer holds is listed whole, and its text, stored in pieces, gives
 * the embedded index's windows, as the same document's entry written before the pieces does; a closed case's records
 * are deleted from the collection; documents written before the pieces are upgraded into them with the same windows, the
 * upgrade stopped and run again; a document left half-written is not found until it is written whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private static final String COLLECTION = "sample";
    private static SolrTestCluster cluster;
    private static SampleHome sample;
    private static EvidensHome solrHome;
    private static Receipt solrReceipt;
    private static EvidenceIndex embedded;
    private static EvidenceIndex solr;
    /**
     * One Tika worker for the class's ingestions into the collection, as the workspace's uploads and the inbox read one
     * bundle after another ({@link KeptWorkers}), not a worker started for each: what they prove is the collection's.
     */
    private static KeptWorkers workers;

    @BeforeAll
    static void ingestIntoBoth() throws Exception {
        cluster = SolrTestCluster.shared();
        sample = SampleHome.shared();
        SolrSetup.init(SolrTarget.parse(cluster.address(COLLECTION)), 2, 2);
        Path home = Files.createTempDirectory("evidens-solr-home");
        // The home's setting chooses the engine, as a user's would (no process-wide --solr in a shared test JVM).
        Files.writeString(home.resolve(IndexBackend.SETTINGS), "solr: " + cluster.address(COLLECTION) + "\n");
        solrHome = new EvidensHome(home);
        workers = new KeptWorkers();
        solrReceipt = workers.ingestion(solrHome).ingest(CASE, "Fjordvik", sample.bundle(), ProgressListener.NONE);
        embedded = IndexBackend.of(sample.home()).open();
        solr = IndexBackend.of(solrHome).open();
    }

    @AfterAll
    static void close() throws Exception {
        workers.close();
        embedded.close();
        solr.close();
        SampleHome.delete(solrHome.root());
    }

    /** The README's example searches and every query of the relevance judgements. */
    private static List<String> queries() {
        List<String> queries = new ArrayList<>(List.of("ansvarsgruppe", "taushetsplikt samtykke", "\"individuell plan\"",
                "ettervern NAV", "barnevern", "indikator:taushetsplikt", "lov:barnevernloven sitat:ja"));
        RelevanceJudgements.load().forEach(q -> queries.add(q.text()));
        return queries;
    }

    @Test
    @Order(1)
    void theSameReceipt() {
        assertEquals(sample.receipt().counts(), solrReceipt.counts());
    }

    @Test
    @Order(2)
    void theSameHitsFacetsAndOffsetsForEveryQuery() throws Exception {
        for (String q : queries()) {
            SearchRequest request = new SearchRequest(q, CASE, null, 10);
            SearchResult a = embedded.search(request);
            SearchResult b = solr.search(request);
            assertEquals(a.total(), b.total(), q);
            assertEquals(a.relaxed(), b.relaxed(), q);
            assertEquals(a.facets(), b.facets(), q);
            assertEquals(ids(a), ids(b), q);
            for (int i = 0; i < a.hits().size(); i++) {
                SearchHit x = a.hits().get(i);
                SearchHit y = b.hits().get(i);
                assertEquals(List.of(x.start(), x.end(), x.page()), List.of(y.start(), y.end(), y.page()), q);
                assertEquals(x.matches(), y.matches(), q + " " + x.passageId());
                assertEquals(x.fragments(), y.fragments(), q + " " + x.passageId());
                assertEquals(x.score(), y.score(), 1e-4, q + " " + x.passageId());
            }
        }
    }

    /**
     * Documents left out (the earlier versions of files a corrected bundle replaced, as the home's register names them):
     * the same hits, count and facets on both engines, none of them from the documents left out.
     */
    @Test
    @Order(3)
    void theSameSearchWithDocumentsLeftOut() throws Exception {
        for (SearchRequest r : List.of(new SearchRequest("barnevern", CASE, null, 10), new SearchRequest("ettervern NAV", null, null, 10),
                new SearchRequest("\"individuell plan\"", null, null, 10, 0, SearchRequest.Order.DOCUMENT),
                new SearchRequest("tiltak", null, null, 10).withFilters(Map.of("tjeneste", List.of("barnevern", "nav"))))) {
            SearchResult whole = embedded.search(r);
            java.util.Set<String> leftOut = new java.util.TreeSet<>();
            whole.hits().stream().limit(3).forEach(h -> leftOut.add(h.caseId() + "/" + h.docId()));
            SearchRequest without = r.leavingOut(leftOut);
            SearchResult a = embedded.search(without);
            SearchResult b = solr.search(without);
            assertFalse(leftOut.isEmpty(), r.toString());
            assertTrue(a.total() < whole.total(), r + ": " + a.total() + " of " + whole.total());
            assertTrue(a.hits().stream().noneMatch(h -> leftOut.contains(h.caseId() + "/" + h.docId())), r.toString());
            assertEquals(a.total(), b.total(), r.toString());
            assertEquals(a.facets(), b.facets(), r.toString());
            assertEquals(ids(a), ids(b), r.toString());
        }
    }

    @Test
    @Order(3)
    void theSameFacetFiltersOrdersAndPages() throws Exception {
        for (SearchRequest r : List.of(
                new SearchRequest("barnevern", null, null, 5, 5, SearchRequest.Order.RELEVANCE),
                new SearchRequest("plan", CASE, "klientdokumentasjon", 10, 0, SearchRequest.Order.DOCUMENT),
                new SearchRequest("oppfølging", null, null, 10, 0, SearchRequest.Order.DATE),
                new SearchRequest("tiltak", null, null, 10).withFilters(Map.of("tjeneste", List.of("barnevern", "nav"),
                        "sitat", List.of("nei"))))) {
            SearchResult a = embedded.search(r);
            SearchResult b = solr.search(r);
            assertEquals(a.total(), b.total(), r.toString());
            assertEquals(a.facets(), b.facets(), r.toString());
            assertEquals(ids(a), ids(b), r.toString());
        }
    }

    @Test
    @Order(4)
    void theSameDocumentsNeighboursAndMarks() throws Exception {
        SearchHit hit = embedded.search(new SearchRequest("ettervern", CASE, null, 1)).hits().get(0);
        assertEquals(embedded.document(CASE, hit.docId()), solr.document(CASE, hit.docId()));
        assertEquals(embedded.passagesOf(CASE, hit.docId()), solr.passagesOf(CASE, hit.docId()));
        assertEquals(embedded.context(hit.passageId(), 2, 2), solr.context(hit.passageId(), 2, 2));
        assertEquals(embedded.passage(hit.passageId()), solr.passage(hit.passageId()));
        List<EvidenceIndex.Mark> marks = embedded.marks(CASE, hit.docId(), "ettervern NAV");
        assertFalse(marks.isEmpty());
        assertEquals(marks, solr.marks(CASE, hit.docId(), "ettervern NAV"));
        // A window of the document (the reader of a large one): one request on a range of the passages' starts, the
        // same passages, marks and starts of matching passages as the embedded index's, and as the whole lists give
        List<SearchHit> all = embedded.passagesOf(CASE, hit.docId());
        assertTrue(all.size() >= 3, "a document of several passages");
        int winFrom = marks.get(0).start() + 1; // inside a word the query matched, inside its passage
        int winTo = all.get(all.size() - 1).start() + 1;
        assertEquals(all.stream().filter(p -> p.start() >= winFrom && p.start() < winTo).toList(), solr.passagesIn(CASE, hit.docId(), winFrom, winTo));
        assertEquals(embedded.passagesIn(CASE, hit.docId(), winFrom, winTo), solr.passagesIn(CASE, hit.docId(), winFrom, winTo));
        assertEquals(marks.stream().filter(m -> m.end() > winFrom && m.start() < winTo).toList(), solr.marksIn(CASE, hit.docId(), "ettervern NAV", winFrom, winTo));
        assertEquals(marks.get(0), solr.marksIn(CASE, hit.docId(), "ettervern NAV", winFrom, winTo).get(0), "a mark the window begins inside");
        assertEquals(embedded.marksIn(CASE, hit.docId(), "ettervern NAV", winFrom, winTo), solr.marksIn(CASE, hit.docId(), "ettervern NAV", winFrom, winTo));
        // A part of the text, cut on the node by the plugin's [evidensPart]: the embedded index's part, at the ends too
        int length = embedded.document(CASE, hit.docId()).orElseThrow().text().length();
        for (int[] r : new int[][] {{0, 10}, {winFrom, winTo}, {length - 5, length + 100}, {length + 10, length + 20}, {0, Integer.MAX_VALUE}}) {
            assertEquals(embedded.documentPart(CASE, hit.docId(), r[0], r[1]), solr.documentPart(CASE, hit.docId(), r[0], r[1]),
                    r[0] + "-" + r[1]);
        }
        assertEquals(Optional.empty(), solr.documentPart(CASE, "ingen-slik", 0, 10));
        List<Integer> starts = embedded.matchStarts(CASE, hit.docId(), "ettervern NAV");
        assertFalse(starts.isEmpty());
        assertEquals(starts, solr.matchStarts(CASE, hit.docId(), "ettervern NAV"));
        SearchResult like = solr.moreLikeThis(hit.passageId(), 5);
        assertFalse(like.hits().isEmpty(), "more like this finds passages");
        assertTrue(like.hits().stream().noneMatch(h -> h.passageId().equals(hit.passageId())), "itself left out");
        assertTrue(like.hits().stream().allMatch(h -> h.caseId().equals(CASE)));
        // The embedded index's like-this query, built with the collection's statistics: the same hits.
        boolean fewer = false;
        for (SearchHit from : embedded.search(new SearchRequest("ansvarsgruppe", CASE, null, 3)).hits()) {
            SearchResult a = embedded.moreLikeThis(from.passageId(), 10);
            SearchResult b = solr.moreLikeThis(from.passageId(), 10);
            assertEquals(a.total(), b.total(), from.passageId());
            assertEquals(ids(a), ids(b), from.passageId());
            assertEquals(a.facets(), b.facets(), from.passageId());
            for (int i = 0; i < a.hits().size(); i++) {
                assertEquals(a.hits().get(i).score(), b.hits().get(i).score(), 1e-4, from.passageId());
                assertEquals(a.hits().get(i).matches(), b.hits().get(i).matches(), from.passageId());
            }
            // of one document type (round 50: search --like --type): only journals, the same on both, fewer than all
            SearchResult typedA = embedded.moreLikeThis(from.passageId(), "journal", 10);
            SearchResult typedB = solr.moreLikeThis(from.passageId(), "journal", 10);
            assertEquals(ids(typedA), ids(typedB), from.passageId());
            assertEquals(typedA.total(), typedB.total(), from.passageId());
            assertTrue(typedB.hits().stream().allMatch(h -> h.type().equals("journal")), typedB.hits().toString());
            fewer |= typedB.total() < b.total();
        }
        assertTrue(fewer, "the like passages of other types are left out");
    }

    /**
     * A case whose quotation holds a fødselsnummer, exported (the number masked) and imported into another home on the same
     * collection: the import reads the quotation back from SolrCloud as from the embedded index, and {@code verify} holds.
     * Both homes are the collection's alone (no receipts): {@code verify} is told where the bundle is.
     */
    @Test
    @Order(5)
    void aQuotationWhosePersonalNumberTheExportMaskedIsImportedIntoAHomeOnSolr() throws Exception {
        String quote = "Pasient: Roar Storvik. Fødselsnummer: 01017012345.";
        SearchHit hit = solr.search(new SearchRequest("Roar Storvik fødselsnummer", CASE, null, 10)).hits().stream()
                .filter(h -> h.text().contains(quote)).findFirst().orElseThrow();
        List<Path> homes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            homes.add(Files.createTempDirectory("evidens-solr-import"));
            Files.writeString(homes.get(i).resolve(IndexBackend.SETTINGS), "solr: " + cluster.address(COLLECTION) + "\n");
        }
        Path json = homes.get(0).resolve("funn.json");
        try {
            assertEquals(0, CliRun.inHome(homes.get(0), "finding", "create", "--case", CASE, "--kind", "avvik", "--title",
                    "Journalen er utlevert", "--requirement", "helsepersonelloven § 30").code());
            CliRun r = CliRun.inHome(homes.get(0), "finding", "attach", "--case", CASE, "avvik-1", "--passage", hit.passageId(),
                    "--quote", quote);
            assertEquals(0, r.code(), r.err());
            assertEquals(0, CliRun.inHome(homes.get(0), "export", "--case", CASE, "--format", "json", "--out", json.toString()).code());
            assertFalse(Files.readString(json).contains("01017012345"));
            r = CliRun.inHome(homes.get(1), "import", json.toString());
            assertEquals(0, r.code(), r.err());
            r = CliRun.inHome(homes.get(1), "verify", "--case", CASE, "--bundle", sample.bundle().toString());
            assertEquals(0, r.code(), r.out() + r.err());
        } finally {
            homes.forEach(SampleHome::delete);
        }
    }

    @Test
    @Order(5)
    void theWorkspaceAnswersTheSameOnSolr() throws Exception {
        EvidensHome copy = sample.copy(); // findings are written: the shared sample home stays as it is
        try (WebServer onEmbedded = WebServer.start(copy, 0, "testar"); WebServer onSolr = WebServer.start(solrHome, 0, "testar")) {
            WorkspaceApi a = new WorkspaceApi(onEmbedded);
            WorkspaceApi b = new WorkspaceApi(onSolr);
            String search = "/api/search?q=ansvarsgruppe&case=" + CASE + "&limit=10";
            JsonNode hit = a.get(search).get("hits").get(0);
            String id = WorkspaceApi.enc(hit.get("passageId").asText());
            List<String> reads = List.of(search,
                    "/api/search?q=" + WorkspaceApi.enc("\"individuell plan\"") + "&limit=5&filter=" + WorkspaceApi.enc("type:styringsdokument"),
                    "/api/search?q=tiltak&case=" + CASE + "&sort=document&offset=10&limit=10",
                    "/api/passage?id=" + id + "&context=2",
                    "/api/document?case=" + CASE + "&doc=" + hit.get("docId").asText() + "&q=ansvarsgruppe",
                    "/api/like?id=" + id,
                    "/api/like?id=" + id + "&type=journal");
            for (String read : reads) {
                assertEquals(a.get(read), b.get(read), read);
            }
            JsonNode journals = b.get(reads.get(reads.size() - 1)).get("hits");
            assertFalse(journals.isEmpty());
            journals.forEach(h -> assertEquals("journal", h.get("type").asText(), h.toString()));
            String finding = "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Ansvarsgruppen møtes ikke\","
                    + "\"requirements\":[\"barnevernloven § 15-8\"],\"text\":\"Ingen møter.\"}";
            assertEquals(a.post("/api/findings", finding), b.post("/api/findings", finding));
            String quote = "{\"passageId\":\"" + hit.get("passageId").asText() + "\",\"query\":\"ansvarsgruppe\"}";
            String evidence = "/api/findings/" + CASE + "/avvik-1/evidence";
            assertEquals(a.post(evidence, quote), b.post(evidence, quote));
            assertEquals(a.get("/api/findings/" + CASE + "/avvik-1"), b.get("/api/findings/" + CASE + "/avvik-1"));
            // Search and the document now say which finding quotes them, on both.
            assertEquals(a.get(search), b.get(search));
            assertEquals(a.get(reads.get(4)), b.get(reads.get(4)));
        } finally {
            SampleHome.delete(copy.root());
        }
    }

    @Test
    @Order(6)
    void theFileTheManifestNamesIsIndexedBeforeAnUnlistedCopyOnSolr() throws Exception {
        Path bundle = Files.createTempDirectory("evidens-manifest-bundle");
        String note = "Notat fra NAV om oppfølgingen av familien.\n";
        Files.writeString(bundle.resolve("kopi av nav-notat.txt"), note); // first in the bundle's order
        Files.writeString(bundle.resolve("nav-notat.txt"), note);
        Files.writeString(bundle.resolve("manifest.csv"), "path,type,title,date\nnav-notat.txt,,Notat fra NAV,2025-03-01\n");
        Receipt receipt = workers.ingestion(solrHome).ingest("manifest", "Fjordvik", bundle, ProgressListener.NONE);
        Receipt again = workers.ingestion(solrHome).ingest("manifest", "Fjordvik", bundle, ProgressListener.NONE);
        SampleHome.delete(bundle);
        ReceiptFile named = receipt.files().stream().filter(f -> f.path().equals("nav-notat.txt")).findFirst().orElseThrow();
        assertEquals(ReceiptFile.INDEXED, named.status(), receipt.files().toString());
        assertEquals(ReceiptFile.duplicateReason("nav-notat.txt"), receipt.files().stream()
                .filter(f -> f.path().equals("kopi av nav-notat.txt")).findFirst().orElseThrow().reason());
        IndexedDocument doc = solr.document("manifest", DocIds.ofFile(named.sha256())).orElseThrow();
        assertEquals("Notat fra NAV", doc.title());
        assertEquals(0, again.counts().indexed(), "a re-ingest adds nothing: " + again.files());
    }

    @Test
    @Order(7)
    void aNodeStoppedMidIngestion() throws Exception {
        // The sample's text and HTML files (quick to extract), as a bundle of their own.
        Path bundle = Files.createTempDirectory("evidens-failover-bundle");
        int copied = 0;
        try (Stream<Path> files = Files.walk(sample.bundle())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".html")).toList()) {
                copied++;
                Path to = bundle.resolve(sample.bundle().relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        AtomicBoolean stopped = new AtomicBoolean();
        List<ReceiptFile> done = java.util.Collections.synchronizedList(new ArrayList<>());
        ProgressListener stopAfterFirst = new ProgressListener() {
            @Override
            public void started(int files) {
                // the node goes down once some files are in
            }

            @Override
            public void fileDone(ReceiptFile file) {
                done.add(file);
                if (stopped.compareAndSet(false, true)) {
                    try {
                        cluster.stopNode(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void finished() {
                // the receipt is checked below
            }
        };
        Receipt receipt = workers.ingestion(solrHome).ingest("failover", "Fjordvik", bundle, stopAfterFirst);
        SampleHome.delete(bundle);
        assertTrue(stopped.get());
        assertEquals(copied, receipt.files().size(), "every file accounted for");
        assertEquals(0, receipt.counts().failed(), receipt.files().toString());
        assertEquals(copied, receipt.counts().indexed() + receipt.counts().duplicate());
        assertEquals(copied, done.size());
        // Searches answer from the replicas on the node left, with the same hits as before. The collection now
        // also holds the failover case, whose words change the collection's statistics, so two close scores
        // may trade places: the top ten are compared as a set here (the order is compared before this test).
        for (String q : List.of("ansvarsgruppe", "ettervern NAV")) {
            assertEquals(new java.util.TreeSet<>(ids(embedded.search(new SearchRequest(q, CASE, null, 10)))),
                    new java.util.TreeSet<>(ids(solr.search(new SearchRequest(q, CASE, null, 10)))), q);
            assertFalse(solr.search(new SearchRequest(q, "failover", null, 10)).hits().isEmpty(), q);
        }
    }

    @Test
    @Order(8)
    void aDocumentSolrRefusesFailsAloneAndAReplaceLeavesNoStaleEntries() throws Exception {
        // Last: it writes a case of its own (with one node stopped, the replicas left take the writes).
        IndexedDocument good = sinkDocument("god", "notat.txt");
        // A path longer than Lucene's longest term: Solr refuses the whole batch it comes in.
        IndexedDocument refused = sinkDocument("avvist", "x".repeat(40_000) + ".txt");
        try (SolrEvidenceSink sink = new SolrEvidenceSink(SolrTarget.parse(cluster.address(COLLECTION)))) {
            sink.add(good, sinkPassages(good, 3));
            sink.add(refused, sinkPassages(refused, 1));
            sink.commit();
            assertEquals(List.of(refused.file()), sink.notStored().stream().map(EvidenceSink.NotStored::file).toList());
            assertTrue(sink.contains("lager", good.sha256()));
            assertFalse(sink.contains("lager", refused.sha256()));
            assertEquals(3, solr.passagesOf("lager", good.docId()).size());
            assertTrue(solr.document("lager", refused.docId()).isEmpty());
            // A copy with fewer passages replaces the earlier one whole, in one request.
            sink.replace(good, sinkPassages(good, 1));
            sink.commit();
            assertEquals(1, solr.passagesOf("lager", good.docId()).size());
            assertEquals(good, solr.document("lager", good.docId()).orElseThrow());
        }
        // Round 51: a document whose own entry (written after its passages and pieces) Solr refuses, with a content hash
        // longer than Lucene's longest term: what Solr took of it before is deleted again, of one request or of several
        try (SolrEvidenceSink sink = new SolrEvidenceSink(SolrTarget.parse(cluster.address(COLLECTION)))) {
            for (int n : new int[] {3, 1_200}) {
                IndexedDocument half = new IndexedDocument("halv" + n, "lager", "halv" + n + ".txt", "annet", "Halv", "f".repeat(40_000),
                        "text/plain", sinkDocument("x", "x.txt").text(), List.of(0));
                sink.add(half, sinkPassages(half, n));
                sink.commit();
                assertTrue(sink.notStored().stream().anyMatch(s -> s.file().equals(half.file())), sink.notStored().toString());
                assertEquals(List.of(), solr.passagesOf("lager", half.docId()), "no passage of " + half.docId() + " left");
                assertTrue(solr.search(new SearchRequest("zebrastripete", "lager", null, 10)).hits().stream()
                        .noneMatch(h -> h.docId().equals(half.docId())));
            }
        }
    }

    /**
     * Round 50 (b): a document of more passages than one Solr answer holds (before round 50 a list stopped at the first
     * 10,000 unsaid): its whole list, its marks and the starts of its matching passages are the embedded index's, every one,
     * on a window too. An answer holds 1,000 entries here ({@link #PAGE_ENTRIES}; the product's 10,000), so 1,050 passages
     * take two answers, as 10,500 in answers of 10,000 did before round 60 (ten times the entries, as many words).
     * Round 51: its 252,000 characters stored in four pieces, written in requests of at most 500 entries; windows deep
     * in it and across the pieces' edges the embedded index's characters, and the same from its entry as written before.
     */
    @Test
    @Order(9)
    void aDocumentOfMorePassagesThanOneAnswerHoldsIsListedWholeAsEmbedded(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        System.setProperty(PAGE_ENTRIES, "1000");
        try {
            documentOfMorePassagesThanOneAnswerHolds(dir);
        } finally {
            System.clearProperty(PAGE_ENTRIES);
        }
    }

    private static void documentOfMorePassagesThanOneAnswerHolds(Path dir) throws Exception {
        int n = 1_050;
        // each passage 240 characters (its line and a note), so that the text still fills four pieces
        IndexedDocument big = largeDocument("logg", n, LONG_NOTE);
        List<Passage> passages = largePassages(big, n, LONG_NOTE);
        try (no.evidens.index.EvidenceIndexWriter w = new no.evidens.index.EvidenceIndexWriter(dir)) {
            w.add(big, passages);
            w.commit();
        }
        try (SolrEvidenceSink sink = new SolrEvidenceSink(SolrTarget.parse(cluster.address(COLLECTION)))) {
            sink.add(big, passages);
            sink.commit();
            assertTrue(sink.notStored().isEmpty(), sink.notStored().toString());
        }
        try (EvidenceIndex local = new no.evidens.index.EvidenceSearcher(dir)) {
            List<SearchHit> all = solr.passagesOf("stor", big.docId());
            assertEquals(n, all.size());
            assertEquals(local.passagesOf("stor", big.docId()), all);
            // every 7th passage says "avvik": 150 marks; "kvittering" is in every one of them
            List<EvidenceIndex.Mark> every = solr.marks("stor", big.docId(), "kvittering");
            assertEquals(n, every.size());
            assertEquals(local.marks("stor", big.docId(), "kvittering"), every);
            assertEquals(local.marks("stor", big.docId(), "avvik"), solr.marks("stor", big.docId(), "avvik"));
            List<Integer> starts = solr.matchStarts("stor", big.docId(), "kvittering");
            assertEquals(all.stream().map(SearchHit::start).toList(), starts);
            assertEquals(local.matchStarts("stor", big.docId(), "avvik"), solr.matchStarts("stor", big.docId(), "avvik"));
            // many passages by id at once (a group overview's quotations): 527 ids, more than one request asks for (500), with
            // one asked for twice and one the index does not hold, the same as the embedded index reads
            List<String> ids = new ArrayList<>(List.of("stor/" + big.docId() + "/" + n, all.get(3).passageId()));
            for (int i = n - 1; i >= 0; i -= 2) {
                ids.add(all.get(i).passageId());
            }
            Map<String, SearchHit> byId = solr.passages(ids);
            assertEquals(n / 2, byId.size());
            assertEquals(local.passages(ids), byId);
            assertEquals(List.copyOf(local.passages(ids).keySet()), List.copyOf(byId.keySet()));
            // a window over all of it, begun inside the first passage
            int to = big.text().length();
            assertEquals(all.subList(1, n), solr.passagesIn("stor", big.docId(), 1, to));
            assertEquals(local.marksIn("stor", big.docId(), "kvittering", 1, to), solr.marksIn("stor", big.docId(), "kvittering", 1, to));
            assertEquals(n, solr.marksIn("stor", big.docId(), "kvittering", 1, to).size());
            // Round 51: the text in pieces of 65,536 characters, each an entry of its own, the document's entry without it;
            // and, beside it, the same document as a collection written before keeps it (the whole text in the entry)
            SolrQuery pieces = new SolrQuery("*:*").addFilterQuery("{!term f=" + PassageSchema.KIND + "}piece")
                    .addFilterQuery("{!term f=" + PassageSchema.DOC_KEY + "}stor/" + big.docId())
                    .setFields(PassageSchema.START, PassageSchema.END).setRows(100).setSort(PassageSchema.SORT_START, SolrQuery.ORDER.asc);
            SolrQuery entry = new SolrQuery("*:*").addFilterQuery("{!term f=" + PassageSchema.ID + "}stor/" + big.docId())
                    .addFilterQuery("{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_DOCUMENT).setFields("*");
            try (ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
                assertEquals(List.of(0, 65_536, 131_072, 196_608), parts.select(COLLECTION, pieces).stream()
                        .map(p -> p.getFirstValue(PassageSchema.START)).toList());
                SolrDocument stored = parts.select(COLLECTION, entry).get(0);
                assertEquals(to, stored.getFirstValue(PassageSchema.END));
                assertFalse(stored.containsKey(PassageSchema.DOC_TEXT), "the text is in the pieces only");
                parts.addAndCommit(COLLECTION, List.of(entryAsBeforeRound51(stored, big, "logg-gammel")));
                // that entry's part is cut on the node by the plugin's [evidensPart]: the part and the length, no whole text
                SolrQuery cut = new SolrQuery("*:*").addFilterQuery("{!term f=" + PassageSchema.ID + "}stor/logg-gammel")
                        .addFilterQuery("{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_DOCUMENT)
                        .setFields(PassageSchema.TITLE, "part:[evidensPart from=200000 to=200010]");
                SolrDocument old = parts.select(COLLECTION, cut).get(0);
                assertEquals(Set.of(PassageSchema.TITLE, "part"), old.getFieldNames());
                assertEquals(Map.of("text", big.text().substring(200_000, 200_010), "length", to),
                        Map.copyOf((Map<?, ?>) old.getFieldValue("part")));
            }
            // a window deep in it, windows across a piece's edge, the end, the whole: the embedded index's characters
            for (int[] r : new int[][] {{200_000, 200_100}, {65_000, 140_000}, {131_071, 131_073}, {to - 10, to + 5},
                    {to + 1, to + 9}, {0, Integer.MAX_VALUE}}) {
                DocumentPart expected = local.documentPart("stor", big.docId(), r[0], r[1]).orElseThrow();
                assertEquals(expected, solr.documentPart("stor", big.docId(), r[0], r[1]).orElseThrow(), r[0] + "-" + r[1]);
                DocumentPart before = solr.documentPart("stor", "logg-gammel", r[0], r[1]).orElseThrow();
                assertEquals(expected.document().text(), before.document().text(), "written before, " + r[0] + "-" + r[1]);
                assertEquals(List.of(expected.from(), expected.length()), List.of(before.from(), before.length()));
            }
            assertEquals(local.document("stor", big.docId()), solr.document("stor", big.docId()));
            assertEquals(big.text(), solr.document("stor", "logg-gammel").orElseThrow().text());
        }
    }

    /**
     * A document's entry as Evidens wrote it before round 51, under another id: the stored fields of {@code now} (the entry
     * of {@code d} written now) with the whole text in {@code docText} and no length.
     */
    private static SolrInputDocument entryAsBeforeRound51(SolrDocument now, IndexedDocument d, String docId) {
        SolrInputDocument e = new SolrInputDocument();
        now.forEach((name, value) -> e.setField(name, value));
        e.removeField(PassageSchema.END);
        e.removeField("_version_"); // read from its doc values; sent back, Solr would take it for an optimistic lock
        String id = d.caseId() + "/" + docId;
        e.setField("uid", d.caseId() + "!" + id);
        e.setField(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT);
        e.setField(PassageSchema.ID, id);
        e.setField(PassageSchema.DOC_KEY, id);
        e.setField(PassageSchema.DOC, docId);
        e.setField(PassageSchema.DOC_TEXT, d.text());
        return e;
    }

    /**
     * Round 50 (b): {@code case delete-records} on a home whose index is SolrCloud deletes the closed case's journals and
     * client records from the collection, their passages too, and leaves its other documents (it opened a local index
     * beside the collection before, and deleted nothing from the archive).
     */
    @Test
    @Order(10)
    void theRecordsOfAClosedCaseAreDeletedFromTheCollection() throws Exception {
        IndexedDocument journal = caseDocument("j1", "journaler/notat.txt", "journal");
        IndexedDocument client = caseDocument("k1", "klient/plan.txt", "klientdokumentasjon");
        IndexedDocument rule = caseDocument("s1", "styring/rutine.txt", "styringsdokument");
        // Round 51 (c): a large journal (its text in pieces) and one left half-written (its marker, passages and pieces, no entry)
        IndexedDocument large = slettJournal("l1");
        IndexedDocument half = slettJournal("h1");
        try (SolrEvidenceSink sink = new SolrEvidenceSink(SolrTarget.parse(cluster.address(COLLECTION)));
             ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            for (IndexedDocument d : List.of(journal, client, rule)) {
                sink.add(d, List.of(new Passage(Passage.idOf("slett", d.docId(), 0), "slett", d.docId(), d.file(), d.type(),
                        d.title(), "", 1, 0, d.text().length(), d.text(), List.of(), List.of())));
            }
            for (IndexedDocument d : List.of(large, half)) {
                sink.add(d, slettPassages(d));
            }
            sink.commit();
            // what the cluster gone before the half-written one's last request leaves (as the sink's marker is made)
            leftHalfWritten(parts, half);
            assertEquals(600, solr.passagesOf("slett", "h1").size(), "the half-written journal's passages are there");
        }
        assertEquals(3, solr.search(new SearchRequest("vaktmesterbolig", "slett", null, 10)).total());
        // a case the home knows (its findings), whose documents were written to the collection alone
        CliRun r = CliRun.inHome(solrHome.root(), "finding", "create", "--case", "slett", "--kind", "merknad", "--title",
                "Rutinen er uklar", "--user", "leder");
        assertEquals(0, r.code(), r.err());
        r = CliRun.inHome(solrHome.root(), "case", "close", "--case", "slett", "--user", "leder");
        assertEquals(0, r.code(), r.err());
        r = CliRun.inHome(solrHome.root(), "case", "delete-records", "--case", "slett", "--user", "leder");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(journal.file() + " (j1)") && r.out().contains(client.file() + " (k1)"), r.out());
        assertFalse(r.out().contains(rule.file()), r.out());
        for (IndexedDocument d : List.of(journal, client)) {
            assertTrue(solr.document("slett", d.docId()).isEmpty(), d.docId());
            assertTrue(solr.passagesOf("slett", d.docId()).isEmpty(), d.docId());
        }
        assertEquals(rule, solr.document("slett", rule.docId()).orElseThrow());
        assertEquals(List.of("slett/s1/0"), ids(solr.search(new SearchRequest("vaktmesterbolig", "slett", null, 10))));
        assertTrue(r.out().contains(large.file() + " (l1)"), r.out());
        // the half-written journal told as deleted, its file from the bundle with it (its marker holds the file)
        assertTrue(r.out().contains(half.file() + " (h1)"), r.out());
        // nothing of the records left, of any kind: passages, entries, pieces, markers, the half-written journal's
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            SolrQuery left = new SolrQuery("*:*").setRows(0).addFilterQuery("{!term f=" + PassageSchema.CASE + "}slett")
                    .addFilterQuery("-{!term f=" + PassageSchema.DOC_KEY + "}slett/s1");
            assertEquals(0, parts.select(COLLECTION, left).getNumFound(), "entries of the deleted records left");
            SolrQuery kept = new SolrQuery("*:*").setRows(0).addFilterQuery("{!term f=" + PassageSchema.DOC_KEY + "}slett/s1");
            assertEquals(3, parts.select(COLLECTION, kept).getNumFound(), "the rule's passage, text piece and entry");
        }
    }

    /** A journal of the case "slett" of more than one piece of text and more passages than one request holds: marked. */
    private static IndexedDocument slettJournal(String docId) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            text.append(String.format("Journalnotat %05d om oppfølging og tiltak i hjemmet. %s", i, "x".repeat(80))).append(' ');
        }
        return new IndexedDocument(docId, "slett", "journaler/" + docId + ".txt", "journal", docId, (docId + "c").repeat(21) + "a",
                "text/plain", text.toString(), List.of(0));
    }

    private static List<Passage> slettPassages(IndexedDocument d) {
        List<Passage> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < 600; i++) {
            int end = d.text().indexOf(' ', d.text().indexOf("x", at));
            out.add(new Passage(Passage.idOf("slett", d.docId(), i), "slett", d.docId(), d.file(), d.type(), d.title(), "",
                    1, at, end, d.text().substring(at, end), List.of(), List.of()));
            at = end + 1;
        }
        return out;
    }

    /**
     * Round 51 (b): documents written before round 51 (the whole text in the entry) are rewritten into pieces by {@code solr
     * upgrade-text}; a run stopped after its first group leaves every document readable, and a run again goes on: the same
     * characters and offsets in every window before, between and after, the old single value gone.
     */
    @Test
    @Order(11)
    void documentsWrittenBeforeRound51AreUpgradedIntoPiecesWithTheSameWindows() throws Exception {
        StringBuilder text = new StringBuilder("a".repeat(65_535)).append("\uD83D\uDE00"); // a pair across the first piece's edge
        for (int i = 0; text.length() < 150_000; i++) {
            text.append(String.format("Linje %06d om tilsynet. ", i));
        }
        IndexedDocument large = new IndexedDocument("gny", "gammel", "journaler/gstor.txt", "journal", "Gammel", "cd".repeat(32),
                "text/plain", text.toString(), List.of(0, 70_000));
        SolrTarget target = SolrTarget.parse(cluster.address(COLLECTION));
        try (SolrEvidenceSink sink = new SolrEvidenceSink(target)) {
            sink.add(large, List.of(new Passage(Passage.idOf("gammel", "gny", 0), "gammel", "gny", large.file(), large.type(),
                    large.title(), "", 1, 0, 10, large.text().substring(0, 10), List.of(), List.of())));
            sink.commit();
        }
        SolrQuery entryOf = new SolrQuery("*:*").addFilterQuery("{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_DOCUMENT)
                .addFilterQuery("{!term f=" + PassageSchema.CASE + "}gammel").setFields("*").setRows(1000);
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            SolrDocument now = parts.select(COLLECTION, entryOf).get(0);
            // 250 small documents and the large one as written before round 51, in the same case
            List<SolrInputDocument> before = new ArrayList<>();
            before.add(entryAsBeforeRound51(now, large, "gstor"));
            for (int i = 0; i < 250; i++) {
                IndexedDocument small = new IndexedDocument("g" + i, "gammel", large.file(), large.type(), large.title(),
                        large.sha256(), large.mediaType(), "Gammelt notat nummer " + i + ".", List.of(0));
                before.add(entryAsBeforeRound51(now, small, "g" + i));
            }
            parts.addAndCommit(COLLECTION, before);
        }
        int[][] windows = {{0, 100}, {65_530, 65_540}, {65_535, 65_537}, {60_000, 140_000}, {149_990, 150_200}, {0, Integer.MAX_VALUE}};
        // read: the large one, and small ones of the first group and of the rest
        List<String> old = List.of("gstor", "g0", "g123", "g249", "g99");
        Map<String, Object> read = readAll(old, windows);
        assertEquals(text.substring(65_530, 65_540), ((DocumentPart) read.get("gstor 65530")).document().text());
        // stopped after its first group (200 documents), as Ctrl-C stops it
        try (SolrTextUpgrade upgrade = new SolrTextUpgrade(target)) {
            List<Long> told = new ArrayList<>();
            IllegalStateException stop = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> upgrade.run("gammel", (done, toDo) -> {
                        told.add(done);
                        if (done > 0) {
                            throw new IllegalStateException("stopped");
                        }
                    }));
            assertEquals("stopped", stop.getMessage());
            assertEquals(List.of(0L, 200L), told);
        }
        assertEquals(read, readAll(old, windows), "between the runs");
        CliRun r = CliRun.inHome(solrHome.root(), "solr", "upgrade-text", "--case", "gammel");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("252 documents looked at: 51 upgraded into pieces (53 pieces, "), r.out());
        assertTrue(r.out().contains("201 already in pieces"), r.out());
        assertTrue(r.err().contains("51 of 51 documents"), r.err());
        assertEquals(read, readAll(old, windows), "after the upgrade");
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            for (SolrDocument e : parts.select(COLLECTION, entryOf)) {
                assertFalse(e.containsKey(PassageSchema.DOC_TEXT), "the single value removed: " + e);
                assertTrue(e.containsKey(PassageSchema.END), e.toString());
            }
            SolrQuery pieces = new SolrQuery("*:*").addFilterQuery("{!term f=" + PassageSchema.KIND + "}piece")
                    .addFilterQuery("{!term f=" + PassageSchema.DOC_KEY + "}gammel/gstor")
                    .setFields(PassageSchema.START).setRows(100).setSort(PassageSchema.SORT_START, SolrQuery.ORDER.asc);
            assertEquals(List.of(0, 65_535, 131_071), parts.select(COLLECTION, pieces).stream()
                    .map(p -> p.getFirstValue(PassageSchema.START)).toList(), "no piece ends inside the pair");
        }
        r = CliRun.inHome(solrHome.root(), "solr", "upgrade-text", "--case", "gammel");
        assertTrue(r.out().contains("252 documents looked at: 0 upgraded"), r.out());
    }

    /** Every window of each document, and each whole document, as the index answers them. */
    private static Map<String, Object> readAll(List<String> docIds, int[][] windows) throws Exception {
        Map<String, Object> out = new java.util.HashMap<>();
        for (String docId : docIds) {
            for (int[] w : windows) {
                out.put(docId + " " + w[0], solr.documentPart("gammel", docId, w[0], w[1]).orElseThrow());
            }
            out.put(docId, solr.document("gammel", docId).orElseThrow());
        }
        return out;
    }

    /**
     * Round 51 (b): a large document whose writing stopped half-way (the cluster gone before its last request: its marker,
     * passages and pieces there, no entry) is not found by search, nor like a passage; the next ingestion's writing of it
     * makes it found, whole, and takes its marker away.
     */
    @Test
    @Order(12)
    void aDocumentLeftHalfWrittenIsNotFoundUntilWrittenWhole() throws Exception {
        IndexedDocument half = largeDocument("halv", 600);
        List<Passage> passages = largePassages(half, 600);
        SolrQuery marker = new SolrQuery("*:*").addFilterQuery("{!term f=" + PassageSchema.KIND + "}pending")
                .addFilterQuery("{!term f=" + PassageSchema.DOC_KEY + "}stor/halv");
        // the same line in the large document of the test before ("logg") and in this one: each document's first hit
        SearchRequest avvik = new SearchRequest("\"kvittering 00014\"", "stor", null, 100);
        try (SolrEvidenceSink sink = new SolrEvidenceSink(SolrTarget.parse(cluster.address(COLLECTION)));
             ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            sink.add(half, passages);
            sink.commit();
            assertTrue(solr.search(avvik).hits().stream().anyMatch(h -> h.docId().equals("halv")));
            assertEquals(0, parts.select(COLLECTION, marker).size(), "written whole: no marker");
            // what the cluster gone before the last request leaves: the marker first sent, the rest but the entry
            SolrInputDocument pending = new SolrInputDocument();
            pending.setField("uid", "stor!stor/halv/pending");
            pending.setField(PassageSchema.KIND, "pending");
            pending.setField(PassageSchema.ID, "stor/halv/pending");
            pending.setField(PassageSchema.CASE, "stor");
            pending.setField(PassageSchema.DOC, "halv");
            pending.setField(PassageSchema.DOC_KEY, "stor/halv");
            parts.addAndCommit(COLLECTION, List.of(pending));
            parts.deleteAndCommit(COLLECTION, List.of("stor!stor/halv"));
            assertEquals(600, solr.passagesOf("stor", "halv").size(), "its passages are there");
            assertTrue(solr.search(avvik).hits().stream().noneMatch(h -> h.docId().equals("halv")), "but not found");
            assertTrue(solr.search(avvik).total() > 0, "the other documents are");
            assertTrue(solr.moreLikeThis(Passage.idOf("stor", "logg", 14), null, 50).hits().stream()
                    .noneMatch(h -> h.docId().equals("halv")), "nor like a passage");
            // the next ingestion writes it again: found, whole, and the marker gone
            sink.add(half, passages);
            sink.commit();
            assertEquals(0, parts.select(COLLECTION, marker).size(), "the marker gone with the entry's writing");
            assertTrue(solr.search(avvik).hits().stream().anyMatch(h -> h.docId().equals("halv")));
            assertTrue(solr.moreLikeThis(Passage.idOf("stor", "logg", 14), null, 50).hits().stream()
                    .anyMatch(h -> h.docId().equals("halv")));
        }
    }

    /**
     * Round 51 (c): a document left half-written whose file is not ingested again keeps its marker and what was taken for
     * good; {@code solr clean-half-written --case} deletes every entry of it, and of no other case or whole document.
     * Round 52: its marker holds when its writing began, so the command deletes only one begun more than an hour ago
     * ({@code --older-than} another age) and leaves alone one begun minutes ago (being written now?) and one marked before
     * the time was recorded (unless {@code --with-unknown-age}); {@code solr status} names them, the oldest, and the command.
     */
    @Test
    @Order(13)
    void theAdministratorDeletesWhatADocumentLeftHalfWrittenHolds() throws Exception {
        IndexedDocument half = largeDocument("rest", 600);
        IndexedDocument writing = largeDocument("skrives", 30);
        IndexedDocument unknown = largeDocument("gammel", 30);
        Instant now = Instant.now();
        try (SolrEvidenceSink sink = new SolrEvidenceSink(SolrTarget.parse(cluster.address(COLLECTION)));
             ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            sink.add(half, largePassages(half, 600));
            sink.add(writing, largePassages(writing, 30));
            sink.add(unknown, largePassages(unknown, 30));
            sink.commit();
            leftHalfWritten(parts, half, now.minus(Duration.ofHours(2)), "4242@arkiv1");
            leftHalfWritten(parts, writing, now.minus(Duration.ofMinutes(5)), "77@arkiv2");
            leftHalfWritten(parts, unknown, null, null);
            SolrQuery ofCase = new SolrQuery("*:*").setRows(0).addFilterQuery("{!term f=" + PassageSchema.CASE + "}stor");
            long before = parts.select(COLLECTION, ofCase).getNumFound();
            Map<String, Long> entries = new java.util.HashMap<>();
            for (String doc : List.of("rest", "skrives", "gammel")) {
                entries.put(doc, parts.select(COLLECTION, ofDocument(doc)).getNumFound());
            }
            assertTrue(entries.get("rest") > 600, entries + " entries of the half-written documents");

            CliRun r = CliRun.inHome(solrHome.root(), "solr", "status");
            assertTrue(r.out().contains("Half-written documents: 3; the oldest, stor/rest (case stor), began 2 h ago by "
                    + "4242@arkiv1; 1 of unknown age") && r.out().contains("solr clean-half-written --solr " + cluster.address(COLLECTION)),
                    r.out() + r.err());
            r = CliRun.inHome(solrHome.root(), "solr", "status", "--json");
            JsonNode status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("halfWritten");
            assertEquals(3, status.get("documents").asInt(), r.out());
            assertEquals(1, status.get("ageUnknown").asInt(), r.out());
            assertEquals("rest", status.get("oldest").get("document").asText(), r.out());
            assertTrue(status.get("oldest").get("ageSeconds").asLong() >= 7_200, r.out());

            r = CliRun.inHome(solrHome.root(), "solr", "clean-half-written", "--case", "stor", "--dry-run");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("  stor/rest  began ") && r.out().contains(", 2 h ago, by 4242@arkiv1: would be deleted\n")
                    && r.out().contains("  stor/skrives  began ") && r.out().contains("by 77@arkiv2: being written now? left alone")
                    && r.out().contains("  stor/gammel  age unknown") && r.out().contains("nothing deleted"), r.out());
            assertEquals(entries, counts(parts), "a dry run deletes nothing");

            r = CliRun.inHome(solrHome.root(), "solr", "clean-half-written", "--case", "stor");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("by 4242@arkiv1: deleted\n") && r.out().contains("1 half-written document deleted; 1 younger "
                    + "than 1 h left alone (being written now?); 1 of unknown age left alone"), r.out());
            assertEquals(Map.of("rest", 0L, "skrives", entries.get("skrives"), "gammel", entries.get("gammel")), counts(parts),
                    "only the one begun two hours ago deleted");
            assertEquals(before - entries.get("rest"), parts.select(COLLECTION, ofCase).getNumFound(), "the case's whole documents kept");
            assertTrue(solr.document("stor", "halv").isPresent(), "a whole document of the case kept");

            r = CliRun.inHome(solrHome.root(), "solr", "clean-half-written", "--case", "stor", "--older-than", "2m");
            assertTrue(r.out().contains("by 77@arkiv2: deleted\n") && r.out().contains("1 of unknown age left alone"), r.out());
            assertEquals(Map.of("rest", 0L, "skrives", 0L, "gammel", entries.get("gammel")), counts(parts));
            r = CliRun.inHome(solrHome.root(), "solr", "clean-half-written", "--case", "stor", "--with-unknown-age");
            assertTrue(r.out().contains("  stor/gammel  age unknown (marked before Evidens recorded the time): deleted\n"), r.out());
            assertEquals(Map.of("rest", 0L, "skrives", 0L, "gammel", 0L), counts(parts));
            assertEquals(before - entries.values().stream().mapToLong(Long::longValue).sum(), parts.select(COLLECTION, ofCase).getNumFound());
            r = CliRun.inHome(solrHome.root(), "solr", "status");
            assertTrue(r.out().contains("Half-written documents: none."), r.out());
        }
    }

    private static SolrQuery ofDocument(String docId) {
        return new SolrQuery("*:*").setRows(0).addFilterQuery("{!term f=" + PassageSchema.DOC_KEY + "}stor/" + docId);
    }

    /** How many entries each of the test's half-written documents has in the collection. */
    private static Map<String, Long> counts(ClusterParts parts) throws Exception {
        Map<String, Long> out = new java.util.HashMap<>();
        for (String doc : List.of("rest", "skrives", "gammel")) {
            out.put(doc, parts.select(COLLECTION, ofDocument(doc)).getNumFound());
        }
        return out;
    }

    private static IndexedDocument caseDocument(String docId, String file, String type) {
        return new IndexedDocument(docId, "slett", file, type, docId, (docId + "0").repeat(21) + "a", "text/plain",
                "Vaktmesterboligen ble gjennomgått.", List.of(0));
    }

    private static final String LARGE_LINE = "Kvittering %05d %s.";
    /** What each line of the 1,050-passage document goes on with: 240 characters a passage in all. */
    private static final String LONG_NOTE = (" Loggen er lest og signert av vakthavende ved skiftet, uten merknader om besøk eller"
            + " medisiner.").repeat(3).substring(0, 216);
    /** The setting of how many entries one answer of a list holds (README, SolrCloud). */
    private static final String PAGE_ENTRIES = "evidens.solr.page-entries";

    /**
     * What a cluster gone before a large document's last request leaves, made of one written whole: its marker (as the
     * sink makes it) standing, its entry not there; its passages and pieces stay.
     */
    private static void leftHalfWritten(ClusterParts parts, IndexedDocument d) throws Exception {
        leftHalfWritten(parts, d, Instant.now(), "1@here");
    }

    /** The same, its marker saying its writing began {@code since} by {@code writer}; no time, as before round 52, when null. */
    private static void leftHalfWritten(ClusterParts parts, IndexedDocument d, Instant since, String writer) throws Exception {
        String key = d.caseId() + "/" + d.docId();
        SolrInputDocument pending = new SolrInputDocument();
        pending.setField("uid", d.caseId() + "!" + key + "/pending");
        pending.setField(PassageSchema.KIND, "pending");
        pending.setField(PassageSchema.ID, key + "/pending");
        pending.setField(PassageSchema.CASE, d.caseId());
        pending.setField(PassageSchema.DOC, d.docId());
        pending.setField(PassageSchema.DOC_KEY, key);
        pending.setField(PassageSchema.TYPE, d.type());
        pending.setField(PassageSchema.FILE, d.file());
        pending.setField(PassageSchema.SHA256, d.sha256());
        if (since != null) {
            pending.setField(PassageSchema.DATE, since.toString());
            pending.setField(PassageSchema.TITLE, writer);
        }
        parts.addAndCommit(COLLECTION, List.of(pending));
        parts.deleteAndCommit(COLLECTION, List.of(d.caseId() + "!" + key));
    }

    private static IndexedDocument largeDocument(String docId, int n) {
        return largeDocument(docId, n, "");
    }

    /** A journal of {@code n} lines, each a passage, each going on with {@code note}. */
    private static IndexedDocument largeDocument(String docId, int n, String note) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(largeLine(i)).append(note).append(' ');
        }
        return new IndexedDocument(docId, "stor", "journaler/" + docId + ".txt", "journal", "Logg", "ab".repeat(32), "text/plain",
                text.toString(), List.of(0));
    }

    private static String largeLine(int i) {
        return String.format(LARGE_LINE, i, i % 7 == 0 ? "avvik" : "greit");
    }

    private static List<Passage> largePassages(IndexedDocument d, int n) {
        return largePassages(d, n, "");
    }

    private static List<Passage> largePassages(IndexedDocument d, int n, String note) {
        List<Passage> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < n; i++) {
            String line = largeLine(i) + note;
            out.add(new Passage(Passage.idOf("stor", d.docId(), i), "stor", d.docId(), d.file(), d.type(), d.title(), "",
                    1, at, at + line.length(), line, List.of(), List.of()));
            at += line.length() + 1;
        }
        return out;
    }

    private static IndexedDocument sinkDocument(String docId, String file) {
        return new IndexedDocument(docId, "lager", file, "annet", docId, docId.repeat(8), "text/plain",
                "Zebrastripete kvitteringsbokser. Zebrastripete kvitteringsbokser. Zebrastripete kvitteringsbokser.",
                List.of(0));
    }

    private static List<Passage> sinkPassages(IndexedDocument d, int n) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Passage(Passage.idOf("lager", d.docId(), i), "lager", d.docId(), d.file(), d.type(), d.title(), "",
                    1, 33 * i, 33 * i + 32, "Zebrastripete kvitteringsbokser.", List.of(), List.of()));
        }
        return out;
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchHit::passageId).toList();
    }
}

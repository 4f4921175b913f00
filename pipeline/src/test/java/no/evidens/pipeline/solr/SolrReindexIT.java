package no.evidens.pipeline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.StoredDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.fixture.SolrTestCluster;
import no.evidens.solr.SolrEvidenceSink;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTarget;

/**
 * {@code evidens reindex} on SolrCloud (the shared test cluster, a collection of its own): the sample case as an older
 * Evidens left one of its documents there (its first two passages one, an indicator not found), a quotation attached from
 * the passage whose cut moves. The reindex reads the documents back from the collection (texts in pieces), re-tags them and
 * writes that one document's passages anew: search finds it by the indicator, its entry and text are as before, the
 * quotation verifies and exports as before, the trail has the entry, and a second run writes nothing. A collection made
 * read-only is said as ingest says a cluster that cannot take writes (exit 4), nothing changed, and the run after it is
 * writable again re-tags.
 */
class SolrReindexIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private static final String COLLECTION = "reindex";
    private static final String INDICATOR = "taushetsplikt";
    private static SolrTestCluster cluster;
    private static EvidensHome home;
    private static SolrTarget target;

    /**
     * The sample home copied, its index moved onto the collection: each document and its passages written by the sink an
     * ingestion writes with ({@code add}), from the shared sample home's index (the bundle's OCR'd scans are not read again).
     */
    @BeforeAll
    static void sampleOnSolr() throws Exception {
        cluster = SolrTestCluster.shared();
        target = SolrTarget.parse(cluster.address(COLLECTION));
        SolrSetup.init(target, 2, 1);
        home = SampleHome.shared().copy();
        try (EvidenceIndexWriter from = IndexBackend.embeddedWriter(home); SolrEvidenceSink to = new SolrEvidenceSink(target)) {
            for (StoredDocument.Entry e : from.documents(CASE)) {
                StoredDocument d = from.stored(CASE, e.docId()).orElseThrow();
                to.add(d.document(), d.passages());
            }
            to.commit();
        }
        SampleHome.delete(home.index());
        Files.writeString(home.root().resolve(IndexBackend.SETTINGS), "solr: " + cluster.address(COLLECTION) + "\n");
    }

    @AfterAll
    static void delete() {
        SampleHome.delete(home.root());
    }

    private static CliRun cli(String... args) {
        return CliRun.inHome(home.root(), args);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.code(), run.out() + run.err());
        return Json.mapper().readTree(run.out());
    }

    private static List<String> docsFound(String query) throws Exception {
        JsonNode found = json(cli("search", query, "--case", CASE, "--limit", "500", "--json"));
        List<String> docs = new ArrayList<>();
        found.get("hits").forEach(h -> docs.add(h.get("docId").asText()));
        return docs;
    }

    private static StoredDocument stored(String docId) throws Exception {
        try (SolrEvidenceSink sink = new SolrEvidenceSink(target)) {
            sink.documents(CASE);
            return sink.stored(CASE, docId).orElseThrow();
        }
    }

    /** The document as an older Evidens tagged it, written by the ingest's replace: passages 1 and 2 one, no indicator. */
    private static void makeOld(StoredDocument today) throws Exception {
        List<Passage> p = today.passages();
        IndexedDocument d = today.document();
        List<Passage> old = new ArrayList<>();
        for (int i = 1; i < p.size(); i++) {
            Passage from = i == 1 ? p.get(0) : p.get(i);
            int end = p.get(i).end();
            old.add(new Passage(Passage.idOf(CASE, d.docId(), i), CASE, d.docId(), d.file(), d.type(), d.title(), from.heading(),
                    from.page(), from.start(), end, d.text().substring(from.start(), end), p.get(i).quotes(),
                    p.get(i).indicators().stream().filter(x -> !x.equals(INDICATOR)).toList(), p.get(i).laws(), today.facets()));
        }
        try (SolrEvidenceSink sink = new SolrEvidenceSink(target)) {
            sink.replace(d, old);
            sink.commit();
        }
    }

    @Test
    void anOlderTaggingIsRedoneInTheCollectionAndEveryQuotationStillHolds() throws Exception {
        String docId = docsFound("indikator:" + INDICATOR).get(0);
        StoredDocument today = stored(docId);
        assertTrue(today.document().text().length() > 0 && today.passages().size() > 2);
        makeOld(today);
        assertFalse(docsFound("indikator:" + INDICATOR).contains(docId), "the older tagging has not the indicator");

        String passage1 = Passage.idOf(CASE, docId, 1);
        String words = today.passages().get(1).text();
        assertEquals(0, cli("finding", "create", "--case", CASE, "--kind", "avvik", "--title", "Taushetsplikt").code());
        CliRun attach = cli("finding", "attach", "--case", CASE, "avvik-1", "--passage", passage1, "--quote", words);
        assertEquals(0, attach.code(), attach.err());
        Path before = home.root().resolve("before.json");
        assertEquals(0, cli("export", "--case", CASE, "--format", "json", "--out", before.toString()).code());

        CliRun run = cli("reindex", "--case", CASE, "--json");
        JsonNode c = json(run).get("cases").get(0);
        assertTrue(run.err().contains("reindexed 12 of 12 documents"), run.err());
        assertEquals(1, c.get("rewritten").asInt(), "the documents as the sample's ingest tagged them are what today's make");
        assertEquals(c.get("documents").asInt() - 1, c.get("unchanged").asInt());
        assertTrue(c.get("indicatorChanges").get(INDICATOR).asInt() > 0, c.toString());
        assertEquals(c.get("passages").get("before").asInt() + 1, c.get("passages").get("after").asInt());

        assertTrue(docsFound("indikator:" + INDICATOR).contains(docId), "search finds it by the new tag");
        StoredDocument now = stored(docId);
        assertEquals(today.document(), now.document(), "the text (its pieces), its page map and its id stay");
        assertEquals(today.passages().stream().map(Passage::passageId).toList(), now.passages().stream().map(Passage::passageId).toList(),
                "the older cut's passages replaced whole: none left over, none missing");
        assertEquals(today.passages().stream().map(Passage::end).toList(), now.passages().stream().map(Passage::end).toList());
        assertEquals(today.passages().stream().map(Passage::indicators).toList(), now.passages().stream().map(Passage::indicators).toList());

        CliRun verify = cli("verify", "--case", CASE);
        assertEquals(0, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().contains("{ok=1}"), verify.out());
        Path after = home.root().resolve("after.json");
        assertEquals(0, cli("export", "--case", CASE, "--format", "json", "--out", after.toString()).code());
        assertEquals(Json.mapper().readTree(before.toFile()).get("findings"), Json.mapper().readTree(after.toFile()).get("findings"));
        CliRun audit = cli("audit", "--case", CASE);
        assertTrue(audit.out().contains("case-reindex case " + CASE + " (12 dokumenter merket på nytt"), audit.out());

        JsonNode again = json(cli("reindex", "--case", CASE, "--json")).get("cases").get(0);
        assertEquals(0, again.get("rewritten").asInt(), "a second run finds today's tagging in place and writes nothing");

        // a collection that takes no writes now: said as ingest says it, exit 4, the document left as it was
        makeOld(today);
        cluster.readOnly(COLLECTION, true);
        CliRun refused;
        try {
            refused = cli("reindex", "--case", CASE, "--json");
        } finally {
            cluster.readOnly(COLLECTION, false);
        }
        assertEquals(4, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("no document was re-tagged"), refused.err());
        assertEquals("", refused.out().strip(), "no summary, as ingest gives no receipt there");
        assertFalse(docsFound("indikator:" + INDICATOR).contains(docId), "the older tagging is whole");
        assertEquals(today.passages().size() - 1, stored(docId).passages().size());
        assertEquals(1, json(cli("reindex", "--case", CASE, "--json")).get("cases").get(0).get("rewritten").asInt(),
                "writable again, it re-tags");
        assertTrue(docsFound("indikator:" + INDICATOR).contains(docId));
    }
}

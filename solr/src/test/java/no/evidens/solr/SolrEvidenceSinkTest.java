package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.solr.client.solrj.request.JavaBinUpdateRequestCodec;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.StoredDocument;

/**
 * The writing of one large document to SolrCloud, against a node that reads the update requests as Solr does: in requests
 * of bounded size, its entry in the last; and a document Solr refuses part of is deleted again.
 */
class SolrEvidenceSinkTest {

    /** One update request as the node read it: its entries' unique keys and characters, and its deletes by query. */
    private record Update(List<String> uids, long chars, List<String> deletes, List<String> deletedIds) {
    }

    @Test
    void aLargeDocumentGoesInRequestsOfBoundedSizeItsEntryInTheLast() throws Exception {
        IndexedDocument doc = document(5_000_000);
        List<Passage> passages = passages(doc, 1_200);
        try (UpdateNode node = new UpdateNode(0); SolrEvidenceSink sink = node.sink()) {
            sink.add(doc, passages);
            List<String> expected = new ArrayList<>(List.of(SolrFields.pendingUid("sak", "d1")));
            expected.addAll(SolrFields.uids(doc, passages));
            assertEquals(1 + 1_200 + 77 + 1, expected.size(), "the marker, 1,200 passages, 77 pieces, the entry");
            List<String> sent = new ArrayList<>();
            for (Update u : node.updates) {
                assertTrue(u.uids().size() <= SolrEvidenceSink.BATCH_ENTRIES, u.uids().size() + " entries");
                assertTrue(u.chars() <= SolrEvidenceSink.BATCH_CHARS + SolrFields.PIECE, u.chars() + " characters");
                sent.addAll(u.uids());
            }
            assertEquals(expected, sent, "every entry once, in order: the marker first, the document's entry last");
            assertTrue(node.updates.size() >= 5, node.updates.size() + " requests");
            assertEquals(List.of(), node.updates.stream().flatMap(u -> u.deletes().stream()).toList());
            Update last = node.updates.get(node.updates.size() - 1);
            assertEquals(List.of(SolrFields.pendingUid("sak", "d1")), last.deletedIds(), "the marker goes with the entry");
            assertEquals(List.of(), node.updates.subList(0, node.updates.size() - 1).stream()
                    .flatMap(u -> u.deletedIds().stream()).toList());
            assertEquals(List.of(), sink.notStored());
        }
    }

    @Test
    void aLargeDocumentWhoseClusterGoesAwayHalfWayKeepsItsMarkerAndIsReportedSo() throws Exception {
        IndexedDocument doc = document(300_000);
        try (UpdateNode node = new UpdateNode(0, 2); SolrEvidenceSink sink = node.sink()) {
            Instant before = Instant.now();
            sink.add(doc, passages(doc, 1_200));
            Instant after = Instant.now();
            assertEquals(2, node.updates.size(), "the two taken, nothing after");
            assertEquals(SolrFields.pendingUid("sak", "d1"), node.updates.get(0).uids().get(0), "the marker first");
            // round 52: it says when the writing began and which process writes it, for clean-half-written and the administrator
            assertEquals(1, node.markers.size());
            Instant began = Instant.parse((String) node.markers.get(0).getFieldValue(PassageSchema.DATE));
            assertTrue(!began.isBefore(before) && !began.isAfter(after), began + " not between " + before + " and " + after);
            assertEquals(ProcessHandle.current().pid() + "@", String.valueOf(node.markers.get(0).getFieldValue(PassageSchema.TITLE))
                    .replaceAll("@.*", "@"));
            assertEquals(List.of(), node.updates.stream().flatMap(u -> u.deletedIds().stream()).toList(), "the marker stays");
            List<EvidenceSink.NotStored> lost = sink.notStored();
            assertEquals(List.of(doc.file()), lost.stream().map(EvidenceSink.NotStored::file).toList());
            assertTrue(lost.get(0).detail().endsWith(SolrEvidenceSink.HALF_WRITTEN), lost.get(0).detail());
        }
    }

    @Test
    void aLargeReplaceDeletesTheEarlierCopysOtherEntriesWithItsLastRequest() throws Exception {
        IndexedDocument doc = document(300_000);
        try (UpdateNode node = new UpdateNode(0); SolrEvidenceSink sink = node.sink()) {
            sink.replace(doc, passages(doc, 600));
            assertEquals(2, node.updates.size());
            assertEquals(List.of(), node.updates.get(0).deletes());
            assertEquals(1, node.updates.get(1).deletes().size());
            assertTrue(node.updates.get(1).deletes().get(0).startsWith("+_query_:\"{!term f=docKey}sak/d1\""));
        }
    }

    @Test
    void aDocumentRefusedHalfWayIsDeletedAgainAndListedNotStored() throws Exception {
        IndexedDocument doc = document(300_000);
        try (UpdateNode node = new UpdateNode(2); SolrEvidenceSink sink = node.sink()) {
            sink.add(doc, passages(doc, 1_200));
            assertEquals(3, node.updates.size(), "the two taken, then the delete");
            assertEquals(List.of("{!term f=docKey}sak/d1"), node.updates.get(2).deletes());
            List<EvidenceSink.NotStored> lost = sink.notStored();
            assertEquals(List.of(doc.file()), lost.stream().map(EvidenceSink.NotStored::file).toList());
        }
    }

    /** The uids of a list of passages, as the sink keys them. */
    private static List<String> uids(List<Passage> passages) {
        return passages.stream().map(p -> SolrFields.uid(p.caseId(), p.passageId())).toList();
    }

    @Test
    void aRetaggingSendsThePassagesAloneAndDeletesTheStoredOnesTheyLackById() throws Exception {
        IndexedDocument doc = document(3_000);
        List<Passage> old = passages(doc, 100);
        List<Passage> now = passages(doc, 90);
        try (UpdateNode node = new UpdateNode(0); SolrEvidenceSink sink = node.sink()) {
            sink.replacePassages(new StoredDocument(doc, Map.of(), old), now);
            assertEquals(1, node.updates.size(), "one request");
            assertEquals(uids(now), node.updates.get(0).uids(), "the passages only: no piece of the text, not its entry");
            assertEquals(List.of(), node.updates.get(0).deletes(), "no delete by query");
            assertEquals(uids(old).subList(90, 100), node.updates.get(0).deletedIds(), "the stored passages it lacks, by id");
        }
    }

    @Test
    void aRetaggingSolrRefusesHalfWayWritesTheStoredPassagesBack() throws Exception {
        IndexedDocument doc = document(40_000);
        List<Passage> old = passages(doc, 1_200);
        List<Passage> now = passages(doc, 1_100);
        try (UpdateNode node = new UpdateNode(1); SolrEvidenceSink sink = node.sink()) {
            IOException refused = assertThrows(IOException.class,
                    () -> sink.replacePassages(new StoredDocument(doc, Map.of(), old), now));
            assertTrue(refused.getMessage().startsWith("SolrCloud refused its new passages"), refused.getMessage());
            assertEquals(4, node.updates.size(), "the first 500 new ones taken, then the stored ones in three");
            assertEquals(uids(old), node.updates.subList(1, 4).stream().flatMap(u -> u.uids().stream()).toList());
            assertEquals(List.of(), node.updates.get(3).deletedIds(), "the new ones are all among the stored: none to delete");
        }
    }

    /**
     * Round 52: a passage list makes a passage each time it is read, so the writer reads each passage once (a small
     * document's when it is batched, a large one's as its entries are sent, with the unique keys for a replace's delete
     * taken from those entries) and sends the same entries as {@link SolrFields#block} makes.
     */
    @Test
    void eachPassageIsReadOnceAndTheSameEntriesAreSent() throws Exception {
        IndexedDocument small = new IndexedDocument("d2", "sak", "journaler/kort.txt", "journal", "Kort", "cd".repeat(32),
                "text/plain", "Kvittering mottatt og lest. ".repeat(40), List.of(0));
        IndexedDocument large = document(300_000);
        ReadCounting smallPassages = new ReadCounting(small, 40);
        ReadCounting addPassages = new ReadCounting(large, 1_200);
        ReadCounting replacePassages = new ReadCounting(large, 900);
        try (UpdateNode node = new UpdateNode(0); SolrEvidenceSink sink = node.sink()) {
            sink.add(small, smallPassages);
            sink.add(large, addPassages);
            sink.replace(large, replacePassages);
            sink.commit();
            assertEquals(40, smallPassages.made.get(), "the small document's passages made");
            assertEquals(1_200, addPassages.made.get(), "the large document's passages made");
            assertEquals(900, replacePassages.made.get(), "the replacing copy's passages made");
            List<SolrInputDocument> expected = new ArrayList<>(SolrFields.block(large, passages(large, 1_200)));
            expected.addAll(SolrFields.block(large, passages(large, 900)));
            expected.addAll(SolrFields.block(small, passages(small, 40)));
            List<String> kept = SolrFields.uids(large, passages(large, 900));
            assertEquals(fields(expected), fields(node.entries.stream()
                    .filter(e -> !SolrFields.KIND_PENDING.equals(e.getFieldValue(PassageSchema.KIND))).toList()));
            assertEquals(List.of(SolrEvidenceSink.staleEntries(large, kept)), node.updates.stream()
                    .flatMap(u -> u.deletes().stream()).toList(), "the replace's delete keeps exactly its own entries");
        }
    }

    /** Each entry's fields and their values, in order: what Solr is given. */
    private static List<String> fields(List<SolrInputDocument> entries) {
        return entries.stream().map(e -> e.getFieldNames().stream()
                .map(f -> f + "=" + e.getFieldValues(f)).toList().toString()).toList();
    }

    /** Passages made anew each time one is read, as a document's passage list makes them, and counted. */
    private static final class ReadCounting extends AbstractList<Passage> {
        private final List<Passage> passages;
        final AtomicInteger made = new AtomicInteger();

        ReadCounting(IndexedDocument d, int n) {
            passages = passages(d, n);
        }

        @Override
        public Passage get(int n) {
            made.incrementAndGet();
            Passage p = passages.get(n);
            return new Passage(p.passageId(), p.caseId(), p.docId(), p.file(), p.type(), p.title(), p.heading(), p.page(),
                    p.start(), p.end(), new String(p.text()), p.quotes(), p.indicators(), p.laws(), p.documentFacets(), p.indicatorReasons());
        }

        @Override
        public int size() {
            return passages.size();
        }
    }

    private static IndexedDocument document(int chars) {
        String text = "Kvittering mottatt og lest. ".repeat(chars / 28 + 1).substring(0, chars);
        return new IndexedDocument("d1", "sak", "journaler/logg.txt", "journal", "Logg", "ab".repeat(32), "text/plain", text,
                List.of(0));
    }

    private static List<Passage> passages(IndexedDocument d, int n) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Passage(Passage.idOf("sak", d.docId(), i), "sak", d.docId(), d.file(), d.type(), d.title(), "", 1, 28 * i,
                    28 * i + 27, "Kvittering mottatt og lest.", List.of(), List.of()));
        }
        return out;
    }

    /**
     * A Solr node on 127.0.0.1 that reads each update request (SolrJ's binary format) and answers it, or refuses the one
     * after {@code refuseAfter} taken, once (400, as Solr refuses an entry it cannot store; 0: none).
     */
    private static final class UpdateNode implements AutoCloseable {
        private final HttpServer server;
        final List<Update> updates = new CopyOnWriteArrayList<>();
        /** The markers the node read, as sent. */
        final List<SolrInputDocument> markers = new CopyOnWriteArrayList<>();
        /** Every entry the node read (the markers too), as sent. */
        final List<SolrInputDocument> entries = new CopyOnWriteArrayList<>();
        private final AtomicInteger taken = new AtomicInteger();
        /** Whether it refused its one request. */
        private final java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();

        UpdateNode(int refuseAfter) throws IOException {
            this(refuseAfter, 0);
        }

        /** ... or, {@code goneAfter} taken (0: never), answers nothing more: the connection closed, as a cluster gone. */
        UpdateNode(int refuseAfter, int goneAfter) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/solr", exchange -> {
                if (String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form")) {
                    // a commit (its parameters in the body): nothing to read
                    answer(exchange, 200);
                    exchange.close();
                    return;
                }
                List<String> uids = new ArrayList<>();
                long[] chars = {0};
                UpdateRequest read = new JavaBinUpdateRequestCodec().unmarshal(exchange.getRequestBody(), (doc, req, cw, ow) -> {
                    uids.add((String) doc.getFieldValue(SolrFields.UID));
                    entries.add(doc);
                    if (SolrFields.KIND_PENDING.equals(doc.getFieldValue(PassageSchema.KIND))) {
                        markers.add(doc);
                    }
                    chars[0] += SolrEvidenceSink.chars(doc);
                });
                List<String> deletes = read.getDeleteQuery() == null ? List.of() : read.getDeleteQuery();
                List<String> deletedIds = read.getDeleteById() == null ? List.of() : read.getDeleteById();
                if (goneAfter > 0 && taken.get() >= goneAfter) {
                    exchange.close();
                    return;
                }
                if (refuseAfter > 0 && deletes.isEmpty() && taken.get() == refuseAfter && !refused.getAndSet(true)) {
                    answer(exchange, 400);
                } else {
                    taken.incrementAndGet();
                    updates.add(new Update(uids, chars[0], deletes, deletedIds));
                    answer(exchange, 200);
                }
                exchange.close();
            });
            server.start();
        }

        SolrEvidenceSink sink() {
            String name = "127.0.0.1:" + server.getAddress().getPort() + "_solr";
            return new SolrEvidenceSink(new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr#evidens"), () -> Set.of(name), 1_000), true);
        }

        private static void answer(HttpExchange exchange, int status) throws IOException {
            NamedList<Object> header = new NamedList<>();
            header.add("status", status == 200 ? 0 : status);
            NamedList<Object> body = new NamedList<>();
            body.add("responseHeader", header);
            if (status == 200) {
                body.add("response", new SolrDocumentList());
            } else {
                NamedList<Object> error = new NamedList<>();
                error.add("msg", "Document contains at least one immense term");
                error.add("code", status);
                body.add("error", error);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JavaBinCodec codec = new JavaBinCodec()) {
                codec.marshal(body, bytes);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(status, bytes.size());
            try (OutputStream out = exchange.getResponseBody()) {
                bytes.writeTo(out);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

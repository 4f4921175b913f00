package no.evidens.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.IndexedDocument;
import no.evidens.index.NoIndexException;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.StoredDocument;

/**
 * Writes documents and their passages to the SolrCloud collection: whole documents (a document with its
 * passages and the pieces of its text) gathered into batches of about {@value #BATCH_ENTRIES} entries or {@value
 * #BATCH_CHARS} characters of text, each batch one update request; a document larger than that alone, in several
 * ({@link #sendAlone}); a commit sends what is gathered and makes it visible, as the embedded writer's commit does. A
 * batch Solr refuses is sent again one document at a time, so a document it cannot store costs only itself, and what
 * Solr took of it is deleted again; what is not stored is listed ({@link #notStored()}) for the receipt, never a
 * reason to fail the whole ingestion. Thread-safe.
 */
public final class SolrEvidenceSink implements EvidenceSink {
    static final int BATCH_ENTRIES = 500;
    /**
     * About the most characters of text (of the passages and the pieces) in one update request: some 2 MB of javabin for
     * a Norwegian text. Before round 51 a document's entries went in one request however many: 63 MB for a 16.8 MB log,
     * the nodes' answer time-out its only bound.
     */
    static final long BATCH_CHARS = 2_000_000;

    private final SolrNodes nodes;
    private final boolean ownsNodes;
    private final String collection;
    /** Whole documents not sent yet, and how many Solr entries they make. */
    private List<Block> batch = new ArrayList<>();
    private int batchEntries;
    private long batchChars;
    /** Documents whose add returned but which Solr did not store. */
    private final Queue<NotStored> notStored = new ConcurrentLinkedQueue<>();
    /** case/sha256 of every file written through this sink (committed or not), for {@link #contains}. */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** A re-tagging's read-back of documents ({@link #documents}, {@link #storedFirst}). */
    private final SolrStoredDocuments stored;
    /**
     * Held (shared) while a document's re-tagged passages are sent ({@link #replacePassages}), and alone by a commit: this
     * sink's commit never makes a document visible between its requests.
     */
    private final ReadWriteLock retagging = new ReentrantReadWriteLock();

    /**
     * A document and its passages, the Solr entries they make and about how many characters of text those hold (a passage's
     * text twice: stored, and analysed again for its parts); the entries are made when they are sent. The passages are read
     * once: a passage list makes each passage anew when it is read (round 52, {@code PassageList}), its text cut out and its
     * lists made, so a large document's list, which makes more entries than a batch holds whatever its characters, is left
     * to be read as its entries are sent (its characters are not needed: it goes alone); a small one's few passages are
     * made here once, counted, and kept for the batch.
     */
    private record Block(IndexedDocument doc, List<Passage> passages, int entries, long chars) {
        static Block of(IndexedDocument doc, List<Passage> passages) {
            int entries = passages.size() + doc.text().length() / SolrFields.PIECE + 2;
            if (entries > BATCH_ENTRIES) {
                return new Block(doc, passages, entries, -1);
            }
            List<Passage> made = List.copyOf(passages);
            long chars = doc.text().length() + 2L * made.stream().mapToLong(p -> p.text().length()).sum();
            return new Block(doc, made, entries, chars);
        }

        boolean large() {
            return entries > BATCH_ENTRIES || chars > BATCH_CHARS;
        }
    }

    /** The characters of an entry's text values. */
    static long chars(SolrInputDocument entry) {
        long n = 0;
        for (SolrInputField f : entry) {
            for (Object v : f) {
                if (v instanceof String s) {
                    n += s.length();
                }
            }
        }
        return n;
    }

    /** A sink on the collection at {@code target}; it closes its connection with itself. */
    public SolrEvidenceSink(SolrTarget target) {
        this(new SolrNodes(target), true);
    }

    SolrEvidenceSink(SolrNodes nodes, boolean ownsNodes) {
        this.nodes = nodes;
        this.ownsNodes = ownsNodes;
        this.collection = nodes.target().collection();
        this.stored = new SolrStoredDocuments(q -> nodes.query(q, collection));
    }

    @Override
    public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
        Block block = Block.of(doc, passages);
        written.add(doc.caseId() + "/" + doc.sha256());
        if (block.large()) {
            sendAlone(block, false);
            return;
        }
        List<Block> full = null;
        synchronized (this) {
            batch.add(block);
            batchEntries += block.entries();
            batchChars += block.chars();
            if (batchEntries >= BATCH_ENTRIES || batchChars >= BATCH_CHARS) {
                full = takeBatch();
            }
        }
        if (full != null) {
            send(full);
        }
    }

    /**
     * Replaces any earlier copy: the new entries (the unique key overwrites an entry of the same id) and, in the same
     * request as the last of them, a delete of the document's other entries, those the new copy no longer has. The
     * delete leaves the new entries alone, so the request gives the same result in whatever order Solr applies its
     * parts, and no commit can show the document missing. (Solr has no transactions: it is one request on the one shard
     * the case is routed to, several for a large document, not a rollback-able unit.)
     */
    @Override
    public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
        Block block = Block.of(doc, passages);
        written.add(doc.caseId() + "/" + doc.sha256());
        sendAlone(block, true);
    }

    /**
     * One document's entries: in one update request, or a large document's in several of at most {@value #BATCH_ENTRIES}
     * entries and about {@value #BATCH_CHARS} characters, in the block's order (its entry, which says it is stored, in the
     * last); for a replace, the delete of the earlier copy's other entries goes with the last. When Solr refuses any of
     * them, the document's entries are deleted again (those Solr took before the one it refused, those of the requests
     * before): no half document is left to be found after the next commit. When no node answers, nothing more is sent:
     * the entry is not there, so the file is read again by the next ingestion, which overwrites what was taken; a large
     * document's marker ({@link SolrFields#pending}), sent first and deleted only with its entry, keeps what was taken out
     * of search meanwhile (the cluster gone, a delete would wait as long again).
     */
    private void sendAlone(Block b, boolean replacing) {
        boolean marked = b.large();
        try {
            BoundedRequests requests = new BoundedRequests();
            if (marked) {
                requests.first(SolrFields.pending(b.doc(), Instant.now(), ThisProcess.name()));
            }
            // the unique keys of what is sent, for the stale entries' delete: taken from the entries as they go, so the
            // passages are read once (as the index reads them), not again for their ids
            List<String> sent = new ArrayList<>();
            for (Iterator<SolrInputDocument> it = SolrFields.entries(b.doc(), b.passages()); it.hasNext(); ) {
                SolrInputDocument entry = it.next();
                if (replacing) {
                    sent.add((String) entry.getFieldValue(SolrFields.UID));
                }
                requests.add(entry);
            }
            UpdateRequest update = requests.last();
            if (replacing) {
                update.deleteByQuery(staleEntries(b.doc(), sent));
            }
            if (marked) {
                // with the entry: the commit that shows the entry is the one that drops the marker (one shard, the case's)
                update.deleteById(SolrFields.pendingUid(b.doc().caseId(), b.doc().docId()));
            }
            nodes.request(update, collection);
        } catch (SolrException refused) {
            deleteAll(b.doc(), refused);
            notStored(b, refused);
        } catch (IOException | RuntimeException unreachable) {
            notStored(b, marked ? new IOException(unreachable.getMessage() + HALF_WRITTEN, unreachable) : unreachable);
        }
    }

    /** Added to why a large document was not stored when the cluster went away during its writing. */
    static final String HALF_WRITTEN = " (the cluster went away while this document was written: what it took is left out of "
            + "search until the file is ingested again)";

    /** Deletes every entry of the document (what Solr took of a document it then refused); a failure is added to why. */
    private void deleteAll(IndexedDocument doc, Exception why) {
        UpdateRequest delete = new UpdateRequest();
        delete.deleteByQuery("{!term f=" + PassageSchema.DOC_KEY + "}" + SolrFields.docKey(doc.caseId(), doc.docId()));
        try {
            nodes.request(delete, collection);
        } catch (IOException | RuntimeException e) {
            why.addSuppressed(e);
        }
    }

    /**
     * The documents of the case (or of every case) as the collection's last commit holds them, listed in pages; their
     * texts' lengths are kept for {@link #storedFirst}.
     *
     * @throws NoIndexException when the collection is not there
     */
    @Override
    public List<StoredDocument.Entry> documents(String caseId) throws IOException {
        if (!nodes.hasCollection()) {
            throw new NoIndexException("SolrCloud " + nodes.target() + " (run evidens solr init, then ingest)");
        }
        return stored.entries(caseId);
    }

    @Override
    public java.util.Optional<StoredDocument> stored(String caseId, String docId) throws IOException {
        return stored.first(List.of(new StoredDocument.Entry(caseId, docId, null))).documents().stream().findFirst();
    }

    /** Up to {@value SolrStoredDocuments#GROUP} documents in three requests ({@link SolrStoredDocuments#first}). */
    @Override
    public StoredDocument.Read storedFirst(List<StoredDocument.Entry> entries) throws IOException {
        return stored.first(entries);
    }

    /**
     * A re-tagging in place: the document's new passages (the unique key overwrites a stored passage of the same id) and,
     * with the last of them, a delete by id of the stored passages whose ids the new ones lack (none of the new ones, so
     * the request comes out the same in whatever order Solr applies its parts). By id, not by query: a delete by query
     * makes every replica open a new real-time searcher and order it against the adds around it, and a reindex writes a
     * document at a time; the ids are those just read back ({@link #stored}), and usually there are none to delete. The document's entry and the pieces of its text are not
     * sent: its text, page map and every offset stay exactly as stored. An ordinary document goes in one update request,
     * one larger than {@value #BATCH_ENTRIES} entries or {@value #BATCH_CHARS} characters in several within those bounds.
     *
     * <p>Why it is never left half: Solr has no transaction to roll back, but it applies a request's parts in order on the
     * one shard the case lives on, and what it applied is seen only after a commit. A collection that takes no writes now
     * (read-only, a shard without a leader) refuses the first part, before anything is applied: said as the index not
     * taking writes ({@link IndexUnreachableException}), and the re-tagging stops. A refusal of one passage (which Solr would
     * give after it applied those before) is undone here at once: the stored passages are written back the same way (Solr
     * stored them before), and the document keeps them. This sink's commit waits for the passages being sent ({@link
     * #retagging}), so none of its commits shows a document between its requests. What stays open: the cluster going away
     * in the middle of a document's requests (then what it took is not known, and the run stops: the next reindex, which
     * compares every document with today's tagging, writes it whole), and another process's commit landing in those
     * milliseconds (run a reindex while nothing else writes the case, as for {@code solr upgrade-text}).
     */
    @Override
    public void replacePassages(StoredDocument old, List<Passage> passages) throws IOException {
        retagging.readLock().lock();
        try {
            sendPassages(passages, old.passages());
        } catch (SolrException refused) {
            if (refused.code() == 403) {
                // a read-only collection refuses the first part, nothing applied
                throw new IndexUnreachableException("SolrCloud " + nodes.target() + " refuses writes now: " + refused.getMessage(),
                        refused);
            }
            try {
                sendPassages(old.passages(), passages);
            } catch (SolrException | IOException again) {
                refused.addSuppressed(again);
                throw new IOException("SolrCloud refused its new passages (" + refused.getMessage() + "), and writing back "
                        + "those stored failed too: it may hold some of the new ones until reindex runs again", refused);
            }
            throw new IOException("SolrCloud refused its new passages: " + refused.getMessage(), refused);
        } finally {
            retagging.readLock().unlock();
        }
    }

    /** The passages, in requests of bounded size, and with the last the delete of those of {@code before} they lack. */
    private void sendPassages(List<Passage> passages, List<Passage> before) throws IOException {
        BoundedRequests requests = new BoundedRequests();
        List<String> kept = new ArrayList<>();
        for (Passage p : passages) {
            SolrInputDocument entry = SolrFields.passage(p);
            kept.add((String) entry.getFieldValue(SolrFields.UID));
            requests.add(entry);
        }
        UpdateRequest update = requests.last();
        Set<String> sent = new java.util.HashSet<>(kept);
        for (Passage p : before) {
            String uid = SolrFields.uid(p.caseId(), p.passageId());
            if (!sent.contains(uid)) {
                update.deleteById(uid);
            }
        }
        nodes.request(update, collection);
    }

    /**
     * One document's entries in update requests of at most {@value #BATCH_ENTRIES} entries and about {@value #BATCH_CHARS}
     * characters, each full one sent as the next entry would overfill it; the last is left to the caller, to send with
     * what must go with it (a delete).
     */
    private final class BoundedRequests {
        private UpdateRequest update = new UpdateRequest();
        private int entries;
        private long chars;

        /** An entry first in the first request, its characters not counted (a large document's marker). */
        void first(SolrInputDocument marker) {
            update.add(marker);
            entries++;
        }

        void add(SolrInputDocument entry) throws IOException {
            long c = chars(entry);
            if (entries > 0 && (entries >= BATCH_ENTRIES || chars + c > BATCH_CHARS)) {
                nodes.request(update, collection);
                update = new UpdateRequest();
                entries = 0;
                chars = 0;
            }
            update.add(entry);
            entries++;
            chars += c;
        }

        /** The request not sent yet. */
        UpdateRequest last() {
            return update;
        }
    }

    /** The document's entries whose unique key is not among {@code kept}. */
    static String staleEntries(IndexedDocument doc, List<String> kept) {
        // {!terms} has no clause limit (a document may have thousands of passages); ids hold no comma or quote.
        String keys = String.join(",", kept);
        return "+_query_:\"{!term f=" + PassageSchema.DOC_KEY + "}" + SolrFields.docKey(doc.caseId(), doc.docId()) + "\""
                + " -_query_:\"{!terms f=" + SolrFields.UID + "}" + keys + "\"";
    }

    private List<Block> takeBatch() {
        List<Block> full = batch;
        batch = new ArrayList<>();
        batchEntries = 0;
        batchChars = 0;
        return full;
    }

    private void send(List<Block> blocks) {
        UpdateRequest update = new UpdateRequest();
        blocks.forEach(b -> SolrFields.entries(b.doc(), b.passages()).forEachRemaining(update::add));
        try {
            nodes.request(update, collection);
        } catch (SolrException refused) {
            // Solr refused some document of the batch (and stored those before it): each again on its own.
            for (Block b : blocks) {
                sendAlone(b, false);
            }
        } catch (IOException | RuntimeException unreachable) {
            // No node answered for a minute: trying each document again would only wait as long again.
            blocks.forEach(b -> notStored(b, unreachable));
        }
    }

    private void notStored(Block b, Exception e) {
        IndexedDocument doc = b.doc();
        written.remove(doc.caseId() + "/" + doc.sha256());
        notStored.add(new NotStored(doc.caseId(), doc.file(), doc.sha256(), String.valueOf(e.getMessage())));
    }

    @Override
    public List<NotStored> notStored() {
        return List.copyOf(notStored);
    }

    /**
     * Deletes the case's documents of these types and their passages: the document entries found, every one ({@link
     * SolrPages}: a case's journals may be many thousands), then each document's entries by its key, in one update
     * request (on every shard, as a delete by query is). Their text is not fetched: the answer has it empty. A document
     * left half-written (the cluster gone mid-document: its marker, passages and pieces, no entry) is found by its marker
     * and deleted alike, its entries by its key, and returned from what its marker holds (its file and checksum), so that
     * its file is deleted too (before round 51 (c) it was left, passages of a deleted journal with it).
     */
    @Override
    public List<IndexedDocument> deleteDocuments(String caseId, Set<String> types) throws IOException {
        if (types.isEmpty()) {
            return List.of();
        }
        SolrQuery q = new SolrQuery("*:*")
                .addFilterQuery("{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_DOCUMENT)
                .addFilterQuery("{!term f=" + PassageSchema.CASE + "}" + caseId)
                .addFilterQuery("{!terms f=" + PassageSchema.TYPE + " separator='\u001f' v=$types}");
        q.set("types", String.join("\u001f", types.stream().sorted().toList()));
        q.setFields(PassageSchema.DOC, PassageSchema.CASE, PassageSchema.FILE, PassageSchema.TYPE, PassageSchema.TITLE,
                PassageSchema.SHA256, PassageSchema.MEDIA_TYPE, PassageSchema.PAGE_STARTS, PassageSchema.NORMALISER);
        List<IndexedDocument> gone = new ArrayList<>();
        for (SolrDocument d : SolrPages.all(q, r -> nodes.query(r, collection))) {
            d.setField(PassageSchema.DOC_TEXT, "");
            gone.add(SolrFields.toIndexedDocument(d));
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        gone.forEach(d -> keys.add(SolrFields.docKey(caseId, d.docId())));
        for (SolrDocument m : halfWritten(caseId, types)) {
            String docId = String.valueOf(m.getFirstValue(PassageSchema.DOC));
            if (keys.add(SolrFields.docKey(caseId, docId)) && m.getFirstValue(PassageSchema.FILE) != null) {
                // told as deleted too, so that its file goes from the bundle (a marker made before its file was kept in it:
                // its entries are deleted, its file is not known here)
                gone.add(new IndexedDocument(docId, caseId, String.valueOf(m.getFirstValue(PassageSchema.FILE)),
                        String.valueOf(m.getFirstValue(PassageSchema.TYPE)), null, String.valueOf(m.getFirstValue(PassageSchema.SHA256)),
                        null, "", List.of(), null));
            }
        }
        if (!keys.isEmpty()) {
            UpdateRequest delete = new UpdateRequest();
            keys.forEach(k -> delete.deleteByQuery("{!term f=" + PassageSchema.DOC_KEY + "}" + k));
            nodes.request(delete, collection);
            gone.forEach(d -> written.remove(caseId + "/" + d.sha256()));
        }
        return gone;
    }

    /** The markers of the case's documents of these types ({@link SolrFields#pending}): half-written. */
    private List<SolrDocument> halfWritten(String caseId, Set<String> types) throws IOException {
        SolrQuery q = SolrSearches.pending()
                .addFilterQuery("{!term f=" + PassageSchema.CASE + "}" + caseId)
                .addFilterQuery("{!terms f=" + PassageSchema.TYPE + " separator='\u001f' v=$types}");
        q.set("types", String.join("\u001f", types.stream().sorted().toList()));
        q.setFields(PassageSchema.CASE, PassageSchema.DOC, PassageSchema.TYPE, PassageSchema.FILE, PassageSchema.SHA256);
        List<SolrDocument> out = new ArrayList<>();
        for (SolrDocument d : SolrPages.all(q, r -> nodes.query(r, collection))) {
            out.add(d);
        }
        return out;
    }

    @Override
    public boolean contains(String caseId, String sha256) throws IOException {
        if (written.contains(caseId + "/" + sha256)) {
            return true;
        }
        SolrQuery q = new SolrQuery("*:*").setRows(0)
                .addFilterQuery("{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_DOCUMENT)
                .addFilterQuery("{!term f=" + PassageSchema.CASE + "}" + caseId)
                .addFilterQuery("{!term f=" + PassageSchema.SHA256 + "}" + sha256);
        return nodes.query(q, collection).getResults().getNumFound() > 0;
    }

    @Override
    public void commit() throws IOException {
        List<Block> rest;
        synchronized (this) {
            rest = takeBatch();
        }
        if (!rest.isEmpty()) {
            send(rest);
        }
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        retagging.writeLock().lock();
        try {
            nodes.request(commit, collection);
        } finally {
            retagging.writeLock().unlock();
        }
    }

    /** Sends and commits what is gathered (as closing the embedded writer commits), then disconnects. */
    @Override
    public void close() throws IOException {
        boolean pending;
        synchronized (this) {
            pending = !batch.isEmpty();
        }
        try {
            if (pending) {
                commit();
            }
        } finally {
            if (ownsNodes) {
                nodes.close();
            }
        }
    }
}

package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.Messages;

/**
 * The index as the ingestion's route writes it, keeping count of the documents added since its last good commit. A
 * document whose {@code add} returned is durable only once a commit after it succeeds: when a commit fails (the disk
 * filled up) the engine keeps none of them (Lucene's writer closes on it), so their receipt lines, already written
 * {@code indexed}, must say {@code failed} ({@link no.evidens.pipeline.extract.Reason#NOT_SAVED}), and the next ingest,
 * which does not find them in the index, reads them again. A later commit that succeeds saves every document added
 * before it, so it clears the count.
 */
final class UnsavedDocuments implements EvidenceSink {
    private final EvidenceSink sink;
    /** The documents added since the last good commit, by path in the bundle. */
    private final Map<String, NotStored> pending = new ConcurrentHashMap<>();
    /** The last commit's failure, or null when it succeeded (or none was made). */
    private volatile Exception failure;

    UnsavedDocuments(EvidenceSink sink) {
        this.sink = sink;
    }

    @Override
    public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
        sink.add(doc, passages);
        added(doc);
    }

    @Override
    public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
        sink.replace(doc, passages);
        added(doc);
    }

    private void added(IndexedDocument doc) {
        pending.put(doc.file(), new NotStored(doc.caseId(), doc.file(), doc.sha256(), null));
    }

    @Override
    public boolean contains(String caseId, String sha256) throws IOException {
        return sink.contains(caseId, sha256);
    }

    /**
     * Commits; a document added while the commit runs may or may not be in it, so it stays counted until the next
     * commit. A failure is kept and thrown on.
     */
    @Override
    public void commit() throws IOException {
        List<Map.Entry<String, NotStored>> before = new ArrayList<>(pending.entrySet());
        try {
            sink.commit();
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
        failure = null;
        before.forEach(e -> pending.remove(e.getKey(), e.getValue()));
    }

    /**
     * The documents whose {@code add} returned but which the last commit, which failed, did not save, each with the
     * commit's failure in one line; empty when the last commit succeeded.
     */
    List<NotStored> unsaved() {
        Exception failed = failure;
        if (failed == null) {
            return List.of();
        }
        String detail = Messages.oneLine(failed);
        return pending.values().stream().map(d -> new NotStored(d.caseId(), d.file(), d.sha256(), detail)).toList();
    }

    @Override
    public List<NotStored> notStored() {
        return sink.notStored();
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }
}

package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import no.evidens.index.CaseHashes;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;

/**
 * The index as an ingestion writes it, opened at the first document written: a re-ingest that adds nothing
 * never opens the engine's writer (nor takes its lock, nor commits). "Is this hash already in the case?" is
 * answered from the case's hashes as committed when the ingestion began ({@link CaseHashes}) plus those
 * written since, which is what the embedded writer answers too; without them (SolrCloud, or an index that could
 * not be read so) the engine is opened at once, as before, and asked.
 */
final class OnDemandSink implements EvidenceSink {
    private final Supplier<EvidenceSink> opener;
    private final String caseId;
    /** The case's hashes at the start, or null when the engine is to be asked. */
    private final Set<String> committed;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile EvidenceSink sink;

    /**
     * @param opener    opens the engine's sink (once, at the first write or question for the engine)
     * @param caseId    the case being ingested
     * @param committed the case's content hashes in the index now, or null to open the engine now and ask it
     */
    OnDemandSink(Supplier<EvidenceSink> opener, String caseId, Set<String> committed) {
        this.opener = opener;
        this.caseId = caseId;
        this.committed = committed;
        if (committed == null) {
            sink(); // an engine that cannot be reached, or an index that cannot be opened, stops the ingest at once
        }
    }

    /** Opens the engine's sink now, if it is not open: an index held by another writer is refused here, not file by file. */
    void open() {
        sink();
    }

    /** Whether the engine's sink was opened. */
    boolean opened() {
        return sink != null;
    }

    private EvidenceSink sink() {
        EvidenceSink s = sink;
        if (s == null) {
            synchronized (this) {
                s = sink;
                if (s == null) {
                    s = opener.get();
                    sink = s;
                }
            }
        }
        return s;
    }

    @Override
    public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
        sink().add(doc, passages);
        written.add(key(doc.caseId(), doc.sha256()));
    }

    @Override
    public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
        sink().replace(doc, passages);
        written.add(key(doc.caseId(), doc.sha256()));
    }

    @Override
    public boolean contains(String caseId, String sha256) throws IOException {
        if (committed == null || !this.caseId.equals(caseId)) {
            return sink().contains(caseId, sha256);
        }
        return committed.contains(sha256) || written.contains(key(caseId, sha256));
    }

    private static String key(String caseId, String sha256) {
        return caseId + '/' + sha256;
    }

    /** Commits what was written; nothing to do when nothing was. */
    @Override
    public void commit() throws IOException {
        if (sink != null) {
            sink.commit();
        }
    }

    @Override
    public List<NotStored> notStored() {
        return sink == null ? List.of() : sink.notStored();
    }

    @Override
    public void close() throws IOException {
        if (sink != null) {
            sink.close();
        }
    }
}

package no.evidens.index;

import java.io.IOException;
import java.util.List;

/**
 * The write side of the evidence index, whatever engine holds it ({@link EvidenceIndexWriter} embedded,
 * or a SolrCloud collection). Thread-safe. A document and its passages are written as one unit; what is
 * written becomes visible to searchers at {@link #commit()}.
 */
public interface EvidenceSink extends AutoCloseable {
    /** Adds a document and all its passages, or nothing if it fails. */
    void add(IndexedDocument doc, List<Passage> passages) throws IOException;

    /** Adds a document and its passages in place of any earlier copy of it (same case and id). */
    void replace(IndexedDocument doc, List<Passage> passages) throws IOException;

    /** Whether the case already holds a file with this content hash (committed or not). */
    boolean contains(String caseId, String sha256) throws IOException;

    /** Makes everything written so far durable and visible to searchers. */
    void commit() throws IOException;

    @Override
    void close() throws IOException;
}

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

    /**
     * Deletes the case's documents of these types with all their passages, every one (visible at {@link #commit()}); for
     * records whose time is up. A sink that only ingests need not: this default refuses.
     *
     * @return the documents deleted (their fields; the text may be left out)
     */
    default List<IndexedDocument> deleteDocuments(String caseId, java.util.Set<String> types) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not delete documents");
    }

    /**
     * The documents of a case (of every case when {@code caseId} is null) as the index holds them, by case and file, without
     * their texts: what a re-tagging in place goes through. A sink that only ingests need not: this default refuses.
     */
    default List<StoredDocument.Entry> documents(String caseId) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not list documents");
    }

    /**
     * A document as the index held it when {@link #documents} was last asked (what is replaced after is not seen), with its
     * passages; empty when there is none. A sink that only ingests need not: this default refuses.
     */
    default java.util.Optional<StoredDocument> stored(String caseId, String docId) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not read documents back");
    }

    /**
     * About the most characters of text {@link #storedFirst} reads in one go (more only for one document larger alone): what
     * a re-tagging holds read ahead while the documents before are tagged.
     */
    long READ_CHARS = 2_000_000;

    /**
     * The first documents of {@code entries} as {@link #stored} gives each (one no longer there left out), read together
     * where the engine reads several cheaply: at least the first, then those after it while their texts come to no more
     * than about {@link #READ_CHARS} characters. The caller asks again from the entry after the last one read ({@link
     * StoredDocument.Read#read}). This default reads them one by one, as {@link #stored} does.
     */
    default StoredDocument.Read storedFirst(List<StoredDocument.Entry> entries) throws IOException {
        List<StoredDocument> found = new java.util.ArrayList<>();
        long chars = 0;
        int n = 0;
        while (n < entries.size() && (n == 0 || chars < READ_CHARS)) {
            StoredDocument.Entry e = entries.get(n++);
            java.util.Optional<StoredDocument> d = stored(e.caseId(), e.docId());
            if (d.isPresent()) {
                found.add(d.get());
                chars += d.get().document().text().length();
            }
        }
        return new StoredDocument.Read(n, found);
    }

    /**
     * A re-tagging in place: the document's passages in place of those stored ({@code stored}, as {@link #stored} read it),
     * its entry and text as they are, all or nothing (when it throws, the document keeps {@code stored}'s passages). This
     * default is {@link #replace}, one unit wherever {@code replace} is (the embedded index).
     *
     * @throws IndexUnreachableException when the index cannot take writes now (a re-tagging stops there)
     */
    default void replacePassages(StoredDocument stored, List<Passage> passages) throws IOException {
        replace(stored.document(), passages);
    }

    /** Whether the case already holds a file with this content hash (committed or not). */
    boolean contains(String caseId, String sha256) throws IOException;

    /**
     * Makes everything written so far durable and visible to searchers. A document the engine refused or
     * could not be reached for is not a reason to fail: it is listed in {@link #notStored()}.
     */
    void commit() throws IOException;

    /**
     * Documents whose {@code add} or {@code replace} returned but which the engine did not store (a batch
     * sent later was refused): each needs its receipt line changed to failed. Empty for the embedded
     * index, whose {@code add} stores or throws.
     */
    default List<NotStored> notStored() {
        return List.of();
    }

    /**
     * A document the engine did not store.
     *
     * @param caseId the case
     * @param file   its path in the bundle, as in the receipt ({@code pakke.zip!/notat.pdf})
     * @param sha256 its content hash
     * @param detail the engine's own message, for whoever debugs
     */
    record NotStored(String caseId, String file, String sha256, String detail) {
    }

    @Override
    void close() throws IOException;
}

package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes documents and their passages to the evidence index. Thread-safe: many ingestion threads
 * may add documents at once. A document and its passages are added as one atomic block.
 */
public final class EvidenceIndexWriter implements EvidenceSink {
    private static final double RAM_BUFFER_MB = 64;
    /** Buffers smaller than this are written by the committing thread alone (a small ingest, an edit). */
    private static final long PARALLEL_FLUSH_BYTES = 8L << 20;
    private final IndexWriter writer;
    /** The writer's directory, closed after it (its syncing threads with it). */
    private final Directory directory;
    private final SearcherManager nrt;
    private final long parallelFlushBytes;
    /**
     * Case and content hash of each document written through this writer: {@link #contains} answers from
     * them and from the searcher as it last was, without a refresh per question (ingest asks once a file, and
     * each refresh flushed a small segment that Lucene then had to merge: a tenth of an ingest's CPU time).
     */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /**
     * Whether the index was written with the facets' drill-down terms (before they were left out): it keeps getting
     * them, as Lucene refuses a document whose facet field is indexed otherwise than the index's.
     */
    private final boolean drillDownTerms;
    /**
     * Whether the index was written with each entry's id as a term (before ids were stored only): it keeps getting them,
     * as Lucene refuses an entry whose id is indexed otherwise than the index's.
     */
    private final boolean idTerms;
    /** Set when documents were deleted: the next {@link #contains} refreshes the searcher first. */
    private volatile boolean deletedSinceRefresh;
    /** Run once the writer is closed and its lock let go (however the close went). */
    private final Runnable released;

    public EvidenceIndexWriter(Path dir) {
        this(dir, () -> { });
    }

    /**
     * A writer that runs {@code released} when it has been closed and has let go of the index's lock: the home marks it
     * there, so that whoever waits for the lock goes on at once, whichever command wrote.
     */
    public EvidenceIndexWriter(Path dir, Runnable released) {
        this(dir, NorwegianAnalysis.analyzer(), PARALLEL_FLUSH_BYTES, released);
    }

    /** A writer with another analyzer (the baseline of a relevance evaluation). */
    public EvidenceIndexWriter(Path dir, Analyzer analyzer) {
        this(dir, analyzer, PARALLEL_FLUSH_BYTES, () -> { });
    }

    /** A writer that writes its buffers on all cores at a commit from {@code parallelFlushBytes} on (tests: 0). */
    EvidenceIndexWriter(Path dir, Analyzer analyzer, long parallelFlushBytes) {
        this(dir, analyzer, parallelFlushBytes, () -> { });
    }

    private EvidenceIndexWriter(Path dir, Analyzer analyzer, long parallelFlushBytes, Runnable released) {
        this.parallelFlushBytes = parallelFlushBytes;
        this.released = released;
        try {
            Files.createDirectories(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Fewer, larger flushed segments: less merging while a big bundle is written.
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    // A flushed segment stays as the files its formats wrote: packing them into one compound file
                    // copied (and checksummed) every byte of it once more. Merged segments still follow the merge
                    // policy (compound only when small beside the index); readers open either kind, so an index
                    // written before needs nothing.
                    .setUseCompoundFile(false);
            // Lucene's codec, its flushed postings written with the norms read from arrays (the same bytes), its
            // stored fields in smaller blocks (a hit read decompresses less).
            config.setCodec(StoredChunks.codec(FlushNorms.codec(config.getCodec())));
            // The classes of a flush loaded before the first document, so that the compiled adding code stays valid.
            FlushClasses.load(analyzer, config);
            // the lock tried again for a moment when held: a server's look at it (IndexWriteLock) holds it that long
            this.directory = IndexWriteLock.waitingForIt(new ParallelSyncDirectory(FSDirectory.open(dir)));
            this.writer = new IndexWriter(directory, config);
            Map<String, String> last = new HashMap<>();
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                data.forEach(e -> last.put(e.getKey(), e.getValue()));
            }
            try {
                IndexFormat.requireKnown(dir, last);
            } catch (IndexFormat.IndexTooNew e) {
                writer.rollback();
                directory.close();
                throw e;
            }
            if (IndexFormat.of(last) != IndexFormat.CURRENT) {
                // an index of an older Evidens (no stamp) or a new one: stamped by the next commit that writes anything
                // (false: the stamp alone makes no commit)
                writer.setLiveCommitData(IndexFormat.stamp().entrySet(), false);
            }
            this.nrt = new SearcherManager(writer, null);
            IndexSearcher searcher = nrt.acquire();
            try {
                this.drillDownTerms = PassageSchema.hasDrillDownTerms(searcher.getIndexReader());
                this.idTerms = PassageSchema.hasIdTerms(searcher.getIndexReader());
            } finally {
                nrt.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds a document and all its passages, or nothing if it fails. */
    @Override
    public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
        try {
            writer.addDocuments(block(doc, passages));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        written.add(hashKey(doc.caseId(), doc.sha256()));
    }

    /**
     * Adds a document and its passages in place of any earlier copy of it (same case and id), as one
     * atomic step: for a document that a run cut short may already have added (one inside a container).
     * Slower than {@link #add}, which a document that is known to be new takes.
     */
    @Override
    public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
        try {
            writer.updateDocuments(new Term(PassageSchema.DOC_KEY, PassageSchema.docKey(doc.caseId(), doc.docId())),
                    block(doc, passages));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        written.add(hashKey(doc.caseId(), doc.sha256()));
    }

    private static String hashKey(String caseId, String sha256) {
        return caseId + '/' + sha256;
    }

    /** From how many passages a block is made as Lucene reads it (a huge text), not before. */
    static final int LAZY_BLOCK = 4096;

    /**
     * The passages' Lucene documents, then the document's own, each made when Lucene reads it. Lucene reads a block once,
     * in order, while it indexes it (and marks the block's documents deleted when reading one fails, so the block is
     * still all or nothing): made all at once, the documents of one huge text (123,908 passages of an 18 MB log) were
     * the ingest's largest live heap, 576 MiB against 444 MiB while the text was tagged (round 50). A document that
     * cannot be made fails as an {@link UncheckedIOException} that {@link #add} and {@link #replace} unwrap.
     */
    private Iterable<Document> block(IndexedDocument doc, List<Passage> passages) {
        SharedFields shared = new SharedFields(drillDownTerms);
        Iterable<Document> made = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next <= passages.size();
            }

            @Override
            public Document next() {
                if (next > passages.size()) {
                    throw new NoSuchElementException();
                }
                int k = next++;
                if (k == passages.size()) {
                    return PassageSchema.toDocument(doc, idTerms);
                }
                Document d = PassageSchema.toDocument(passages.get(k), shared, idTerms);
                try {
                    return drillDownTerms ? PassageSchema.withDrillDownTerms(d) : d;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        if (passages.size() > LAZY_BLOCK) {
            return made;
        }
        // an ordinary document's block is made before Lucene takes it, as before round 50: made as Lucene read it, the
        // search bench's indexing of 1,000,000 passages took more processor time (4.3–5.5 CPU-s per 100,000 passages in
        // five runs, against 3.9–4.7 in five made first, alternated, 2026-12-06)
        List<Document> block = new ArrayList<>(passages.size() + 1);
        made.forEach(block::add);
        return block;
    }

    /** Whether the case already holds a file with this content hash (committed or not). */
    @Override
    public boolean contains(String caseId, String sha256) throws IOException {
        if (written.contains(hashKey(caseId, sha256))) {
            return true;
        }
        if (deletedSinceRefresh) {
            deletedSinceRefresh = false;
            nrt.maybeRefreshBlocking();
        }
        IndexSearcher searcher = nrt.acquire();
        try {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PassageSchema.CASE, caseId)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PassageSchema.SHA256, sha256)), BooleanClause.Occur.FILTER)
                    .build();
            return searcher.count(q) > 0;
        } finally {
            nrt.release(searcher);
        }
    }

    /**
     * Deletes the case's documents of these types with all their passages (not committed: call
     * {@link #commit()}); for records whose time is up.
     *
     * @return the documents deleted
     */
    @Override
    public List<IndexedDocument> deleteDocuments(String caseId, java.util.Set<String> types) throws IOException {
        nrt.maybeRefreshBlocking();
        IndexSearcher searcher = nrt.acquire();
        List<IndexedDocument> gone = new ArrayList<>();
        try {
            BooleanQuery.Builder ofTypes = new BooleanQuery.Builder();
            types.forEach(t -> ofTypes.add(new TermQuery(new Term(PassageSchema.TYPE, t)), BooleanClause.Occur.SHOULD));
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PassageSchema.CASE, caseId)), BooleanClause.Occur.FILTER)
                    .add(ofTypes.build(), BooleanClause.Occur.FILTER)
                    .build();
            int n = Math.max(1, searcher.count(q));
            for (org.apache.lucene.search.ScoreDoc hit : searcher.search(q, n).scoreDocs) {
                gone.add(PassageSchema.toIndexedDocument(searcher.storedFields().document(hit.doc)));
            }
        } finally {
            nrt.release(searcher);
        }
        for (IndexedDocument d : gone) {
            writer.deleteDocuments(new Term(PassageSchema.DOC_KEY, PassageSchema.docKey(d.caseId(), d.docId())));
            written.remove(hashKey(d.caseId(), d.sha256()));
        }
        deletedSinceRefresh = true;
        return gone;
    }

    @Override
    public List<StoredDocument.Entry> documents(String caseId) throws IOException {
        nrt.maybeRefreshBlocking();
        IndexSearcher searcher = nrt.acquire();
        try {
            return StoredDocuments.entries(searcher, caseId);
        } finally {
            nrt.release(searcher);
        }
    }

    /**
     * Read from the writer's view as {@link #documents} last refreshed it, not refreshed again: each refresh flushes a small
     * segment (see {@link #written}), and a re-tagging reads each document once, before it replaces it.
     */
    @Override
    public java.util.Optional<StoredDocument> stored(String caseId, String docId) throws IOException {
        IndexSearcher searcher = nrt.acquire();
        try {
            return StoredDocuments.read(searcher, caseId, docId);
        } finally {
            nrt.release(searcher);
        }
    }

    @Override
    public void commit() throws IOException {
        flushBuffersAtOnce();
        writer.commit();
    }

    /**
     * Writes the documents still in memory as segments on all cores at once: each adding thread keeps a buffer
     * of its own, and a commit alone writes them one after the other on the calling thread, while the other
     * cores wait (at the end of a large ingest, the last 64 MB of it). Same segments either way. What is left below a
     * core's share of {@link #PARALLEL_FLUSH_BYTES} is the commit's own to write (see {@link #flushAll}).
     */
    private void flushBuffersAtOnce() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || writer.ramBytesUsed() < parallelFlushBytes) {
            return;
        }
        long enough = parallelFlushBytes / cores;
        List<Thread> helpers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i < cores; i++) {
            Thread t = new Thread(() -> {
                try {
                    flushAll(enough);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }, "evidens-index-flush-" + i);
            t.start();
            helpers.add(t);
        }
        flushAll(enough);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while the index was written");
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            throw first instanceof IOException io ? io : new IOException("cannot write the index: " + first.getMessage(), first);
        }
    }

    /**
     * Writes buffers until what is in memory and not being written already is under {@code enough}. Lucene's
     * {@code flushNextBuffer} also takes the buffers that the adding threads begin meanwhile (they go on adding while a
     * commit writes): taken until none was left, they were chased one after another as long as the threads added, each
     * a segment of a few dozen documents (round 58: at one commit of a slowed ingest, 36 segments of 17-350 kB in 18 s;
     * 106 of the 118 segments a 10,000-document ingest wrote), which Lucene then merged again. The rest, and the buffers
     * begun after the commit's start, are left to the commit, which writes what it finds when it begins and no more.
     */
    private void flushAll(long enough) throws IOException {
        while (writer.ramBytesUsed() - writer.getFlushingBytes() >= enough && writer.flushNextBuffer()) {
            // one buffer written as a segment; take the next
        }
    }

    @Override
    public void close() throws IOException {
        try {
            nrt.close();
            writer.close();
        } finally {
            try {
                directory.close();
            } finally {
                released.run();
            }
        }
    }
}

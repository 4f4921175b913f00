package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * One point-in-time view of the index, with what every search on it needs built once: the facet
 * ordinals and signatures, the documents of the entries, the files' ranks for the tie order ({@link FileRanks}), and the highlighters. {@link EvidenceSearcher}'s SearcherManager makes one per commit.
 */
final class IndexSnapshot extends IndexSearcher {
    final long generation;
    /** Null while no passage has facets (an index of documents only). */
    final SortedSetDocValuesReaderState facetState;
    /** Counts hits and their facets without scores; null when {@link #facetState} is. */
    final FacetCounter facetCounter;
    final OffsetHighlighter snippets;
    final OffsetHighlighter wholeText;
    /** Per segment, the document of each entry. */
    private final SegmentDocumentKeys[] documentKeys;
    /** The query texts read on this snapshot, kept for the next search of the same text. */
    final ReadQueries readQueries = new ReadQueries();
    /**
     * The whole document last read on this snapshot: a reader of a large document asks for it once per window it shows,
     * and decoding the stored text of megabytes again each time would cost more than the window's own work. One per
     * snapshot, so that a document deleted or replaced since (a new commit, a new snapshot) is never handed out.
     */
    final AtomicReference<IndexedDocument> lastDocument = new AtomicReference<>();
    /** The slices of segments one search's work is split into, one per thread it may use ({@link SearchThreads}). */
    private final LeafSlice[] threadSlices;
    /** Per thread, its reader of the snapshot's stored fields ({@link #storedFields()}). */
    private final CloseableThreadLocal<StoredFields> stored = new CloseableThreadLocal<>();

    private IndexSnapshot(IndexReader reader, Analyzer analyzer, SegmentCache<SegmentFacetSignatures> signatures,
                          SegmentCache<SegmentDocumentKeys> keys) throws IOException {
        super(reader);
        FieldSimilarity.fromSystemProperty().ifPresent(this::setSimilarity);
        this.documentKeys = keys.of(reader).toArray(new SegmentDocumentKeys[0]);
        this.threadSlices = SearchThreads.slices(leafContexts);
        this.generation = reader instanceof DirectoryReader d ? d.getIndexCommit().getGeneration() : -1;
        this.facetState = facetState(reader);
        this.facetCounter = facetState == null ? null : FacetCounter.of(reader, facetState, signatures);
        this.snippets = OffsetHighlighter.snippets(this, analyzer);
        this.wholeText = OffsetHighlighter.wholeText(this, analyzer);
        // The files' ranks for the tie order, built now so that the first search does not wait for them.
        FileRanks.of(reader, PassageSchema.SORT_FILE);
        for (LeafReaderContext leaf : reader.leaves()) {
            StartOrder.read(leaf.reader());
        }
        IndexReader.CacheHelper closing = reader.getReaderCacheHelper();
        if (closing != null) {
            // The threads' readers of stored fields let go with the snapshot (else when the snapshot is collected).
            closing.addClosedListener(key -> stored.close());
        }
    }

    /**
     * The snapshot's stored fields, read by this thread: one reader per thread and snapshot, kept for its next search.
     * Lucene makes a new one at every call, each segment's a clone of the segment's reader whose decompression buffers
     * (the block's preset dictionary and its documents) start empty and are allocated again by the first document read:
     * with them kept, a term search allocates 68 KB less (744 against 812 KB at the median, the
     * thirty-sixth round). A reader of stored fields serves one thread at a time and keeps nothing of a document between
     * calls but its last block, decompressed, which a later call reads as the block itself, so one serves every search
     * of its thread. Not for handing to another thread.
     */
    @Override
    public StoredFields storedFields() throws IOException {
        StoredFields kept = stored.get();
        if (kept == null) {
            kept = super.storedFields();
            stored.set(kept);
        }
        return kept;
    }

    /**
     * The document (case/document id) an entry of the snapshot belongs to, without reading its stored fields,
     * or null when the index holds no key for it.
     */
    String documentKey(int doc) {
        int leaf = ReaderUtil.subIndex(doc, leafContexts);
        return documentKeys[leaf].key(doc - leafContexts.get(leaf).docBase);
    }

    /** Work on some of the snapshot's segments. */
    interface SliceWork<T> {
        T on(List<LeafReaderContext> leaves) throws IOException;
    }

    /**
     * {@code work} on each slice of the snapshot's segments, on as many threads as a search may use ({@link
     * SearchThreads}; on this thread alone when the snapshot is not split); the answers in slice order. Whatever the
     * search on this thread knows ({@link KnownHits}) is known to the work wherever it runs.
     */
    <T> List<T> perSlice(SliceWork<T> work) throws IOException {
        if (threadSlices.length < 2) {
            return Collections.singletonList(work.on(leafContexts));
        }
        List<Callable<T>> tasks = new ArrayList<>(threadSlices.length);
        for (LeafSlice slice : threadSlices) {
            List<LeafReaderContext> leaves = Arrays.asList(slice.leaves);
            tasks.add(() -> work.on(leaves));
        }
        return SearchThreads.invokeAll(tasks);
    }

    /** How many slices {@link #perSlice} runs. */
    int slices() {
        return threadSlices.length;
    }

    /**
     * {@link #search(Query, CollectorManager)}, its slices run by {@link #perSlice} (a collector per slice, the first
     * also for the one slice of a snapshot that is not split): the query rewritten and weighed once, here, as Lucene's
     * own {@code search} does, then each slice's segments searched with that weight into its collector. {@code manager}
     * must give a new collector at every call, or collectors that may collect different segments at once.
     */
    <C extends Collector, T> T searchPerSlice(Query query, CollectorManager<C, T> manager) throws IOException {
        if (threadSlices.length < 2) {
            return search(query, manager);
        }
        List<C> collectors = new ArrayList<>(threadSlices.length);
        collectors.add(manager.newCollector());
        ScoreMode mode = collectors.get(0).scoreMode();
        // As IndexSearcher.search(Query, CollectorManager) rewrites and weighs a query.
        Weight weight = createWeight(rewrite(mode.needsScores() ? query : new ConstantScoreQuery(query)), mode, 1);
        for (int i = 1; i < threadSlices.length; i++) {
            collectors.add(manager.newCollector());
        }
        List<Callable<Void>> tasks = new ArrayList<>(threadSlices.length);
        for (int i = 0; i < threadSlices.length; i++) {
            List<LeafReaderContext> leaves = Arrays.asList(threadSlices[i].leaves);
            C collector = collectors.get(i);
            tasks.add(() -> {
                search(leaves, weight, collector);
                return null;
            });
        }
        SearchThreads.invokeAll(tasks);
        return manager.reduce(collectors);
    }

    private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, PassageSchema.facetsConfig());
        } catch (IllegalArgumentException noFacetsYet) {
            return null;
        }
    }

    /** Makes the snapshots of a SearcherManager. */
    static SearcherFactory factory(Analyzer analyzer) {
        // The facet signatures of a segment, kept while it is open: a refreshed snapshot reads only new segments.
        SegmentCache<SegmentFacetSignatures> signatures = FacetCounter.newCache();
        SegmentCache<SegmentDocumentKeys> keys = new SegmentCache<>(SegmentDocumentKeys::of);
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                return new IndexSnapshot(reader, analyzer, signatures, keys);
            }
        };
    }
}

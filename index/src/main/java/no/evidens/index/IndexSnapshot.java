package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

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

    private IndexSnapshot(IndexReader reader, Analyzer analyzer, SegmentCache<SegmentFacetSignatures> signatures,
                          SegmentCache<SegmentDocumentKeys> keys) throws IOException {
        super(reader);
        FieldSimilarity.fromSystemProperty().ifPresent(this::setSimilarity);
        this.documentKeys = keys.of(reader).toArray(new SegmentDocumentKeys[0]);
        this.generation = reader instanceof DirectoryReader d ? d.getIndexCommit().getGeneration() : -1;
        this.facetState = facetState(reader);
        this.facetCounter = facetState == null ? null : FacetCounter.of(reader, facetState, signatures);
        this.snippets = OffsetHighlighter.snippets(this, analyzer);
        this.wholeText = OffsetHighlighter.wholeText(this, analyzer);
        // The files' ranks for the tie order, built now so that the first search does not wait for them.
        FileRanks.of(reader, PassageSchema.SORT_FILE);
    }

    /**
     * The document (case/document id) an entry of the snapshot belongs to, without reading its stored fields,
     * or null when the index holds no key for it.
     */
    String documentKey(int doc) {
        int leaf = ReaderUtil.subIndex(doc, leafContexts);
        return documentKeys[leaf].key(doc - leafContexts.get(leaf).docBase);
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

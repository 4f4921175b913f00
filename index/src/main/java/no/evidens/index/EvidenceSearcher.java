package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/** Searches the evidence index: passages with highlighted snippets, citations and facet counts. */
public final class EvidenceSearcher implements AutoCloseable {
    private static final int SNIPPET_PASSAGES = 2;

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final QueryReader queries;
    private final SortedSetDocValuesReaderState facetState;

    /**
     * Opens the index read-only.
     *
     * @throws IllegalStateException when there is no index yet at {@code dir}
     */
    public EvidenceSearcher(Path dir) {
        this(dir, NorwegianAnalysis.queryAnalyzer(null));
    }

    /** A searcher with another analyzer: the one the index was written with. */
    public EvidenceSearcher(Path dir, Analyzer analyzer) {
        this.analyzer = analyzer;
        this.queries = new QueryReader(analyzer);
        try {
            if (!Files.isDirectory(dir) || !DirectoryReader.indexExists(FSDirectory.open(dir))) {
                throw new IllegalStateException("there is no evidence index at " + dir + ": ingest a bundle first");
            }
            this.reader = DirectoryReader.open(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
        this.searcher = new IndexSearcher(reader);
        this.facetState = facetState(reader);
    }

    private static SortedSetDocValuesReaderState facetState(IndexReader reader) {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, PassageSchema.facetsConfig());
        } catch (IllegalArgumentException | IOException noFacetsYet) {
            return null;
        }
    }

    public SearchResult search(SearchRequest request) throws IOException {
        long t0 = System.nanoTime();
        Query userQuery = queries.read(request.query());
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(userQuery, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER);
        if (request.caseId() != null) {
            b.add(new TermQuery(new Term(PassageSchema.CASE, request.caseId())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            b.add(new TermQuery(new Term(PassageSchema.TYPE, request.type())), BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        FacetsCollectorManager.FacetsResult result =
                FacetsCollectorManager.search(searcher, query, request.limit(), new FacetsCollectorManager());
        TopDocs top = result.topDocs();

        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                // A match on a compound part marks the whole word in the text.
                .withMaskedFieldsFunc(f -> PassageSchema.TEXT.equals(f) ? Set.of(PassageSchema.PARTS) : Set.of())
                .build();
        String[] snippets = highlighter.highlight(PassageSchema.TEXT, userQuery, top, SNIPPET_PASSAGES);

        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document d = searcher.storedFields().document(sd.doc);
            String text = d.get(PassageSchema.TEXT);
            String snippet = snippets[i] != null ? snippets[i] : Html.escape(text);
            hits.add(new SearchHit(d.get(PassageSchema.ID), d.get(PassageSchema.CASE), d.get(PassageSchema.DOC),
                    d.get(PassageSchema.FILE), d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE),
                    d.get(PassageSchema.HEADING),
                    PassageSchema.intValue(d, PassageSchema.PAGE), PassageSchema.intValue(d, PassageSchema.START),
                    PassageSchema.intValue(d, PassageSchema.END), text, snippet, sd.score,
                    PassageSchema.values(d, PassageSchema.QUOTE), PassageSchema.values(d, PassageSchema.INDICATOR),
                    PassageSchema.values(d, PassageSchema.LAW)));
        }
        Map<String, Map<String, Integer>> facets = facetCounts(result);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        return new SearchResult(request.query(), top.totalHits.value, tookMs, hits, facets);
    }

    private Map<String, Map<String, Integer>> facetCounts(FacetsCollectorManager.FacetsResult result) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        Facets counts = facetState == null ? null : new SortedSetDocValuesFacetCounts(facetState, result.facetsCollector());
        for (String dim : PassageSchema.FACET_DIMS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetResult fr = counts == null ? null : topChildren(counts, dim);
            if (fr != null) {
                for (LabelAndValue lv : fr.labelValues) {
                    values.put(lv.label, lv.value.intValue());
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private static FacetResult topChildren(Facets counts, String dim) throws IOException {
        try {
            return counts.getTopChildren(100, dim);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return null;
        }
    }

    /** The whole indexed document, to read it or to check a citation against it. */
    public Optional<IndexedDocument> document(String caseId, String docId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(PassageSchema.ID, caseId + "/" + docId)), 1);
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            if (d.get(PassageSchema.DOC_TEXT) != null) {
                return Optional.of(PassageSchema.toIndexedDocument(d));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

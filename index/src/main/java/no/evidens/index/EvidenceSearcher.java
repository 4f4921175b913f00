package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/** Searches the evidence index: passages with highlighted snippets, citations and facet counts. */
public final class EvidenceSearcher implements AutoCloseable {
    private static final int SNIPPET_PASSAGES = 2;
    private static final Sort IN_DOCUMENT_ORDER = new Sort(new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING),
            new SortField(PassageSchema.SORT_START, SortField.Type.LONG));
    private static final Sort BY_DATE = byDate();

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

    /**
     * Searches with every word required; when no passage holds them all and the query is plain words,
     * searches again with any word enough (the result says it is relaxed), rather than answer nothing.
     */
    public SearchResult search(SearchRequest request) throws IOException {
        SearchResult strict = search(request, queries.read(request.query()), false);
        if (strict.total() > 0 || !isPlainWords(request.query())) {
            return strict;
        }
        return search(request, queries.read(request.query(), QueryParser.Operator.OR), true);
    }

    /** Oldest document first, undated last; within a document, in document order. */
    private static Sort byDate() {
        SortField date = new SortField(PassageSchema.SORT_DATE, SortField.Type.LONG);
        date.setMissingValue(Long.MAX_VALUE);
        return new Sort(date, new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING),
                new SortField(PassageSchema.SORT_START, SortField.Type.LONG));
    }

    /** Two or more words and nothing else: no operators, fields, phrases or wildcards. */
    private static boolean isPlainWords(String query) {
        String q = query.strip();
        return q.contains(" ") && !q.matches(".*[\"():*?~^+\\-].*") && !q.matches(".*\\b(AND|OR|NOT)\\b.*");
    }

    private SearchResult search(SearchRequest request, Query userQuery, boolean relaxed) throws IOException {
        long t0 = System.nanoTime();
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(userQuery, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER);
        if (request.caseId() != null) {
            b.add(new TermQuery(new Term(PassageSchema.CASE, request.caseId())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            b.add(new TermQuery(new Term(PassageSchema.TYPE, request.type().toLowerCase(java.util.Locale.ROOT))),
                    BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        int n = request.offset() + request.limit();
        FacetsCollectorManager.FacetsResult result = switch (request.order()) {
            case DOCUMENT -> FacetsCollectorManager.search(searcher, query, n, IN_DOCUMENT_ORDER, true, new FacetsCollectorManager());
            case DATE -> FacetsCollectorManager.search(searcher, query, n, BY_DATE, true, new FacetsCollectorManager());
            default -> FacetsCollectorManager.search(searcher, query, n, new FacetsCollectorManager());
        };
        TopDocs all = result.topDocs();
        ScoreDoc[] page = Arrays.copyOfRange(all.scoreDocs, Math.min(request.offset(), all.scoreDocs.length),
                all.scoreDocs.length);
        List<SearchHit> hits = hits(userQuery, new TopDocs(all.totalHits, page));
        Map<String, Map<String, Integer>> facets = facetCounts(result);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        return new SearchResult(request.query(), all.totalHits.value, tookMs, hits, facets, relaxed);
    }

    /** The hits of {@code top}, their snippets highlighted for {@code query}. */
    private List<SearchHit> hits(Query query, TopDocs top) throws IOException {
        String[] snippets = highlighter().highlight(PassageSchema.TEXT, query, top, SNIPPET_PASSAGES);
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            hits.add(hit(top.scoreDocs[i].doc, top.scoreDocs[i].score, snippets[i]));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter() {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                // A match on a compound part marks the whole word in the text.
                .withMaskedFieldsFunc(f -> PassageSchema.TEXT.equals(f) ? Set.of(PassageSchema.PARTS) : Set.of())
                .build();
    }

    private SearchHit hit(int doc, float score, String snippet) throws IOException {
        Document d = searcher.storedFields().document(doc);
        String text = d.get(PassageSchema.TEXT);
        return new SearchHit(d.get(PassageSchema.ID), d.get(PassageSchema.CASE), d.get(PassageSchema.DOC),
                d.get(PassageSchema.FILE), d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE),
                d.get(PassageSchema.HEADING),
                PassageSchema.intValue(d, PassageSchema.PAGE), PassageSchema.intValue(d, PassageSchema.START),
                PassageSchema.intValue(d, PassageSchema.END), text, snippet != null ? snippet : Html.escape(text), score,
                PassageSchema.values(d, PassageSchema.QUOTE), PassageSchema.values(d, PassageSchema.INDICATOR),
                PassageSchema.values(d, PassageSchema.LAW));
    }

    /** The Lucene document of a passage, or -1. */
    private int passageDoc(String passageId) throws IOException {
        TopDocs top = searcher.search(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.ID, passageId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                .build(), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    private static IllegalArgumentException unknownPassage(String passageId) {
        return new IllegalArgumentException("no passage " + passageId + " in the index (ids look like case/document/number)");
    }

    /** One passage by its id. */
    public Optional<SearchHit> passage(String passageId) throws IOException {
        int doc = passageDoc(passageId);
        return doc < 0 ? Optional.empty() : Optional.of(hit(doc, 0, null));
    }

    /**
     * A passage with its neighbours in its document, for context: up to {@code before} passages
     * before it and {@code after} after it, in document order.
     */
    public List<SearchHit> context(String passageId, int before, int after) throws IOException {
        if (passageDoc(passageId) < 0) {
            throw unknownPassage(passageId);
        }
        int slash = passageId.lastIndexOf('/');
        String prefix = passageId.substring(0, slash + 1);
        int n = Integer.parseInt(passageId.substring(slash + 1));
        List<SearchHit> out = new ArrayList<>();
        for (int i = Math.max(0, n - before); i <= n + after; i++) {
            int doc = passageDoc(prefix + i);
            if (doc >= 0) {
                out.add(hit(doc, 0, null));
            }
        }
        return out;
    }

    /** Passages like the given one (Lucene's MoreLikeThis on the text), in the same case, itself left out. */
    public SearchResult moreLikeThis(String passageId, int limit) throws IOException {
        long t0 = System.nanoTime();
        int doc = passageDoc(passageId);
        if (doc < 0) {
            throw unknownPassage(passageId);
        }
        Document d = searcher.storedFields().document(doc);
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {PassageSchema.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(3);
        Query like = mlt.like(PassageSchema.TEXT, new java.io.StringReader(d.get(PassageSchema.TEXT)));
        Query query = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.CASE, d.get(PassageSchema.CASE))), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.ID, passageId)), BooleanClause.Occur.MUST_NOT)
                .build();
        FacetsCollectorManager.FacetsResult result =
                FacetsCollectorManager.search(searcher, query, limit, new FacetsCollectorManager());
        TopDocs top = result.topDocs();
        return new SearchResult("like:" + passageId, top.totalHits.value, (System.nanoTime() - t0) / 1_000_000,
                hits(like, top), facetCounts(result));
    }

    /** A span of a document's text that a query matched. */
    public record Mark(int start, int end) {
    }

    /**
     * Where a query matches in a whole document: the offsets, into the document's normalised text, of
     * every word the query matched in its passages.
     */
    public List<Mark> marks(String caseId, String docId, String queryText) throws IOException {
        Query userQuery = queries.read(queryText);
        Query query = new BooleanQuery.Builder()
                .add(userQuery, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.CASE, caseId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.DOC, docId)), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, 10_000);
        UnifiedHighlighter matches = UnifiedHighlighter.builder(searcher, analyzer)
                .withBreakIterator(WholeBreakIterator::new)
                .withFormatter(new MatchOffsets())
                .withMaskedFieldsFunc(f -> PassageSchema.TEXT.equals(f) ? Set.of(PassageSchema.PARTS) : Set.of())
                .build();
        String[] perDoc = matches.highlight(PassageSchema.TEXT, userQuery, top, 1);
        List<Mark> out = new ArrayList<>();
        for (int i = 0; i < perDoc.length; i++) {
            if (perDoc[i] == null || perDoc[i].isEmpty()) {
                continue;
            }
            int base = PassageSchema.intValue(searcher.storedFields().document(top.scoreDocs[i].doc), PassageSchema.START);
            for (String span : perDoc[i].split(",")) {
                int dash = span.indexOf('-');
                out.add(new Mark(base + Integer.parseInt(span.substring(0, dash)), base + Integer.parseInt(span.substring(dash + 1))));
            }
        }
        // A word matched in the text and in its parts (or through a synonym) is one mark.
        return out.stream().distinct().sorted(java.util.Comparator.comparingInt(Mark::start)).toList();
    }

    /**
     * A highlighter formatter that gives the offsets of the matches ("start-end,start-end") instead of
     * marked-up text (the highlighter's object-returning methods are not public, hence a string).
     */
    private static final class MatchOffsets extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder spans = new StringBuilder();
            for (Passage p : passages) {
                for (int i = 0; i < p.getNumMatches(); i++) {
                    spans.append(spans.length() == 0 ? "" : ",").append(p.getMatchStarts()[i]).append('-')
                            .append(p.getMatchEnds()[i]);
                }
            }
            return spans.toString();
        }
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

    // TEMP: replaced by the search API
    /** Every passage of one document, in document order. */
    public List<SearchHit> passagesOf(String caseId, String docId) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.CASE, caseId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.DOC, docId)), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, Math.max(1, reader.maxDoc()), new Sort(new SortField(PassageSchema.SORT_START, SortField.Type.LONG)));
        List<SearchHit> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(hit(sd.doc, 0, null));
        }
        return out;
    }
}

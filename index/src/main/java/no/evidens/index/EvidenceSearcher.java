package no.evidens.index;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Searches the evidence index: passages with their match offsets, citations and facet counts. One
 * long-lived instance serves many threads; it sees what is committed to the index after it was made,
 * also by another process.
 */
public final class EvidenceSearcher implements EvidenceIndex {
    private static final int SNIPPET_PASSAGES = 2;
    private static final Query PASSAGES = new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE));
    private static final Sort IN_DOCUMENT_ORDER = new Sort(new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING),
            new SortField(PassageSchema.SORT_START, SortField.Type.LONG));
    private static final Sort BY_START = new Sort(new SortField(PassageSchema.SORT_START, SortField.Type.LONG));
    private static final Sort BY_DATE = byDate();
    /**
     * Best first; passages of exactly the same score in file order, then by their place in the file, so
     * that ties come out the same every run (index order depends on how parallel ingestion wrote them).
     */
    public static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING), new SortField(PassageSchema.SORT_START, SortField.Type.LONG));

    private final SnapshotSource snapshots;
    private final Analyzer analyzer;
    private final QueryReader queries;

    /**
     * Opens the index read-only.
     *
     * @throws NoIndexException when there is no index yet at {@code dir}
     */
    public EvidenceSearcher(Path dir) {
        this(dir, NorwegianAnalysis.queryAnalyzer(null));
    }

    /** A searcher with another analyzer: the one the index was written with. */
    public EvidenceSearcher(Path dir, Analyzer analyzer) {
        this(new SnapshotSource(dir, analyzer), analyzer);
        if (!snapshots.exists()) {
            throw new NoIndexException(dir);
        }
    }

    private EvidenceSearcher(SnapshotSource snapshots, Analyzer analyzer) {
        this.snapshots = snapshots;
        this.analyzer = analyzer;
        this.queries = new QueryReader(analyzer);
    }

    /**
     * A searcher for a server: it opens the index once there is one. Until then {@link #hasIndex()} is
     * false and every search throws {@link NoIndexException}.
     */
    public static EvidenceSearcher whenIndexed(Path dir, Analyzer analyzer) {
        return new EvidenceSearcher(new SnapshotSource(dir, analyzer), analyzer);
    }

    /** Whether there is an index to search yet. */
    @Override
    public boolean hasIndex() {
        return snapshots.exists();
    }

    /** Work on one snapshot of the index. */
    private interface Work<T> {
        T on(IndexSnapshot s) throws IOException;
    }

    private <T> T withSnapshot(Work<T> work) throws IOException {
        IndexSnapshot s = snapshots.acquire();
        try {
            return work.on(s);
        } finally {
            snapshots.release(s);
        }
    }

    /**
     * Searches with every word required; when few or no passages hold them all and the query is plain words,
     * searches again with any word enough, the passages that hold more of the words first (the result says it
     * is relaxed, and how many hold every word), rather than answer nothing or next to nothing.
     */
    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        return withSnapshot(s -> strictOrWidened(s, request, null));
    }

    /**
     * Reads and highlights only the hits a page of documents shows ({@link EvidenceIndex#searchForGrouping});
     * the other hits of the {@code groupedHits} carry their ids, case, document and score only.
     */
    @Override
    public SearchResult searchForGrouping(SearchRequest request, int groupedHits, int perDocument) throws IOException {
        SearchRequest all = new SearchRequest(request.query(), request.caseId(), request.type(), groupedHits, 0, request.order(),
                request.filters());
        Shown shown = new Shown(request.offset(), request.limit(), perDocument);
        return withSnapshot(s -> strictOrWidened(s, all, shown));
    }

    private SearchResult strictOrWidened(IndexSnapshot s, SearchRequest request, Shown shown) throws IOException {
        Query strictQuery = queries.read(request.query());
        SearchResult strict = search(s, request, strictQuery, false, shown);
        // Widening is decided over the whole case, so a filter's count is the count of hits it gives
        long allWordsInCase = QueryLanguage.countsWholeCase(strict.total(), request)
                ? search(s, request.wholeCase(), strictQuery, false, null).total() : strict.total();
        if (!QueryLanguage.widens(allWordsInCase, request.query())) {
            return strict;
        }
        return search(s, request, queries.read(request.query(), QueryParser.Operator.OR), true, shown).withAllWords(strict.total());
    }

    /** Which hits of a grouped search a page of documents shows: documents {@code from} to {@code from + count}, {@code perDocument} each. */
    private record Shown(int from, int count, int perDocument) {
        private static final Set<String> KEYS = Set.of(PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC);

        /**
         * For each hit of {@code page}: its bare hit when it is not shown, null when it is (to be read whole).
         *
         * @param keys the hits' id, case and document fields where already read
         */
        SearchHit[] bare(IndexSnapshot s, ScoreDoc[] page, Map<Integer, Document> keys) throws IOException {
            StoredFields stored = s.storedFields();
            Map<String, Integer> documentRank = new HashMap<>();
            Map<String, Integer> taken = new HashMap<>();
            SearchHit[] out = new SearchHit[page.length];
            for (int i = 0; i < page.length; i++) {
                Document d = keys.containsKey(page[i].doc) ? keys.get(page[i].doc) : stored.document(page[i].doc, KEYS);
                String key = PassageSchema.docKey(d.get(PassageSchema.CASE), d.get(PassageSchema.DOC));
                int rank = documentRank.computeIfAbsent(key, k -> documentRank.size());
                boolean onPage = rank >= from && rank - from < count && taken.merge(key, 1, Integer::sum) <= perDocument;
                if (!onPage) {
                    out[i] = new SearchHit(d.get(PassageSchema.ID), d.get(PassageSchema.CASE), d.get(PassageSchema.DOC), null, null, null,
                            null, 0, 0, 0, null, page[i].score, List.of(), List.of(), List.of(), List.of(), List.of());
                }
            }
            return out;
        }
    }

    /** Oldest document first, undated last; within a document, in document order. */
    private static Sort byDate() {
        SortField date = new SortField(PassageSchema.SORT_DATE, SortField.Type.LONG);
        date.setMissingValue(Long.MAX_VALUE);
        return new Sort(date, new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING),
                new SortField(PassageSchema.SORT_START, SortField.Type.LONG));
    }

    /** @param shown the hits to read whole, or null for all */
    private SearchResult search(IndexSnapshot s, SearchRequest request, Query userQuery, boolean relaxed, Shown shown) throws IOException {
        long t0 = System.nanoTime();
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
        if (!QueryReader.matchesPassagesOnly(userQuery)) {
            b.add(PASSAGES, BooleanClause.Occur.FILTER);
        }
        if (request.caseId() != null) {
            b.add(new TermQuery(new Term(PassageSchema.CASE, request.caseId())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            b.add(new TermQuery(new Term(PassageSchema.TYPE, request.type().toLowerCase(java.util.Locale.ROOT))),
                    BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        boolean capped = request.order() == SearchRequest.Order.RELEVANCE;
        int n = capped ? DocumentCap.window(request.offset(), request.limit()) : request.offset() + request.limit();
        Sort sort = switch (request.order()) {
            case DOCUMENT -> IN_DOCUMENT_ORDER;
            case DATE -> BY_DATE;
            case RELEVANCE -> BY_RELEVANCE;
        };
        TopDocs all;
        long total;
        Map<String, Map<String, Integer>> facets;
        if (request.filters().isEmpty() || s.facetState == null) {
            Query q = request.filters().isEmpty() ? query : FacetFilters.drillDown(query, request.filters());
            // A case or type filter leaves few hits: one pass is then cheaper than two.
            Counted counted = topAndCounts(s, q, n, sort, request.caseId() == null && request.type() == null);
            all = counted.top();
            total = counted.total();
            facets = counted.facets();
        } else {
            // DrillSideways costs a count per filtered dimension: only when there is a filter.
            DrillSideways sideways = new DrillSideways(s, FacetFilters.CONFIG, s.facetState);
            DrillSideways.DrillSidewaysResult r = sideways.search(FacetFilters.drillDown(query, request.filters()), null, null, n, sort, true);
            all = r.hits;
            total = r.hits.totalHits.value;
            facets = FacetFilters.counts(r.facets);
        }
        // The keys read for the cap (id, case, document) serve a grouped search too: a stored document is read once.
        Map<Integer, Document> keys = new HashMap<>();
        ScoreDoc[] ranked = capped ? capped(s, all.scoreDocs, keys) : all.scoreDocs;
        ScoreDoc[] page = Arrays.copyOfRange(ranked, Math.min(request.offset(), ranked.length),
                Math.min(ranked.length, request.offset() + request.limit()));
        List<SearchHit> hits = shown == null ? hits(s, userQuery, page) : shownHits(s, userQuery, page, shown.bare(s, page, keys));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        return new SearchResult(request.query(), total, tookMs, hits, facets, relaxed);
    }

    /** The ranked hits with the first page capped per document ({@link DocumentCap}). */
    private static ScoreDoc[] capped(IndexSnapshot s, ScoreDoc[] ranked, Map<Integer, Document> keys) throws IOException {
        StoredFields stored = s.storedFields();
        Map<Integer, String> documents = new HashMap<>();
        for (ScoreDoc sd : ranked) {
            Document d = stored.document(sd.doc, Shown.KEYS);
            keys.put(sd.doc, d);
            documents.put(sd.doc, PassageSchema.docKey(d.get(PassageSchema.CASE), d.get(PassageSchema.DOC)));
        }
        return DocumentCap.apply(Arrays.asList(ranked), sd -> documents.get(sd.doc)).toArray(ScoreDoc[]::new);
    }

    /** The first hits of a search in its order, how many hits it has, and their facet counts. */
    private record Counted(TopDocs top, long total, Map<String, Map<String, Integer>> facets) {
    }

    /**
     * The first {@code n} hits in {@code sort} order with their scores, how many hits there are and their
     * facet counts. Counting every facet value needs every hit, which a top-n search skips: a relevance
     * search of words only therefore takes two passes, one that counts every hit and its facets without
     * scoring and one that finds the page with Lucene's block-max skipping, which never skips a hit that
     * could make the page. Any other search (phrases, prefixes, field order) takes one pass that scores
     * every hit: a phrase's block maxima can fall below a hit's score when compound parts stand at one
     * place, and skipping by them then lost equal-score hits on a bench index. So does a search whose
     * filters leave few hits ({@code mayTwoPass} false): there a second pass costs more than skipping saves.
     */
    private static Counted topAndCounts(IndexSnapshot s, Query query, int n, Sort sort, boolean mayTwoPass) throws IOException {
        if (s.facetCounter == null) {
            TopDocs top = s.search(query, n, sort, true);
            return new Counted(top, s.count(query), FacetFilters.counts(null));
        }
        FacetCounter.Counting counting = s.facetCounter.counting();
        TopDocs top;
        if (mayTwoPass && sort.getSort()[0] == SortField.FIELD_SCORE && QueryReader.scoresFromTermsOnly(query)) {
            OneCollector.search(s, query, counting);
            top = s.search(query, n, sort, true);
        } else {
            TopFieldCollector collector = new TopFieldCollectorManager(sort, Math.max(1, Math.min(n, s.getIndexReader().maxDoc())),
                    null, Integer.MAX_VALUE, false).newCollector();
            OneCollector.search(s, query, MultiCollector.wrap(collector, counting));
            top = collector.topDocs();
            TopFieldCollector.populateScores(top.scoreDocs, s, query);
        }
        return new Counted(top, counting.total(), counting.counts());
    }

    /** The hits of {@code page}, their snippets highlighted for {@code query}: stored fields of these only. */
    private static List<SearchHit> hits(IndexSnapshot s, Query query, ScoreDoc[] page) throws IOException {
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        // Each hit's stored fields are read once: the highlighter takes the text from them.
        StoredFields stored = s.storedFields();
        Map<Integer, Document> byDoc = new HashMap<>();
        for (int doc : docs) {
            byDoc.putIfAbsent(doc, stored.document(doc));
        }
        OffsetHighlighter.Highlight[] highlights = s.snippets.highlight(PassageSchema.TEXT, query, docs, SNIPPET_PASSAGES,
                doc -> byDoc.get(doc).get(PassageSchema.TEXT));
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(PassageSchema.toHit(byDoc.get(docs[i]), page[i].score, highlights[i]));
        }
        return hits;
    }

    /** The hits of {@code page}: the bare ones as given, the others read whole and highlighted. */
    private static List<SearchHit> shownHits(IndexSnapshot s, Query query, ScoreDoc[] page, SearchHit[] bare) throws IOException {
        List<ScoreDoc> whole = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            if (bare[i] == null) {
                whole.add(page[i]);
            }
        }
        java.util.Iterator<SearchHit> read = hits(s, query, whole.toArray(ScoreDoc[]::new)).iterator();
        List<SearchHit> out = new ArrayList<>(page.length);
        for (SearchHit b : bare) {
            out.add(b != null ? b : read.next());
        }
        return out;
    }

    private static SearchHit plainHit(IndexSnapshot s, int doc) throws IOException {
        return PassageSchema.toHit(s.storedFields().document(doc), 0, OffsetHighlighter.Highlight.NONE);
    }

    /** The Lucene document of a passage, or -1. */
    private static int passageDoc(IndexSnapshot s, String passageId) throws IOException {
        TopDocs top = s.search(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.ID, passageId)), BooleanClause.Occur.FILTER)
                .add(PASSAGES, BooleanClause.Occur.FILTER)
                .build(), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    private static IllegalArgumentException unknownPassage(String passageId) {
        return new IllegalArgumentException("no passage " + passageId + " in the index (ids look like case/document/number)");
    }

    /** One passage by its id. */
    @Override
    public Optional<SearchHit> passage(String passageId) throws IOException {
        return withSnapshot(s -> {
            int doc = passageDoc(s, passageId);
            return doc < 0 ? Optional.empty() : Optional.of(plainHit(s, doc));
        });
    }

    /** All passages of one document, in document order (none when the index has no such document). */
    @Override
    public List<SearchHit> passagesOf(String caseId, String docId) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.DOC_KEY, PassageSchema.docKey(caseId, docId))), BooleanClause.Occur.FILTER)
                .add(PASSAGES, BooleanClause.Occur.FILTER)
                .build();
        return withSnapshot(s -> {
            TopDocs top = s.search(q, Math.max(1, s.count(q)), BY_START);
            List<SearchHit> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(plainHit(s, sd.doc));
            }
            return out;
        });
    }

    /**
     * A passage with its neighbours in its document, for context: up to {@code before} passages
     * before it and {@code after} after it, in document order.
     */
    @Override
    public List<SearchHit> context(String passageId, int before, int after) throws IOException {
        return withSnapshot(s -> {
            if (passageDoc(s, passageId) < 0) {
                throw unknownPassage(passageId);
            }
            int slash = passageId.lastIndexOf('/');
            String prefix = passageId.substring(0, slash + 1);
            int n = Integer.parseInt(passageId.substring(slash + 1));
            List<SearchHit> out = new ArrayList<>();
            for (int i = Math.max(0, n - before); i <= n + after; i++) {
                int doc = passageDoc(s, prefix + i);
                if (doc >= 0) {
                    out.add(plainHit(s, doc));
                }
            }
            return out;
        });
    }

    /** Passages like the given one (Lucene's MoreLikeThis on the text), in the same case, itself left out. */
    @Override
    public SearchResult moreLikeThis(String passageId, int limit) throws IOException {
        return withSnapshot(s -> {
            long t0 = System.nanoTime();
            int doc = passageDoc(s, passageId);
            if (doc < 0) {
                throw unknownPassage(passageId);
            }
            Document d = s.storedFields().document(doc);
            MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {PassageSchema.TEXT});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            Query like = mlt.like(PassageSchema.TEXT, new StringReader(d.get(PassageSchema.TEXT)));
            Query query = new BooleanQuery.Builder()
                    .add(like, BooleanClause.Occur.MUST)
                    .add(PASSAGES, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PassageSchema.CASE, d.get(PassageSchema.CASE))), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PassageSchema.ID, passageId)), BooleanClause.Occur.MUST_NOT)
                    .build();
            Counted counted = topAndCounts(s, query, limit, BY_RELEVANCE, false);
            return new SearchResult("like:" + passageId, counted.total(), (System.nanoTime() - t0) / 1_000_000,
                    hits(s, like, counted.top().scoreDocs), counted.facets());
        });
    }

    /**
     * Where a query matches in a whole document: the offsets, into the document's normalised text, of
     * every word the query matched in its passages.
     */
    @Override
    public List<Mark> marks(String caseId, String docId, String queryText) throws IOException {
        Query userQuery = queries.read(queryText);
        Query query = new BooleanQuery.Builder()
                .add(userQuery, BooleanClause.Occur.MUST)
                .add(PASSAGES, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.DOC_KEY, PassageSchema.docKey(caseId, docId))), BooleanClause.Occur.FILTER)
                .build();
        return withSnapshot(s -> {
            TopDocs top = s.search(query, 10_000);
            int[] docs = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
            OffsetHighlighter.Highlight[] perDoc = s.wholeText.highlight(PassageSchema.TEXT, userQuery, docs, 1);
            StoredFields stored = s.storedFields();
            List<Mark> out = new ArrayList<>();
            for (int i = 0; i < perDoc.length; i++) {
                if (perDoc[i].matches().isEmpty()) {
                    continue;
                }
                int base = PassageSchema.intValue(stored.document(docs[i], Set.of(PassageSchema.START)), PassageSchema.START);
                for (TextRange m : perDoc[i].matches()) {
                    out.add(new Mark(base + m.start(), base + m.end()));
                }
            }
            // A word matched in the text and in its parts (or through a synonym) is one mark.
            return out.stream().distinct().sorted(Comparator.comparingInt(Mark::start)).toList();
        });
    }

    /** The whole indexed document, to read it or to check a citation against it. */
    @Override
    public Optional<IndexedDocument> document(String caseId, String docId) throws IOException {
        return withSnapshot(s -> {
            TopDocs top = s.search(new TermQuery(new Term(PassageSchema.ID, caseId + "/" + docId)), 1);
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = s.storedFields().document(sd.doc);
                if (d.get(PassageSchema.DOC_TEXT) != null) {
                    return Optional.of(PassageSchema.toIndexedDocument(d));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public void close() throws IOException {
        snapshots.close();
    }
}

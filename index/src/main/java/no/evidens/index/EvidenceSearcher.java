package no.evidens.index;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Searches the evidence index: passages with their match offsets, citations and facet counts. One
 * long-lived instance serves many threads; it sees what is committed to the index after it was made,
 * also by another process.
 */
public final class EvidenceSearcher implements EvidenceIndex {
    private static final Query PASSAGES = RankedSearch.PASSAGES;
    private static final Sort BY_START = new Sort(new SortField(PassageSchema.SORT_START, SortField.Type.LONG));
    /**
     * Best first; passages of exactly the same score in file order, then by their place in the file, so
     * that ties come out the same every run (index order depends on how parallel ingestion wrote them).
     */
    public static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            FileOrder.of(PassageSchema.SORT_FILE), StartOrder.field());

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

    /** Always: the folder is on this machine (an ingestion creates the index when there is none yet). */
    @Override
    public boolean writable() {
        return true;
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
        SearchRequest all = request.withPage(groupedHits, 0);
        HitReader.Shown shown = new HitReader.Shown(request.offset(), request.limit(), perDocument);
        return withSnapshot(s -> strictOrWidened(s, all, shown));
    }

    private SearchResult strictOrWidened(IndexSnapshot s, SearchRequest request, HitReader.Shown shown) throws IOException {
        Query strictQuery = read(s, request.query(), QueryParser.Operator.AND);
        // Counted first, its hits read only when it stands: a search that widens drops the page of every-word hits, which
        // before round 54 was read from stored fields and highlighted all the same.
        RankedSearch.Ranked strict = RankedSearch.ranked(s, request, strictQuery);
        // Widening is decided over the whole case, so a filter's count is the count of hits it gives: a count
        // alone, no page, facets or snippets.
        long allWordsInCase = QueryLanguage.countsWholeCase(strict.total(), request)
                ? RankedSearch.countWithoutFilters(s, request.wholeCase(), strictQuery) : strict.total();
        if (!QueryLanguage.widens(allWordsInCase, request.query())) {
            return strict.result(false, shown);
        }
        Query relaxed = read(s, request.query(), QueryParser.Operator.OR);
        if (FeedbackWords.SETTINGS != null && request.order() == SearchRequest.Order.RELEVANCE) {
            relaxed = FeedbackWords.added(s, relaxed, RankedSearch.base(request, relaxed), analyzer, FeedbackWords.SETTINGS);
        }
        return RankedSearch.run(s, request, relaxed, true, shown)
                .withAllWords(strict.total());
    }

    /**
     * Whether the current snapshot keeps highlighting's set-up for the hits of {@code text} read with every word required,
     * that is, whether a search highlighted a page of them (for tests).
     */
    boolean highlightedEveryWord(String text) throws IOException {
        return withSnapshot(s -> s.snippets.keeps(read(s, text, QueryParser.Operator.AND), true));
    }

    /** The query of {@code text} on snapshot {@code s}: read once per snapshot and text ({@link ReadQueries}). */
    private Query read(IndexSnapshot s, String text, QueryParser.Operator operator) {
        return s.readQueries.read(text, operator, () -> queries.read(text, operator, s.getIndexReader()));
    }

    private static SearchHit plainHit(IndexSnapshot s, int doc) throws IOException {
        return PassageSchema.toHit(s.storedFields().document(doc), 0, OffsetHighlighter.Highlight.NONE);
    }

    private static IllegalArgumentException unknownPassage(String passageId) {
        return new IllegalArgumentException("no passage " + passageId + " in the index (ids look like case/document/number)");
    }

    /** One passage by its id. */
    @Override
    public Optional<SearchHit> passage(String passageId) throws IOException {
        return withSnapshot(s -> {
            int doc = EntryIds.passage(s, passageId);
            return doc < 0 ? Optional.empty() : Optional.of(plainHit(s, doc));
        });
    }

    /** The passages with these ids: one walk over the index's document keys for all of them ({@link EntryIds#passagesOfAnyDocuments}). */
    @Override
    public Map<String, SearchHit> passages(Collection<String> passageIds) throws IOException {
        return withSnapshot(s -> {
            Map<String, SearchHit> out = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : EntryIds.passagesOfAnyDocuments(s, passageIds).entrySet()) {
                out.put(e.getKey(), plainHit(s, e.getValue()));
            }
            return out;
        });
    }

    /** All passages of one document, in document order (none when the index has no such document). */
    @Override
    public List<SearchHit> passagesOf(String caseId, String docId) throws IOException {
        return withSnapshot(s -> plainHitsByStart(s, ofDocument(caseId, docId).build()));
    }

    /** The passages of one document that start in {@code [from, to)}: one query, the document's key and a range of starts. */
    @Override
    public List<SearchHit> passagesIn(String caseId, String docId, int from, int to) throws IOException {
        Query q = ofDocument(caseId, docId).add(startingIn(from, to), BooleanClause.Occur.FILTER).build();
        return withSnapshot(s -> plainHitsByStart(s, q));
    }

    /** The passages of one document (a builder, for a further filter). */
    private static BooleanQuery.Builder ofDocument(String caseId, String docId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.DOC_KEY, PassageSchema.docKey(caseId, docId))), BooleanClause.Occur.FILTER)
                .add(PASSAGES, BooleanClause.Occur.FILTER);
    }

    /**
     * Passages starting in {@code [from, to)}. The start is kept as doc values only (no points): the range is checked on
     * the few passages the document's key leaves, which Lucene does lazily behind that term in a conjunction.
     */
    private static Query startingIn(long from, long to) {
        return NumericDocValuesField.newSlowRangeQuery(PassageSchema.SORT_START, from, to - 1);
    }

    private static List<SearchHit> plainHitsByStart(IndexSnapshot s, Query q) throws IOException {
        TopDocs top = s.search(q, Math.max(1, s.count(q)), BY_START);
        List<SearchHit> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(plainHit(s, sd.doc));
        }
        return out;
    }

    /**
     * A passage with its neighbours in its document, for context: up to {@code before} passages
     * before it and {@code after} after it, in document order.
     */
    @Override
    public List<SearchHit> context(String passageId, int before, int after) throws IOException {
        return withSnapshot(s -> {
            int slash = passageId.lastIndexOf('/');
            if (slash <= 0 || EntryIds.passage(s, passageId) < 0) {
                throw unknownPassage(passageId);
            }
            String prefix = passageId.substring(0, slash + 1);
            int n = Integer.parseInt(passageId.substring(slash + 1));
            List<String> ids = new ArrayList<>();
            for (int i = Math.max(0, n - before); i <= n + after; i++) {
                ids.add(prefix + i);
            }
            Map<String, Integer> docs = EntryIds.passages(s, passageId.substring(0, slash), ids);
            List<SearchHit> out = new ArrayList<>();
            for (String id : ids) {
                if (docs.get(id) >= 0) {
                    out.add(plainHit(s, docs.get(id)));
                }
            }
            return out;
        });
    }

    /**
     * Passages like the given one (Lucene's MoreLikeThis on the text), in the same case, itself left out; of one document
     * type when {@code documentType} is given.
     */
    @Override
    public SearchResult moreLikeThis(String passageId, String documentType, int limit) throws IOException {
        return withSnapshot(s -> {
            long t0 = System.nanoTime();
            int doc = EntryIds.passage(s, passageId);
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
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(like, BooleanClause.Occur.MUST)
                    .add(PASSAGES, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(PassageSchema.CASE, d.get(PassageSchema.CASE))), BooleanClause.Occur.FILTER)
                    .add(EntryIds.just(s, doc), BooleanClause.Occur.MUST_NOT);
            if (documentType != null) {
                query.add(new TermQuery(new Term(PassageSchema.TYPE, documentType.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
            }
            RankedSearch.Counted counted = RankedSearch.topAndCounts(s, query.build(), limit, BY_RELEVANCE, false);
            return new SearchResult("like:" + passageId, counted.total(), (System.nanoTime() - t0) / 1_000_000,
                    new HitReader(s).hits(like, counted.top().scoreDocs), counted.facets());
        });
    }

    /**
     * Where a query matches in a whole document: the offsets, into the document's normalised text, of
     * every word the query matched in its passages.
     */
    @Override
    public List<Mark> marks(String caseId, String docId, String queryText) throws IOException {
        Query userQuery = queries.read(queryText);
        Query query = ofDocument(caseId, docId).add(userQuery, BooleanClause.Occur.MUST).build();
        // every matching passage (a count first, as passagesOf does): before round 50 (b) the first 10,000 only
        return withSnapshot(s -> marksOf(s, userQuery, s.search(query, Math.max(1, s.count(query)))));
    }

    /**
     * The marks of a query in {@code [from, to)} of a document: only the passages that overlap the window are searched and
     * highlighted, those starting in it and the one the window begins inside (passages do not overlap each other).
     */
    @Override
    public List<Mark> marksIn(String caseId, String docId, String queryText, int from, int to) throws IOException {
        Query userQuery = queries.read(queryText);
        return withSnapshot(s -> {
            long first = startOfPassageAt(s, caseId, docId, from);
            Query query = ofDocument(caseId, docId).add(userQuery, BooleanClause.Occur.MUST)
                    .add(startingIn(first, to), BooleanClause.Occur.FILTER).build();
            return marksOf(s, userQuery, s.search(query, Math.max(1, s.count(query)))).stream()
                    .filter(m -> m.end() > from && m.start() < to).toList();
        });
    }

    /** The start of the last passage of the document that starts at or before {@code at} ({@code at} when there is none). */
    private static long startOfPassageAt(IndexSnapshot s, String caseId, String docId, int at) throws IOException {
        Query before = ofDocument(caseId, docId).add(startingIn(0, at + 1L), BooleanClause.Occur.FILTER).build();
        TopDocs last = s.search(before, 1, new Sort(new SortField(PassageSchema.SORT_START, SortField.Type.LONG, true)));
        return last.scoreDocs.length == 0 ? at : (Long) ((FieldDoc) last.scoreDocs[0]).fields[0];
    }

    /** Where every passage of the document that the query matches starts, read from the sort values (no stored field). */
    @Override
    public List<Integer> matchStarts(String caseId, String docId, String queryText) throws IOException {
        Query query = ofDocument(caseId, docId).add(queries.read(queryText), BooleanClause.Occur.FILTER).build();
        return withSnapshot(s -> {
            TopDocs top = s.search(query, Math.max(1, s.count(query)), BY_START);
            List<Integer> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(((Long) ((FieldDoc) sd).fields[0]).intValue());
            }
            return out;
        });
    }

    /** The matches of {@code userQuery} in the passages {@code top}, as offsets into their document's text, in order. */
    private static List<Mark> marksOf(IndexSnapshot s, Query userQuery, TopDocs top) throws IOException {
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
    }

    /** The whole indexed document, to read it or to check a citation against it. */
    @Override
    public Optional<IndexedDocument> document(String caseId, String docId) throws IOException {
        return withSnapshot(s -> {
            IndexedDocument last = s.lastDocument.get();
            if (last != null && last.caseId().equals(caseId) && last.docId().equals(docId)) {
                return Optional.of(last);
            }
            for (ScoreDoc sd : EntryIds.document(s, caseId, docId)) {
                Document d = s.storedFields().document(sd.doc);
                if (d.get(PassageSchema.DOC_TEXT) != null) {
                    IndexedDocument read = PassageSchema.toIndexedDocument(d);
                    s.lastDocument.set(read);
                    return Optional.of(read);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * How many entries match {@code query}, their facet values counted as a search counts them (every hit, no scores)
     * and then dropped: the counting part of a search alone, no page, order or snippets. For measuring what a search's
     * counting costs ({@code evidens bench search}), not for finding passages (the query is Lucene's, taken as it is).
     */
    public long countWithFacets(Query query) throws IOException {
        return withSnapshot(s -> {
            if (s.facetCounter == null) {
                return (long) s.count(query);
            }
            FacetCounter.Counting counting = s.facetCounter.counting();
            counting.count(s, query);
            // The counts a search hands out, made as it makes them (top values per dimension).
            counting.counts();
            return counting.total();
        });
    }

    /**
     * The search of {@code request} with every word required (not widened), done only up to {@code last} and then
     * dropped: for measuring what each part of a search costs ({@code evidens bench search}), not for finding passages.
     * Answers how many hits it counted (0 when it stops after reading the query).
     */
    public long searchUpTo(SearchRequest request, SearchStage last) throws IOException {
        return withSnapshot(s -> {
            Query query = queries.read(request.query(), QueryParser.Operator.AND, s.getIndexReader());
            return last == SearchStage.QUERY ? 0 : RankedSearch.run(s, request, query, false, null, last).total();
        });
    }

    @Override
    public void close() throws IOException {
        snapshots.close();
    }
}

package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * One search on one snapshot: the page of hits in the request's order (the first page of a relevance list
 * capped per document), how many hits there are, and their facet counts.
 */
final class RankedSearch {
    /** Entries that are passages (not whole documents). */
    static final Query PASSAGES = new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE));
    private static final Sort IN_DOCUMENT_ORDER = new Sort(FileOrder.of(PassageSchema.SORT_FILE), StartOrder.field());
    private static final Sort BY_DATE = byDate();
    /** Up to this many documents left out are excluded word by word; more as one set (Lucene's clause limit is 1,024). */
    private static final int FEW_LEFT_OUT = 256;

    private RankedSearch() {
    }

    /** Oldest document first, undated last; within a document, in document order. */
    private static Sort byDate() {
        SortField date = new SortField(PassageSchema.SORT_DATE, SortField.Type.LONG);
        date.setMissingValue(Long.MAX_VALUE);
        return new Sort(date, FileOrder.of(PassageSchema.SORT_FILE), StartOrder.field());
    }

    /**
     * The search without its facet filters: the user's query on passages, in the request's case and type.
     */
    static Query base(SearchRequest request, Query userQuery) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
        if (!QueryReader.matchesPassagesOnly(userQuery)) {
            b.add(PASSAGES, BooleanClause.Occur.FILTER);
        }
        if (request.caseId() != null) {
            b.add(new TermQuery(new Term(PassageSchema.CASE, request.caseId())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            b.add(new TermQuery(new Term(PassageSchema.TYPE, request.type().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        }
        if (!request.leftOut().isEmpty()) {
            b.add(leftOut(request.leftOut()), BooleanClause.Occur.MUST_NOT);
        }
        return b.build();
    }

    /**
     * The passages of the documents left out ({@code case/docId}, {@link PassageSchema#DOC_KEY}): a few as alternative
     * words, which the counting of words-only searches reads as it reads any excluded word ({@link TermSetHits}), more as
     * one set of terms.
     */
    static Query leftOut(Set<String> docKeys) {
        List<String> sorted = docKeys.stream().sorted().toList();
        if (sorted.size() > FEW_LEFT_OUT) {
            return new TermInSetQuery(PassageSchema.DOC_KEY,
                    sorted.stream().map(BytesRef::new).toList());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String key : sorted) {
            any.add(new TermQuery(new Term(PassageSchema.DOC_KEY, key)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** How many hits the search has, its facet filters left out (the request's case and type kept). */
    static long countWithoutFilters(IndexSnapshot s, SearchRequest request, Query userQuery) throws IOException {
        return s.count(ScoredQuery.matching(base(request, userQuery)));
    }

    /** @param shown the hits a grouped search reads whole, or null for all */
    static SearchResult run(IndexSnapshot s, SearchRequest request, Query userQuery, boolean relaxed, HitReader.Shown shown)
            throws IOException {
        return run(s, request, userQuery, relaxed, shown, SearchStage.ALL);
    }

    /**
     * The search done up to {@code last} (at least {@link SearchStage#PAGE}): before {@link SearchStage#ALL} a result with
     * the count and facets and no hits, for measuring what each part of a search costs.
     */
    static SearchResult run(IndexSnapshot s, SearchRequest request, Query userQuery, boolean relaxed, HitReader.Shown shown,
                            SearchStage last) throws IOException {
        return ranked(s, request, userQuery).result(relaxed, shown, last);
    }

    /**
     * The search counted and its first hits found, none of them read yet ({@link Ranked#result}): a search that may widen
     * decides on the count first, and a page it then drops is neither read nor highlighted.
     */
    static Ranked ranked(IndexSnapshot s, SearchRequest request, Query userQuery) throws IOException {
        long t0 = System.nanoTime();
        Query query = base(request, userQuery);
        boolean capped = request.order() == SearchRequest.Order.RELEVANCE;
        Sort sort = switch (request.order()) {
            case DOCUMENT -> IN_DOCUMENT_ORDER;
            case DATE -> BY_DATE;
            case RELEVANCE -> EvidenceSearcher.BY_RELEVANCE;
        };
        // A capped list first fetches a short window, and the whole window only when the cap needs it: the order is
        // total (ties by file, place, then entry), so the short window's hits are the whole window's first ones.
        int n = capped ? DocumentCap.firstWindow(request.offset(), request.limit()) : request.offset() + request.limit();
        return new Ranked(s, request, userQuery, counted(s, request, query, n, sort), n, capped, t0);
    }

    /** A search counted, its first {@code n} hits found and not read; {@code t0} when it began (for its time). */
    record Ranked(IndexSnapshot s, SearchRequest request, Query userQuery, Counted counted, int n, boolean capped, long t0) {
        /** How many hits the search has. */
        long total() {
            return counted.total();
        }

        /** The result with its page of hits read and highlighted ({@code shown}: the hits a grouped search reads whole, or null for all). */
        SearchResult result(boolean relaxed, HitReader.Shown shown) throws IOException {
            return result(relaxed, shown, SearchStage.ALL);
        }

        /** The result done up to {@code last} (at least {@link SearchStage#PAGE}), as {@link RankedSearch#run}. */
        SearchResult result(boolean relaxed, HitReader.Shown shown, SearchStage last) throws IOException {
            if (last == SearchStage.PAGE) {
                return partial(request, counted, relaxed);
            }
            Counted page = counted;
            HitReader reader = new HitReader(s, page.sought());
            if (capped && !settled(page.top().scoreDocs, n, reader)) {
                // The count and the facets stand; only the longer page is found.
                page = page.withTop(page.longer().first(DocumentCap.window(request.offset(), request.limit())));
            }
            ScoreDoc[] ranked = capped ? RankedSearch.capped(page.top().scoreDocs, reader) : page.top().scoreDocs;
            ScoreDoc[] shownPage = Arrays.copyOfRange(ranked, Math.min(request.offset(), ranked.length),
                    Math.min(ranked.length, request.offset() + request.limit()));
            if (last == SearchStage.STORED) {
                reader.stored(HitReader.docs(shownPage));
            }
            if (last != SearchStage.ALL) {
                return partial(request, page, relaxed);
            }
            List<SearchHit> hits = shown == null ? reader.hits(userQuery, shownPage) : reader.shownHits(userQuery, shownPage, shown);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            return new SearchResult(request.query(), page.total(), tookMs, hits, page.facets(), relaxed);
        }
    }

    private static SearchResult partial(SearchRequest request, Counted counted, boolean relaxed) {
        return new SearchResult(request.query(), counted.total(), 0, List.of(), counted.facets(), relaxed);
    }

    private static Counted counted(IndexSnapshot s, SearchRequest request, Query query, int n, Sort sort) throws IOException {
        if (request.filters().isEmpty() || s.facetCounter == null) {
            Query q = request.filters().isEmpty() ? query : FacetFilters.drillDown(query, request.filters());
            // A case or type filter leaves few hits: one pass is then cheaper than two.
            return topAndCounts(s, q, n, sort, request.caseId() == null && request.type() == null);
        }
        return sideways(s, query, request.filters(), n, sort, request.caseId() == null && request.type() == null);
    }

    private static boolean settled(ScoreDoc[] ranked, int fetched, HitReader reader) throws IOException {
        try {
            return DocumentCap.settled(Arrays.asList(ranked), fetched, sd -> documentOf(reader, sd));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String documentOf(HitReader reader, ScoreDoc sd) {
        try {
            return reader.documentOf(sd.doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ranked hits with the first page capped per document ({@link DocumentCap}); the document of a hit is
     * read only as far as the cap looks (the first page and the hits it holds back).
     */
    private static ScoreDoc[] capped(ScoreDoc[] ranked, HitReader reader) throws IOException {
        try {
            return DocumentCap.apply(Arrays.asList(ranked), sd -> documentOf(reader, sd), sd -> sd.score).toArray(ScoreDoc[]::new);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The first hits of a search in its order, how many hits it has, their facet counts, how to find more of its
     * first hits without counting them again ({@code longer}), and the words its counting sought (null: none).
     */
    record Counted(TopDocs top, long total, Map<String, Map<String, Integer>> facets, Page longer, SoughtTerms sought) {
        /** Counted hit by hit: no words sought ahead of the page. */
        Counted(TopDocs top, long total, Map<String, Map<String, Integer>> facets, Page longer) {
            this(top, total, facets, longer, null);
        }

        Counted withTop(TopDocs other) {
            return new Counted(other, total, facets, longer, sought);
        }
    }

    /** The first {@code n} hits of a search again, with their scores, in the way it found its page. */
    @FunctionalInterface
    interface Page {
        TopDocs first(int n) throws IOException;
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
    static Counted topAndCounts(IndexSnapshot s, Query query, int n, Sort sort, boolean mayTwoPass) throws IOException {
        if (s.facetCounter == null) {
            Page page = m -> s.search(query, m, sort, true);
            return new Counted(page.first(n), s.count(ScoredQuery.matching(query)), FacetFilters.counts(null), page);
        }
        FacetCounter.Counting counting = s.facetCounter.counting();
        if (mayTwoPass && twoPass(sort, query)) {
            Query matching = ScoredQuery.matching(query);
            if (!counting.countWords(s, matching)) {
                OneCollector.searchPerSlice(s, matching, counting.keepingHits());
            }
            FixedBitSet[] hits = counting.hits();
            SoughtTerms sought = counting.sought();
            Page page = m -> skippingPage(s, query, m, sort, hits, sought);
            return new Counted(page.first(n), counting.total(), counting.counts(), page, sought);
        }
        TopFieldCollector collector = pageCollector(s, n, sort);
        OneCollector.search(s, query, MultiCollector.wrap(collector, counting));
        TopDocs top = collector.topDocs();
        scores(top, s, query, sort);
        return new Counted(top, counting.total(), counting.counts(), m -> fullPage(s, query, m, sort));
    }

    /**
     * The first {@code n} hits of a relevance search whose hits were counted before, with their scores. The total is
     * counted, so the page may skip from its n-th hit on (Lucene's own default waits for 1,000 hits before it skips, to
     * count them exactly): the same page, fewer hits scored. The hits just counted ({@code counted}, per segment; null:
     * not known) are made known to the page: its evidence-prior stream then looks only at the bonus entries that are
     * hits ({@link PriorQuery}, {@link KnownHits}); so are the words the counting sought ({@code sought}, null: none),
     * whose weights then need not seek them again.
     */
    private static TopDocs skippingPage(IndexSnapshot s, Query query, int n, Sort sort, FixedBitSet[] counted, SoughtTerms sought)
            throws IOException {
        int capped = Math.max(1, Math.min(n, s.getIndexReader().maxDoc()));
        // With a collector per slice of segments, each on a thread of its own (IndexSnapshot#searchPerSlice), that share
        // the page's lowest score so far; Lucene's reduce merges their pages in the same order: the same page.
        TopFieldCollectorManager page = new TopFieldCollectorManager(sort, capped, null, capped, s.slices() > 1);
        TopDocs top = KnownHits.during(s.getIndexReader().leaves(), counted, sought, () -> s.searchPerSlice(query, page));
        scores(top, s, query, sort);
        return top;
    }

    /**
     * A search with facet filters, counted as Lucene's DrillSideways counts it (a filtered dimension's counts
     * without its own filter) in one pass over the hits of {@code base} ({@link SidewaysCounting}).
     */
    static Counted sideways(IndexSnapshot s, Query base, Map<String, List<String>> filters, int n, Sort sort, boolean mayTwoPass)
            throws IOException {
        if (mayTwoPass && twoPass(sort, base)) {
            // Counted from bit sets when the base is words only; then the page is found as for a search without facet
            // filters, with skipping, told the hits that pass every filter.
            SidewaysCounting counting = new SidewaysCounting(s.facetCounter, s, filters, null);
            FixedBitSet[] passing = counting.countWords(s, ScoredQuery.matching(base));
            if (passing != null) {
                // The words sought while counting are known to the page's weights and to the highlighting (not sought again).
                SoughtTerms sought = counting.sought();
                // The facet filters as the hits that pass them all, counted just now: the same entries, as a sparse lead.
                Query passingOnly = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST)
                        .add(new PassingHits(passing), BooleanClause.Occur.FILTER).build();
                Page page = m -> skippingPage(s, passingOnly, m, sort, passing, sought);
                return new Counted(page.first(n), counting.total(), counting.counts(), page, sought);
            }
        }
        Query filtered = FacetFilters.drillDown(base, filters);
        TopFieldCollector collector = pageCollector(s, n, sort);
        SidewaysCounting counting = new SidewaysCounting(s.facetCounter, s, filters, collector);
        OneCollector.search(s, base, counting);
        TopDocs top = collector.topDocs();
        scores(top, s, filtered, sort);
        // The hits that pass every filter are the filtered query's: a longer page is theirs, found without counting.
        return new Counted(top, counting.total(), counting.counts(), m -> fullPage(s, filtered, m, sort));
    }

    /** The first {@code n} hits of {@code query} with their scores, every hit seen (no skipping), nothing counted. */
    private static TopDocs fullPage(IndexSnapshot s, Query query, int n, Sort sort) throws IOException {
        TopFieldCollector collector = pageCollector(s, n, sort);
        OneCollector.search(s, query, collector);
        TopDocs top = collector.topDocs();
        scores(top, s, query, sort);
        return top;
    }

    /**
     * Gives the hits their scores: in a relevance order the score each was ranked by (its first sort value, which
     * the page's collector kept), else scored again for {@code query} (Lucene's {@code populateScores}, which
     * finds each hit again in the postings: a tenth of a grouped search's time when done for 400 hits).
     */
    private static void scores(TopDocs top, IndexSnapshot s, Query query, Sort sort) throws IOException {
        if (sort.getSort()[0] != SortField.FIELD_SCORE) {
            TopFieldCollector.populateScores(top.scoreDocs, s, query);
            return;
        }
        for (ScoreDoc sd : top.scoreDocs) {
            sd.score = (Float) ((FieldDoc) sd).fields[0];
        }
    }

    private static boolean twoPass(Sort sort, Query query) {
        return sort.getSort()[0] == SortField.FIELD_SCORE && QueryReader.scoresFromTermsOnly(query);
    }

    /** Collects the first {@code n} hits in {@code sort} order, every hit seen (no skipping). */
    private static TopFieldCollector pageCollector(IndexSnapshot s, int n, Sort sort) {
        return new TopFieldCollectorManager(sort, Math.max(1, Math.min(n, s.getIndexReader().maxDoc())), null, Integer.MAX_VALUE,
                false).newCollector();
    }
}

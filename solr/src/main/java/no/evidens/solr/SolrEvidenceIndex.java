package no.evidens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;

import no.evidens.index.DocumentCap;
import no.evidens.index.DocumentPart;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexHealth;
import no.evidens.index.IndexedDocument;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.NoIndexException;
import no.evidens.index.PassageSchema;
import no.evidens.index.QueryLanguage;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.solr.plugin.TextPartTransformerFactory;

/**
 * The evidence index on a SolrCloud collection, with the embedded index's answers: Solr finds, ranks and
 * counts (the query built by the Evidens plugin, the collection's own term statistics); the hits are
 * highlighted here, on their text, by the embedded index's highlighter. Thread-safe.
 */
public final class SolrEvidenceIndex implements EvidenceIndex {
    /** The most ids one request of {@link #passages(Collection)} asks for: a body of some 50 KB, and as many rows. */
    static final int IDS_PER_REQUEST = 500;

    private final SolrNodes nodes;
    private final String collection;
    private final Analyzer queryAnalyzer;
    private final SolrSearches searches;
    private final ClusterHealth health;
    /** Sends a request beside another one (a window's pieces beside its document's entry); its threads end when idle. */
    private final ExecutorService alongside = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "solr-alongside");
        t.setDaemon(true);
        return t;
    });

    /**
     * A searcher over the collection at {@code target}, connected to its ZooKeeper now (a command's).
     *
     * @param queryAnalyzer what queries are read with for highlighting (the nodes' plugin reads them alike)
     * @throws IllegalStateException caused by an {@link IndexUnreachableException} when ZooKeeper cannot be reached
     */
    public SolrEvidenceIndex(SolrTarget target, Analyzer queryAnalyzer) {
        this(new SolrNodes(target), target, queryAnalyzer);
    }

    private SolrEvidenceIndex(SolrNodes nodes, SolrTarget target, Analyzer queryAnalyzer) {
        this.nodes = nodes;
        this.collection = target.collection();
        this.queryAnalyzer = queryAnalyzer;
        this.searches = new SolrSearches();
        this.health = new ClusterHealth(nodes);
    }

    /**
     * A searcher for a server, which opens whether ZooKeeper answers or not: it connects in the background and again until
     * ZooKeeper answers; meanwhile every search and look-up throws {@link IndexUnreachableException} at once (a 503 to
     * try again), and {@link #hasIndex()} is true (the collection is not known to be missing).
     */
    public static SolrEvidenceIndex connectingInTheBackground(SolrTarget target, Analyzer queryAnalyzer) {
        // a server's searches set a hung node aside in its own process, for 30 s: one search in 30 s waits for it
        return new SolrEvidenceIndex(new SolrNodes(target, ZooKeeperLink.inTheBackground(target), new NodesSetAside()), target, queryAnalyzer);
    }

    @Override
    public boolean hasIndex() {
        return nodes.hasCollection();
    }

    /**
     * Whether a new ingestion could write now: ZooKeeper answers the connection and names a live node (SolrJ's client knows
     * at once), and the look at the cluster finds every shard led by a node and a core that answer ({@link
     * IndexHealth.State#holdsWrites()}). The look is the one kept for the health check when it is fresh (at most {@link
     * ClusterHealth#FRESH_MS} old, or {@link ClusterHealth#FRESH_PROPERTY}'s while), so a write asks nothing more of the cluster; else one look, bounded, shared with any
     * other caller meanwhile.
     */
    @Override
    public boolean writable() {
        return nodes.writable() && !health.now().state().holdsWrites();
    }

    /**
     * What a look at the cluster finds: ZooKeeper, the collection, each shard's leader, each live node's answer; bounded in
     * time and kept for a few seconds ({@link ClusterHealth}).
     */
    @Override
    public Optional<IndexHealth> health() {
        return Optional.of(health.now());
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        boolean has;
        try {
            has = hasIndex();
        } catch (RuntimeException e) {
            // the collection's state is read from ZooKeeper, which SolrJ says is gone unchecked
            throw new IndexUnreachableException("SolrCloud at " + nodes.target() + " does not answer: " + e.getMessage(), e);
        }
        if (!has) {
            throw new NoIndexException("SolrCloud " + nodes.target() + " (run evidens solr init, then ingest)");
        }
        try {
            return nodes.query(q, collection);
        } catch (SolrException e) {
            if (e.code() == 400) {
                throw new QuerySyntaxException(e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Documents not whole in the collection: being written in several requests now, or left half-written when the cluster
     * went away ({@link SolrFields#pending}), as {@code case/docId}; almost always none. Asked beside a search's first
     * request, not before it: a search waits no longer for it, and is asked again with those documents left out when
     * there are any (a cached filter on their key; no join). A document's passages are never found before its entry.
     */
    private Set<String> notWhole() throws IOException {
        Set<String> out = new HashSet<>();
        for (SolrDocument d : all(SolrSearches.pending())) {
            out.add(SolrFields.docKey(String.valueOf(d.getFirstValue(PassageSchema.CASE)), String.valueOf(d.getFirstValue(PassageSchema.DOC))));
        }
        return out;
    }

    /** {@code asked} with the documents of {@code notWhole} left out too. */
    private static SearchRequest leavingOut(SearchRequest asked, Set<String> notWhole) {
        Set<String> leftOut = new HashSet<>(notWhole);
        leftOut.addAll(asked.leftOut());
        return new SearchRequest(asked.query(), asked.caseId(), asked.type(), asked.limit(), asked.offset(), asked.order(),
                asked.filters(), leftOut, asked.allVersions());
    }

    @Override
    public SearchResult search(SearchRequest asked) throws IOException {
        long t0 = System.nanoTime();
        Future<Set<String>> notWhole = alongside.submit(this::notWhole);
        SearchRequest request = asked;
        QueryResponse strict = query(searches.search(request, false));
        Set<String> leaveOut = answer(notWhole);
        if (!leaveOut.isEmpty()) {
            request = leavingOut(asked, leaveOut);
            strict = query(searches.search(request, false));
        }
        Query strictQuery = QueryLanguage.read(request.query(), queryAnalyzer, false);
        long allWords = strict.getResults().getNumFound();
        // Widening is decided over the whole case, as the embedded index does
        long allWordsInCase = QueryLanguage.countsWholeCase(allWords, request)
                ? query(searches.search(request.wholeCase(), false)).getResults().getNumFound() : allWords;
        if (!QueryLanguage.widens(allWordsInCase, request.query())) {
            return result(request, strict, strictQuery, t0, false);
        }
        QueryResponse relaxed = query(searches.search(request, true));
        return result(request, relaxed, QueryLanguage.read(request.query(), queryAnalyzer, true), t0, true)
                .withAllWords(allWords);
    }

    private SearchResult result(SearchRequest request, QueryResponse r, Query highlightFor, long t0, boolean relaxed)
            throws IOException {
        List<SolrDocument> page = r.getResults();
        if (request.order() == SearchRequest.Order.RELEVANCE) {
            // Solr gave the window from the top: cap the first page per document and cut the requested page, as embedded.
            List<SolrDocument> capped = DocumentCap.apply(page, d -> d.getFieldValue(PassageSchema.CASE) + "/"
                    + d.getFieldValue(PassageSchema.DOC), d -> d.getFieldValue("score") instanceof Number n ? n.doubleValue() : 0);
            page = capped.subList(Math.min(request.offset(), capped.size()),
                    Math.min(capped.size(), request.offset() + request.limit()));
        }
        return result(request.query(), r, page, highlightFor, t0, relaxed);
    }

    private SearchResult result(String label, QueryResponse r, Query highlightFor, long t0, boolean relaxed) throws IOException {
        return result(label, r, r.getResults(), highlightFor, t0, relaxed);
    }

    private SearchResult result(String label, QueryResponse r, List<SolrDocument> page, Query highlightFor, long t0,
                                boolean relaxed) throws IOException {
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument d : page) {
            hits.add(QueryLanguage.highlighted(SolrFields.toHit(d), SolrFields.documentFacets(d), highlightFor, queryAnalyzer));
        }
        return new SearchResult(label, r.getResults().getNumFound(), (System.nanoTime() - t0) / 1_000_000, hits,
                SolrSearches.facets(r), relaxed);
    }

    private List<SearchHit> plainHits(SolrQuery q) throws IOException {
        List<SearchHit> out = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            out.add(SolrFields.toHit(d));
        }
        return out;
    }

    /** Every entry {@code q} finds, however many ({@link SolrPages}). */
    private List<SolrDocument> all(SolrQuery q) throws IOException {
        return SolrPages.all(q, this::query);
    }

    private List<SearchHit> allPlainHits(SolrQuery q) throws IOException {
        return all(q).stream().map(SolrFields::toHit).toList();
    }

    @Override
    public Optional<SearchHit> passage(String passageId) throws IOException {
        return plainHits(SolrSearches.passages(List.of(passageId))).stream().findFirst();
    }

    /**
     * The passages with these ids: one request per {@link #IDS_PER_REQUEST} distinct ids (a {@code terms} filter on the id),
     * where {@link #passage} is a request each.
     */
    @Override
    public Map<String, SearchHit> passages(Collection<String> passageIds) throws IOException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(passageIds));
        Map<String, SearchHit> byId = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_REQUEST) {
            for (SearchHit h : plainHits(SolrSearches.passages(distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_REQUEST))))) {
                byId.put(h.passageId(), h);
            }
        }
        Map<String, SearchHit> out = new LinkedHashMap<>();
        for (String id : distinct) {
            if (byId.containsKey(id)) {
                out.put(id, byId.get(id));
            }
        }
        return out;
    }

    @Override
    public List<SearchHit> passagesOf(String caseId, String docId) throws IOException {
        return allPlainHits(SolrSearches.ofDocument(caseId, docId));
    }

    @Override
    public List<SearchHit> context(String passageId, int before, int after) throws IOException {
        if (passage(passageId).isEmpty()) {
            throw new IllegalArgumentException("no passage " + passageId + " in the index (ids look like case/document/number)");
        }
        int slash = passageId.lastIndexOf('/');
        String prefix = passageId.substring(0, slash + 1);
        int n = Integer.parseInt(passageId.substring(slash + 1));
        List<String> ids = new ArrayList<>();
        for (int i = Math.max(0, n - before); i <= n + after; i++) {
            ids.add(prefix + i);
        }
        List<SearchHit> found = new ArrayList<>(plainHits(SolrSearches.passages(ids)));
        found.sort(Comparator.comparingInt(h -> Integer.parseInt(h.passageId().substring(h.passageId().lastIndexOf('/') + 1))));
        return found;
    }

    @Override
    public SearchResult moreLikeThis(String passageId, String documentType, int limit) throws IOException {
        long t0 = System.nanoTime();
        Future<Set<String>> notWhole = alongside.submit(this::notWhole);
        Optional<SearchHit> like = passage(passageId);
        if (like.isEmpty()) {
            throw new IllegalArgumentException("no passage " + passageId + " in the index (ids look like case/document/number)");
        }
        String text = like.get().text();
        List<String> words = List.copyOf(SolrMoreLikeThis.words(text, queryAnalyzer));
        Map<String, Integer> counts = query(SolrSearches.wordStatistics(words)).getFacetQuery();
        Map<String, Integer> docFreqs = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            docFreqs.put(words.get(i), counts.getOrDefault("w" + i, 0));
        }
        Query likeThis = SolrMoreLikeThis.like(text, queryAnalyzer, counts.getOrDefault("passages", 0), docFreqs);
        if (!(likeThis instanceof BooleanQuery terms) || terms.clauses().isEmpty()) {
            return new SearchResult("like:" + passageId, 0, (System.nanoTime() - t0) / 1_000_000, List.of(), Map.of());
        }
        QueryResponse r = query(SolrSearches.leaveOut(SolrSearches.moreLikeThis(like.get(), terms, documentType, limit), answer(notWhole)));
        // Highlighted for the like-this query, as the embedded index highlights it.
        SearchResult found = result("like:" + passageId, r, likeThis, t0, false);
        return new SearchResult(found.query(), found.total(), found.tookMs(), found.hits(), found.facets());
    }

    @Override
    public List<Mark> marks(String caseId, String docId, String queryText) throws IOException {
        Query query = QueryLanguage.read(queryText, queryAnalyzer, false);
        List<Mark> out = new ArrayList<>();
        for (SolrDocument d : all(SolrSearches.matchesIn(caseId, docId, queryText))) {
            out.addAll(QueryLanguage.marks(SolrFields.toHit(d), SolrFields.documentFacets(d), query, queryAnalyzer));
        }
        return out.stream().distinct().sorted(Comparator.comparingInt(Mark::start)).toList();
    }

    /** The passages starting in {@code [from, to)}: the document's key and a range of starts (one request, unless very many). */
    @Override
    public List<SearchHit> passagesIn(String caseId, String docId, int from, int to) throws IOException {
        return allPlainHits(SolrSearches.startingIn(SolrSearches.ofDocument(caseId, docId), from, to));
    }

    /** The marks in {@code [from, to)}, read from the passages overlapping it (the one it begins inside, those in it). */
    @Override
    public List<Mark> marksIn(String caseId, String docId, String queryText, int from, int to) throws IOException {
        Query query = QueryLanguage.read(queryText, queryAnalyzer, false);
        SolrDocumentList at = query(SolrSearches.passageAt(caseId, docId, from)).getResults();
        long first = at.isEmpty() ? from : ((Number) at.get(0).getFirstValue(PassageSchema.START)).longValue();
        List<Mark> out = new ArrayList<>();
        SolrQuery q = SolrSearches.startingIn(SolrSearches.matchesIn(caseId, docId, queryText), first, to);
        for (SolrDocument d : all(q)) {
            out.addAll(QueryLanguage.marks(SolrFields.toHit(d), SolrFields.documentFacets(d), query, queryAnalyzer));
        }
        return out.stream().distinct().filter(m -> m.end() > from && m.start() < to)
                .sorted(Comparator.comparingInt(Mark::start)).toList();
    }

    /** Where the passages the query matches start, their start only, every one ({@link #all}). */
    @Override
    public List<Integer> matchStarts(String caseId, String docId, String queryText) throws IOException {
        SolrQuery q = SolrSearches.matchesIn(caseId, docId, queryText);
        q.setFields(PassageSchema.START);
        return all(q).stream().map(d -> ((Number) d.getFirstValue(PassageSchema.START)).intValue()).toList();
    }

    /** The document with its whole text: its entry's, or its pieces' put together ({@link SolrFields#pieces}). */
    @Override
    public Optional<IndexedDocument> document(String caseId, String docId) throws IOException {
        SolrDocumentList found = query(SolrSearches.document(caseId, docId)).getResults();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SolrDocument d = found.get(0);
        if (d.getFirstValue(PassageSchema.DOC_TEXT) == null && d.getFirstValue(PassageSchema.END) instanceof Number length) {
            d.setField(PassageSchema.DOC_TEXT, text(caseId, docId, all(SolrSearches.pieces(caseId, docId, 0, length.intValue())),
                    0, length.intValue()));
        }
        return Optional.of(SolrFields.toIndexedDocument(d));
    }

    /**
     * The characters {@code [from, to)} of a text stored in pieces, from {@code pieces}, those that hold them in order (a
     * window of an 18 MB document: four or five of 65,536 characters).
     *
     * @throws IOException when the pieces do not hold all of them (an entry written half-way; ingest the file again)
     */
    static String text(String caseId, String docId, List<SolrDocument> pieces, int from, int to) throws IOException {
        if (from >= to) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        int first = -1;
        for (SolrDocument p : pieces) {
            int start = ((Number) p.getFirstValue(PassageSchema.START)).intValue();
            if (first < 0) {
                first = start;
            }
            if (start != first + text.length() || first > from) {
                break;
            }
            text.append(p.getFirstValue(PassageSchema.DOC_TEXT));
        }
        if (first < 0 || first > from || first + text.length() < to) {
            throw new IOException("the text of document " + caseId + "/" + docId + " is not all in the collection (characters "
                    + from + " to " + to + " asked, " + (first < 0 ? "none" : first + " to " + (first + text.length()))
                    + " found); ingest the file again");
        }
        return text.substring(from - first, to - first);
    }

    /**
     * The part from the pieces of the text that hold it ({@link SolrFields#pieces}), or, for an entry written before round 51
     * (the whole text in one value), cut on the node ({@code [evidensPart]}, {@link TextPartTransformerFactory}): a window
     * of an 18 MB document moves its window's characters, not the whole text, and the node reads only the pieces. An entry
     * of the whole text on a collection whose config set is older than the plugin (no such transformer: Solr answers 400,
     * or leaves the field out) is read whole and cut here, as before.
     */
    @Override
    public Optional<DocumentPart> documentPart(String caseId, String docId, int from, int to) throws IOException {
        // The pieces are asked at the same time as the entry, which says whether the text is in pieces: one wait, not
        // two in a row (for an entry of the whole text the pieces' request finds none, and costs the node next to nothing).
        Future<List<SolrDocument>> pieces = alongside.submit(() -> all(SolrSearches.pieces(caseId, docId, from, to)));
        SolrDocumentList found;
        try {
            found = query(SolrSearches.documentPart(caseId, docId, from, to)).getResults();
        } catch (QuerySyntaxException e) {
            return EvidenceIndex.super.documentPart(caseId, docId, from, to);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SolrDocument d = found.get(0);
        if (d.getFieldValue(SolrSearches.PART) instanceof Map<?, ?> part
                && part.get(TextPartTransformerFactory.LENGTH) instanceof Number n
                && part.get(TextPartTransformerFactory.TEXT) != null) {
            // an entry written before round 51: its whole text in one value, the part cut on the node
            d.removeFields(SolrSearches.PART);
            d.setField(PassageSchema.DOC_TEXT, part.get(TextPartTransformerFactory.TEXT).toString());
            int start = Math.max(0, Math.min(from, n.intValue()));
            return Optional.of(new DocumentPart(SolrFields.toIndexedDocument(d), start, n.intValue()));
        }
        if (d.getFieldValue(PassageSchema.END) instanceof Number n) {
            // the text in pieces: those the part covers
            int length = n.intValue();
            int start = Math.max(0, Math.min(from, length));
            int end = Math.max(start, Math.min(to, length));
            d.setField(PassageSchema.DOC_TEXT, text(caseId, docId, start == end ? List.of() : answer(pieces), start, end));
            return Optional.of(new DocumentPart(SolrFields.toIndexedDocument(d), start, length));
        }
        return EvidenceIndex.super.documentPart(caseId, docId, from, to);
    }

    /** What a request sent alongside answered, or its failure as it would have been thrown. */
    private static <T> T answer(Future<T> asked) throws IOException {
        try {
            return asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a document's text", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        alongside.shutdownNow();
        health.close();
        nodes.close();
    }

    /** The term kind:passage, for requests built elsewhere in the module. */
    static String passagesOnly() {
        return "{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_PASSAGE;
    }
}

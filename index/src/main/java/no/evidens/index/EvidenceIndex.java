package no.evidens.index;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search side of the evidence index, whatever engine holds it: the embedded Lucene index
 * ({@link EvidenceSearcher}, the default) or a SolrCloud collection (module {@code solr}). Every
 * implementation gives the same answers for the same data: the same hits, facet counts and offsets.
 * One long-lived instance serves many threads.
 */
public interface EvidenceIndex extends AutoCloseable {
    /** Whether there is an index to search yet. */
    boolean hasIndex();

    /**
     * Whether an ingestion could write to the index now, as far as can be told at once, without writing and without waiting
     * on the engine: a SolrCloud collection needs its ZooKeeper (a new ingestion connects to it) and a live node; the
     * embedded index always can (its folder is on this machine; a full disk is the ingestion's own failure). A server asks
     * this before it ingests again an upload that waits for the index, so that it does not start one that cannot succeed.
     */
    boolean writable();

    /**
     * What the back end finds when it looks at its cluster now: which part fails, if any. Bounded in time (a node that does
     * not answer within a short while is said to hang) and cached for a few seconds, so a health check polled often costs
     * little. Empty for an index that has no cluster (the embedded one).
     */
    default Optional<IndexHealth> health() {
        return Optional.empty();
    }

    /**
     * Searches with every word required; when no passage holds them all and the query is plain words,
     * searches again with any word enough (the result says it is relaxed).
     *
     * @throws QuerySyntaxException when the query cannot be read
     * @throws NoIndexException     when there is no index yet
     */
    SearchResult search(SearchRequest request) throws IOException;

    /**
     * A search whose hits are to be grouped by document: the best {@code groupedHits} hits (from the first),
     * of which those a page of documents shows (the documents {@code request.offset()} to {@code offset + limit},
     * in the order of their best hit, up to {@code perDocument} hits each) must be whole and highlighted. An
     * engine may hand the others out bare (case, document and score only; the passage id may be null), which
     * saves reading and highlighting hundreds of passages that are only counted; this default hands them all out whole.
     */
    default SearchResult searchForGrouping(SearchRequest request, int groupedHits, int perDocument) throws IOException {
        return search(request.withPage(groupedHits, 0));
    }

    /** One passage by its id. */
    Optional<SearchHit> passage(String passageId) throws IOException;

    /**
     * The passages with these ids, by id, in the order first asked for: an id the index does not hold (or that is not a
     * passage's id) is left out, one asked for twice is there once. What a page that shows hundreds of quotations reads
     * (a group's overview): an engine answers it in one look-up, or a few of bounded size, where {@link #passage} is one
     * each. This default asks for each in turn.
     */
    default Map<String, SearchHit> passages(Collection<String> passageIds) throws IOException {
        Map<String, SearchHit> out = new LinkedHashMap<>();
        for (String id : passageIds) {
            if (!out.containsKey(id)) {
                passage(id).ifPresent(h -> out.put(id, h));
            }
        }
        return out;
    }

    /** All passages of one document, in document order (none when the index has no such document). */
    List<SearchHit> passagesOf(String caseId, String docId) throws IOException;

    /**
     * A passage with up to {@code before} passages before it and {@code after} after it in its document.
     *
     * @throws IllegalArgumentException when there is no such passage
     */
    List<SearchHit> context(String passageId, int before, int after) throws IOException;

    /** Passages like the given one, in the same case, itself left out. */
    default SearchResult moreLikeThis(String passageId, int limit) throws IOException {
        return moreLikeThis(passageId, null, limit);
    }

    /**
     * Passages like the given one, in the same case, itself left out, of one document type only ({@code documentType}
     * in lower case, as the index keeps it; null for every type).
     */
    SearchResult moreLikeThis(String passageId, String documentType, int limit) throws IOException;

    /** Where a query matches in a whole document: offsets into its normalised text, in order. */
    List<Mark> marks(String caseId, String docId, String queryText) throws IOException;

    /**
     * The passages of one document that start in {@code [from, to)}, in document order: a window of {@link #passagesOf}
     * (paging windows that meet end to start hands out every passage once). An engine answers it with one query on the
     * passages' start; this default filters the whole list.
     */
    default List<SearchHit> passagesIn(String caseId, String docId, int from, int to) throws IOException {
        return passagesOf(caseId, docId).stream().filter(p -> p.start() >= from && p.start() < to).toList();
    }

    /**
     * Where a query matches in the part {@code [from, to)} of a document: the marks that overlap it, in order, found in the
     * passages that overlap it only. This default filters the whole document's marks.
     *
     * @throws QuerySyntaxException when the query cannot be read
     */
    default List<Mark> marksIn(String caseId, String docId, String queryText, int from, int to) throws IOException {
        return marks(caseId, docId, queryText).stream().filter(m -> m.end() > from && m.start() < to).toList();
    }

    /**
     * Where every passage of a document that a query matches starts, in document order, without highlighting them: the
     * places a reader that holds a part of the text at a time jumps to for the next or previous hit. This default takes
     * the passage around each of the whole document's marks.
     *
     * @throws QuerySyntaxException when the query cannot be read
     */
    default List<Integer> matchStarts(String caseId, String docId, String queryText) throws IOException {
        List<SearchHit> passages = passagesOf(caseId, docId);
        java.util.SortedSet<Integer> starts = new java.util.TreeSet<>();
        for (Mark m : marks(caseId, docId, queryText)) {
            passages.stream().filter(p -> p.start() <= m.start() && m.start() < p.end()).findFirst()
                    .ifPresent(p -> starts.add(p.start()));
        }
        return List.copyOf(starts);
    }

    /** The whole indexed document, to read it or to check a citation against it. */
    Optional<IndexedDocument> document(String caseId, String docId) throws IOException;

    /**
     * The characters {@code [from, to)} of a document's text (clipped to it) with the document's fields and its text's
     * length: a window of a large document without moving the rest of it. This default cuts the whole document.
     */
    default Optional<DocumentPart> documentPart(String caseId, String docId, int from, int to) throws IOException {
        return document(caseId, docId).map(d -> DocumentPart.of(d, from, to));
    }

    @Override
    void close() throws IOException;

    /** A span of a document's text that a query matched. */
    record Mark(int start, int end) {
    }
}

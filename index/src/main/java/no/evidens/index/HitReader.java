package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads the hits of a page from one snapshot: each hit's stored fields once, its snippet highlighted for the
 * query; for a grouped search only the hits the page of documents shows, the others bare (id, case,
 * document, score). One search on one thread: it keeps the keys (id, case, document) it has read.
 */
final class HitReader {
    private static final int SNIPPET_PASSAGES = 2;
    private static final Set<String> KEYS = Set.of(PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC);

    private final IndexSnapshot s;
    private final StoredFields stored;
    /** The words the search's counting sought in each segment, or null. */
    private final SoughtTerms sought;
    /** The keys read so far, by Lucene document. */
    private final Map<Integer, Document> keys = new HashMap<>();

    HitReader(IndexSnapshot s) throws IOException {
        this(s, null);
    }

    /** A reader whose highlighting finds the words {@code sought} (null: none) where the search's counting found them. */
    HitReader(IndexSnapshot s, SoughtTerms sought) throws IOException {
        this.s = s;
        this.stored = s.storedFields();
        this.sought = sought;
    }

    /** The document (case/document id) a hit stands in. */
    String documentOf(int doc) throws IOException {
        String key = s.documentKey(doc);
        if (key != null) {
            return key;
        }
        Document d = keys(doc);
        return PassageSchema.docKey(d.get(PassageSchema.CASE), d.get(PassageSchema.DOC));
    }

    private Document keys(int doc) throws IOException {
        Document d = keys.get(doc);
        if (d == null) {
            d = stored.document(doc, KEYS);
            keys.put(doc, d);
        }
        return d;
    }

    /**
     * The hits of {@code page} (hits of {@code query}), their snippets highlighted for it: stored fields of these only, and of
     * those only the fields a hit shows. They are read in index order, with one reader of stored fields: hits in
     * one block of stored documents then decode its header once.
     */
    List<SearchHit> hits(Query query, ScoreDoc[] page) throws IOException {
        int[] docs = docs(page);
        // Each hit's stored fields are read once: the highlighter takes the text from them.
        Map<Integer, Document> byDoc = stored(docs);
        // The page's entries are hits of the query: its parts a snippet never shows need not be matched in them.
        OffsetHighlighter.Highlight[] highlights = s.snippets.highlightHits(PassageSchema.TEXT, query, docs, SNIPPET_PASSAGES,
                doc -> byDoc.get(doc).get(PassageSchema.TEXT), sought);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(PassageSchema.toHit(byDoc.get(docs[i]), page[i].score, highlights[i]));
        }
        return hits;
    }

    /** The Lucene documents of {@code page}, in its order. */
    static int[] docs(ScoreDoc[] page) {
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        return docs;
    }

    /** The fields a hit shows of each of {@code docs}, by Lucene document: read in index order, each once. */
    Map<Integer, Document> stored(int[] docs) throws IOException {
        int[] inOrder = docs.clone();
        Arrays.sort(inOrder);
        Map<Integer, Document> byDoc = new HashMap<>();
        for (int doc : inOrder) {
            if (!byDoc.containsKey(doc)) {
                byDoc.put(doc, stored.document(doc, PassageSchema.HIT_FIELDS));
            }
        }
        return byDoc;
    }

    /**
     * The hits of a grouped search's {@code page}: those the page of documents shows read whole and
     * highlighted, the others bare.
     */
    List<SearchHit> shownHits(Query query, ScoreDoc[] page, Shown shown) throws IOException {
        SearchHit[] bare = bare(page, shown);
        List<ScoreDoc> whole = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            if (bare[i] == null) {
                whole.add(page[i]);
            }
        }
        Iterator<SearchHit> read = hits(query, whole.toArray(ScoreDoc[]::new)).iterator();
        List<SearchHit> out = new ArrayList<>(page.length);
        for (SearchHit b : bare) {
            out.add(b != null ? b : read.next());
        }
        return out;
    }

    /** For each hit of {@code page}: its bare hit when it is not shown, null when it is (to be read whole). */
    private SearchHit[] bare(ScoreDoc[] page, Shown shown) throws IOException {
        // One entry per document of the page: hundreds of hits fall into a few hundred documents at most.
        Map<String, PageDocument> documents = new HashMap<>();
        SearchHit[] out = new SearchHit[page.length];
        for (int i = 0; i < page.length; i++) {
            String key = documentOf(page[i].doc);
            PageDocument d = documents.get(key);
            if (d == null) {
                d = new PageDocument(documents.size(), key);
                documents.put(key, d);
            }
            boolean onPage = d.rank >= shown.from() && d.rank - shown.from() < shown.count() && ++d.taken <= shown.perDocument();
            if (!onPage) {
                out[i] = bareHit(page[i], d);
            }
        }
        return out;
    }

    /**
     * A document of a grouped search's hits: its rank by its best hit, how many of its hits the page of documents took
     * so far, and its case and id, cut from its key once for all its bare hits (which then share them).
     */
    private static final class PageDocument {
        final int rank;
        final String caseId;
        final String docId;
        int taken;

        PageDocument(int rank, String key) {
            this.rank = rank;
            // A case id holds no slash (see Ingestion), so the key splits at its first one into case and document.
            int slash = key.indexOf('/');
            this.caseId = key.substring(0, slash);
            this.docId = key.substring(slash + 1);
        }
    }

    /**
     * A hit that is only counted: its case, document and score. Its id too where its stored fields were read
     * anyway (an index without document keys); else the id is null, so that hundreds of hits are counted
     * without a decompression each.
     */
    private SearchHit bareHit(ScoreDoc hit, PageDocument document) {
        // No key read (an index with document keys): no boxed id looked up per hit.
        Document d = keys.isEmpty() ? null : keys.get(hit.doc);
        String id = d == null ? null : d.get(PassageSchema.ID);
        return new SearchHit(id, document.caseId, document.docId, null, null, null, null, 0, 0, 0,
                null, hit.score, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Which hits of a grouped search a page of documents shows: documents {@code from} to {@code from + count},
     * {@code perDocument} each.
     */
    record Shown(int from, int count, int perDocument) {
    }
}

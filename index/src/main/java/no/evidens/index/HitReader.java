package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads the hits of a page from one snapshot: each hit's stored fields once, its snippet highlighted for the
 * query; for a grouped search only the hits the page of documents shows, the others bare (id, case,
 * document, score). One search on one thread: it keeps the keys (id, case, document) it has read (a page's hits may
 * be read on two, {@link #hits}).
 */
final class HitReader {
    private static final int SNIPPET_PASSAGES = 2;
    private static final Set<String> KEYS = Set.of(PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC);
    /** The least time the searching thread waits for a hit the pool's thread is reading before it reads it itself. */
    private static final long PATIENCE_NANOS = 20_000;

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
     * those only the fields a hit shows. Each hit is read and highlighted on its own, in index order (hits in one block of
     * stored documents then decode its header once), so that on a split snapshot (one whose searches use more than one
     * thread, {@link SearchThreads}) a thread of the pool can share them out with this one ({@link SharedPage}).
     */
    List<SearchHit> hits(Query query, ScoreDoc[] page) throws IOException {
        SharedPage shared = new SharedPage(query, page);
        if (page.length > 1 && s.slices() > 1) {
            SearchThreads.handOver(shared::help);
        }
        return shared.read();
    }

    /**
     * A page's hits shared out between the searching thread and a thread of the pool: each takes the next hit not yet
     * taken, in index order. The searching thread never depends on the other: it begins at once and takes every hit the
     * other has not taken by then (a thread that gets no core before the last hit is taken does nothing); a hit the other
     * has taken but not finished when the searching thread has done its own is waited for about as long as this thread
     * took for one of its own hits, then read here too (the first answer kept), so that a thread that lost its core holds
     * up no search (the thirty-fourth round lost wall time to such waits). The answers are each hit's alone, so who
     * reads it changes nothing.
     */
    private final class SharedPage {
        private final Query query;
        private final ScoreDoc[] page;
        /** The places of the page's hits in index order of their entries. */
        private final int[] byDoc;
        /** How many places of {@link #byDoc} are taken. */
        private final AtomicInteger taken = new AtomicInteger();
        /** The hits read, in the page's order. */
        private final AtomicReferenceArray<SearchHit> read;

        SharedPage(Query query, ScoreDoc[] page) {
            this.query = query;
            this.page = page;
            this.byDoc = inIndexOrder(page);
            this.read = new AtomicReferenceArray<>(page.length);
        }

        /** The pool's part: as many hits as it can take. The snapshot stays open while it reads (the search may end). */
        void help() {
            IndexReader reader = s.getIndexReader();
            if (!reader.tryIncRef()) {
                return;
            }
            try {
                // Made before the first hit is taken, so that a hit taken is a hit being read.
                Reading reading = new Reading();
                for (int i = taken.getAndIncrement(); i < byDoc.length; i = taken.getAndIncrement()) {
                    read.compareAndSet(byDoc[i], null, reading.hit(byDoc[i]));
                }
            } catch (IOException | RuntimeException e) {
                // The searching thread reads the hits this one did not, and meets the same failure there if it is one.
            } finally {
                try {
                    reader.decRef();
                } catch (IOException e) {
                    // Closing a snapshot the search let go of: its own failure, not this search's.
                }
            }
        }

        /** The searching thread's part, then the hits the other thread took and has not read: every hit, in page order. */
        List<SearchHit> read() throws IOException {
            Reading reading = null;
            long start = System.nanoTime();
            int mine = 0;
            for (int i = taken.getAndIncrement(); i < byDoc.length; i = taken.getAndIncrement(), mine++) {
                if (reading == null) {
                    reading = new Reading();
                }
                read.set(byDoc[i], reading.hit(byDoc[i]));
            }
            // As long as one of this thread's own hits took, at least a few hundredths of a millisecond.
            long patience = Math.max(PATIENCE_NANOS, mine == 0 ? 0 : (System.nanoTime() - start) / mine);
            List<SearchHit> out = new ArrayList<>(page.length);
            for (int place = 0; place < page.length; place++) {
                SearchHit hit = read.get(place);
                if (hit == null) {
                    long until = System.nanoTime() + patience;
                    while ((hit = read.get(place)) == null && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    if (hit == null) {
                        // Read anew, out of index order: by a reading of its own.
                        read.compareAndSet(place, null, new Reading().hit(place));
                        hit = read.get(place);
                    }
                }
                out.add(hit);
            }
            return out;
        }

        /** One thread's reading of hits: its reader of stored fields and its highlighter. Hits in index order. */
        private final class Reading {
            private final StoredFields fields = s.storedFields();
            // The page's entries are hits of the query: its parts a snippet never shows need not be matched in them.
            private final OffsetHighlighter.HitHighlighter highlighter = s.snippets.hitHighlighter(PassageSchema.TEXT, query,
                    SNIPPET_PASSAGES, sought);

            Reading() throws IOException {
            }

            /** The hit at {@code place} of the page, read and highlighted. */
            SearchHit hit(int place) throws IOException {
                ScoreDoc hit = page[place];
                Document d = fields.document(hit.doc, PassageSchema.HIT_FIELDS);
                return PassageSchema.toHit(d, hit.score, highlighter.highlight(hit.doc, d.get(PassageSchema.TEXT)));
            }
        }
    }

    /** The places of {@code page}'s hits, in index order of their entries (a place before a later one of the same entry). */
    private static int[] inIndexOrder(ScoreDoc[] page) {
        long[] keyed = new long[page.length];
        for (int i = 0; i < page.length; i++) {
            keyed[i] = (long) page[i].doc << 32 | i;
        }
        Arrays.sort(keyed);
        int[] places = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            places[i] = (int) keyed[i];
        }
        return places;
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

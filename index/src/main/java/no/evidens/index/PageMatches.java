package no.evidens.index;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query's matches in the hits of one highlighting call, found with Lucene's own {@code Weight.matches}, shared by
 * the fields highlighted together (the text and its compound parts) and made cheap where Lucene's highlighter
 * repeats work: the query is rewritten and its Weight built once per call, or once per segment for a query whose
 * rewriting reads the index ({@link RewriteReadsNoIndex}); each hit's matches are found once for both fields (Lucene
 * finds them once per field); and the segments are read through {@link PageTermsReader}, so that a term's postings
 * are read once for the page instead of once per hit and field, and a word the search's counting sought is found where
 * it found it ({@link SoughtTerms}). The matches, and so the highlights, are Lucene's.
 * One highlighting call, one thread; the hits come in document order.
 */
final class PageMatches {
    /** A segment as the highlighter reads it, and the query's Weight on it. */
    private record Prepared(LeafReaderContext segment, Weight weight) {
    }

    private final Query query;
    /** The snapshot whose segments are highlighted. */
    private final IndexReader top;
    /** The words the search sought in the snapshot's segments, or null. */
    private final SoughtTerms sought;
    private final Map<LeafReader, Prepared> perLeaf = new IdentityHashMap<>();
    private LeafReader lastLeaf;
    private int lastDoc = -1;
    private Matches last;

    /** @param sought the words the search has sought in {@code top}'s segments, with their states (null: none) */
    PageMatches(Query query, IndexReader top, SoughtTerms sought) {
        this.query = query;
        this.top = top;
        this.sought = sought;
    }

    /** The query's matches in document {@code doc} of segment {@code leaf} (a leaf of the snapshot), or null. */
    Matches matches(LeafReader leaf, int doc) throws IOException {
        if (leaf != lastLeaf || doc != lastDoc) {
            Prepared p = prepared(leaf);
            last = p.weight().matches(p.segment(), doc);
            lastLeaf = leaf;
            lastDoc = doc;
        }
        return last;
    }

    private Prepared prepared(LeafReader leaf) throws IOException {
        Prepared p = perLeaf.get(leaf);
        if (p == null) {
            if (perLeaf.isEmpty() && RewriteReadsNoIndex.test(query) && prepareAll()) {
                p = perLeaf.get(leaf);
            }
            if (p == null) {
                p = prepare(leaf);
                perLeaf.put(leaf, p);
            }
        }
        return p;
    }

    /**
     * One Weight for every segment of the snapshot (a query whose rewriting reads no index, so that rewriting it
     * once for all segments gives what rewriting it per segment gives); false when the snapshot has no segments.
     */
    private boolean prepareAll() throws IOException {
        List<LeafReaderContext> leaves = top.leaves();
        if (leaves.isEmpty()) {
            return false;
        }
        LeafReader[] page = new LeafReader[leaves.size()];
        for (int i = 0; i < page.length; i++) {
            page[i] = new PageTermsReader(leaves.get(i).reader(), soughtIn(leaves.get(i).ord));
        }
        MultiReader all = new MultiReader(page);
        Weight weight = weight(new IndexSearcher(all));
        for (LeafReaderContext leaf : all.leaves()) {
            perLeaf.put(leaves.get(leaf.ord).reader(), new Prepared(leaf, weight));
        }
        return true;
    }

    /** The words sought in segment {@code ord} of the snapshot, with their states. */
    private Map<Term, SoughtTerms.Found> soughtIn(int ord) {
        return sought == null ? Map.of() : sought.in(ord);
    }

    private Prepared prepare(LeafReader leaf) throws IOException {
        Map<Term, SoughtTerms.Found> known = Map.of();
        for (LeafReaderContext segment : top.leaves()) {
            if (segment.reader() == leaf) {
                known = soughtIn(segment.ord);
            }
        }
        LeafReader page = new PageTermsReader(leaf, known);
        return new Prepared(page.getContext(), weight(new IndexSearcher(page)));
    }

    private Weight weight(IndexSearcher searcher) throws IOException {
        searcher.setQueryCache(null);
        return searcher.rewrite(query).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
}

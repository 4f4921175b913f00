package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * The hits of a search, already counted as a bit set per segment ({@link TermSetHits}), made known to the page pass
 * of the same search on the same thread, so that the page of required words looks them up at those hits only ({@link
 * KnownHitsScorer}) instead of finding them again with a conjunction. A page pass on another thread or another snapshot finds none and works as before. Lucene has no way to
 * hand a weight what a search knows, hence a thread-local, set only around one search; the part of that search another
 * thread does ({@link SearchThreads}) is run with it ({@link #runWith}).
 */
final class KnownHits {
    private static final ThreadLocal<Map<LeafReader, FixedBitSet>> CURRENT = new ThreadLocal<>();
    /** The words the same search sought while counting its hits, or none. */
    private static final ThreadLocal<SoughtTerms> SOUGHT = new ThreadLocal<>();

    /** A search whose result does not depend on the hits being known. */
    interface Search<T> {
        T run() throws IOException;
    }

    private KnownHits() {
    }

    /**
     * Runs {@code search} with {@code hits} known: per segment of {@code leaves}, by its ord, every entry the search
     * can return (a superset of what it returns is fine; null: not known).
     */
    static <T> T during(List<LeafReaderContext> leaves, FixedBitSet[] hits, Search<T> search) throws IOException {
        return during(leaves, hits, null, search);
    }

    /**
     * As {@link #during(List, FixedBitSet[], Search)}, with the words the search sought while counting ({@code sought},
     * null: none) known too: the page's word weights are then made from their states ({@link #stated}).
     */
    static <T> T during(List<LeafReaderContext> leaves, FixedBitSet[] hits, SoughtTerms sought, Search<T> search)
            throws IOException {
        Map<LeafReader, FixedBitSet> known = new IdentityHashMap<>();
        for (LeafReaderContext leaf : leaves) {
            if (hits[leaf.ord] != null) {
                known.put(leaf.reader(), hits[leaf.ord]);
            }
        }
        CURRENT.set(known);
        SOUGHT.set(sought);
        try {
            return search.run();
        } finally {
            CURRENT.remove();
            SOUGHT.remove();
        }
    }

    /**
     * {@code q} (rewritten) with each word ({@link TermQuery}, also inside boosts and Boolean clauses) carrying its states
     * in {@code searcher}'s snapshot when the search on this thread sought it in every segment while counting: its weight
     * then takes them rather than seeking the word in every segment again ({@code TermQuery}'s own use of states it is
     * handed; the same statistics, so the same scores); a synonym query loses the forms no segment holds ({@link
     * #held}). Any other part, or a word not sought, is left as it is.
     */
    static Query stated(Query q, IndexSearcher searcher) {
        SoughtTerms sought = SOUGHT.get();
        return sought == null ? q : stated(q, sought, searcher.getTopReaderContext());
    }

    private static Query stated(Query q, SoughtTerms sought, IndexReaderContext top) {
        if (q instanceof TermQuery t) {
            TermStates states = t.getTermStates() == null ? sought.states(t.getTerm(), top) : null;
            return states == null ? q : new TermQuery(t.getTerm(), states);
        }
        if (q instanceof SynonymQuery s) {
            return held(s, sought, top);
        }
        if (q instanceof BoostQuery b) {
            Query in = stated(b.getQuery(), sought, top);
            return in == b.getQuery() ? q : new BoostQuery(in, b.getBoost());
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause c : b.clauses()) {
                Query in = stated(c.getQuery(), sought, top);
                changed |= in != c.getQuery();
                out.add(in, c.getOccur());
            }
            return changed ? out.build() : q;
        }
        return q;
    }

    /**
     * {@code s} without the forms no segment holds (as the counting found), when it has such forms and weighs every form
     * alike: a form absent from the index adds nothing to a synonym query's statistics (Lucene takes the largest
     * document frequency and the sum of the term frequencies of the forms it finds) nor to any entry's score, so the
     * scores stay the same while the absent forms are not sought again. With one form left, it is that word with its
     * states ({@code TermQuery}, as Lucene rewrites a synonym query of one term); with none, {@code s} itself.
     */
    private static Query held(SynonymQuery s, SoughtTerms sought, IndexReaderContext top) {
        List<Term> terms = s.getTerms();
        if (terms.isEmpty()) {
            return s;
        }
        String field = terms.get(0).field();
        SynonymQuery.Builder alike = new SynonymQuery.Builder(field);
        SynonymQuery.Builder heldOnly = new SynonymQuery.Builder(field);
        List<Term> held = new ArrayList<>(terms.size());
        for (Term t : terms) {
            alike.addTerm(t);
            Boolean in = sought.held(t, top);
            if (in == null || in) {
                heldOnly.addTerm(t);
                held.add(t);
            }
        }
        // Lucene keeps no per-form boost to read back; equal to a query of the same forms at weight 1: every form alike.
        if (held.size() == terms.size() || held.isEmpty() || !alike.build().equals(s)) {
            return s;
        }
        if (held.size() == 1) {
            TermStates states = sought.states(held.get(0), top);
            return states == null ? new TermQuery(held.get(0)) : new TermQuery(held.get(0), states);
        }
        return heldOnly.build();
    }

    /**
     * What the search on this thread knows (its hits and sought words, either possibly null), to be made known on another
     * thread that does part of the same search ({@link #runWith}).
     */
    record Known(Map<LeafReader, FixedBitSet> hits, SoughtTerms sought) {
    }

    /** What the search on this thread knows, or null when it knows nothing. */
    static Known current() {
        Map<LeafReader, FixedBitSet> hits = CURRENT.get();
        SoughtTerms sought = SOUGHT.get();
        return hits == null && sought == null ? null : new Known(hits, sought);
    }

    /**
     * Runs {@code part} of a search on this thread with what that search knows ({@code known}, from {@link #current()} on
     * the thread that runs the search; null: nothing), and then with what this thread knew before.
     */
    static void runWith(Known known, Runnable part) {
        Map<LeafReader, FixedBitSet> hitsBefore = CURRENT.get();
        SoughtTerms soughtBefore = SOUGHT.get();
        set(CURRENT, known == null ? null : known.hits());
        set(SOUGHT, known == null ? null : known.sought());
        try {
            part.run();
        } finally {
            set(CURRENT, hitsBefore);
            set(SOUGHT, soughtBefore);
        }
    }

    private static <T> void set(ThreadLocal<T> local, T value) {
        if (value == null) {
            local.remove();
        } else {
            local.set(value);
        }
    }

    /** The known hits in {@code segment}, or null. */
    static FixedBitSet in(LeafReader segment) {
        Map<LeafReader, FixedBitSet> known = CURRENT.get();
        return known == null ? null : known.get(segment);
    }
}

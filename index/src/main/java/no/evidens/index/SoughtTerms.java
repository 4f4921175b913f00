package no.evidens.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;

/**
 * The words one search has sought in each segment of its snapshot, with where the terms dictionary holds them. Counting
 * a search's hits seeks every word of the query in every segment ({@link TermSetHits}); making the page's weights and
 * highlighting its hits sought them all again, each seek a walk down the terms dictionary (a fifth of highlighting a
 * page; the page's weights gathered each word's statistics the same way). With what is noted here, the page's word
 * weights are handed their {@link TermStates} ({@link KnownHits#stated}) and the highlighter positions its terms enum by
 * state ({@link PageTermsReader}), as Lucene does with states it is handed. One search, one thread.
 */
final class SoughtTerms {
    /** Where a segment holds a word: its state in the terms dictionary and its statistics there. */
    record Found(TermState state, int docFreq, long totalTermFreq) {
    }

    /** The snapshot whose segments were searched. */
    private final IndexReaderContext top;
    /** Per segment ord, its words: where the segment holds each, or null when the segment's field does not hold it. */
    private final List<Map<Term, Found>> perSegment;

    SoughtTerms(IndexReaderContext top) {
        this.top = top;
        int segments = top.leaves().size();
        perSegment = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            perSegment.add(new HashMap<>());
        }
    }

    /** Notes where segment {@code ord} holds {@code term} (null: it does not hold it). */
    void put(int ord, Term term, Found found) {
        perSegment.get(ord).put(term, found);
    }

    /** The words sought in segment {@code ord}: where it holds each, or null for one it does not hold. */
    Map<Term, Found> in(int ord) {
        return ord < perSegment.size() ? perSegment.get(ord) : Map.of();
    }

    /**
     * Whether some segment of {@code context} holds {@code term}, when it was sought in every segment of that snapshot;
     * else null (not known).
     */
    Boolean held(Term term, IndexReaderContext context) {
        if (context != top) {
            return null;
        }
        boolean held = false;
        for (Map<Term, Found> words : perSegment) {
            if (!words.containsKey(term)) {
                return null;
            }
            held |= words.get(term) != null;
        }
        return held;
    }

    /**
     * The states of {@code term} in every segment of {@code context}, as {@code TermStates.build} gathers them, when the
     * term was sought in each segment of that snapshot; else null.
     */
    TermStates states(Term term, IndexReaderContext context) {
        if (context != top) {
            return null;
        }
        TermStates out = new TermStates(context);
        for (int ord = 0; ord < perSegment.size(); ord++) {
            Map<Term, Found> words = perSegment.get(ord);
            if (!words.containsKey(term)) {
                // Not sought here (its field is not in this segment, or the search did not count this word).
                return null;
            }
            Found f = words.get(term);
            if (f != null) {
                out.register(f.state(), ord, f.docFreq(), f.totalTermFreq());
            }
        }
        return out;
    }
}

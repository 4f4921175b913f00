package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The words of a {@link PriorQuery} that are a plain disjunction (optional clauses only, e.g. a word in the text, its
 * compound parts and its heading), scored at chosen entries one clause at a time, as Lucene's top-level {@code
 * MaxScoreBulkScorer} scores a hit: the clauses with the highest block maxima first, stopping as soon as the clauses
 * still to score cannot lift the entry to the page's lowest score: one word of required words ({@link ConjunctionAt}),
 * at the hits a search already counted. A whole-disjunction scorer would advance and score every clause at each of
 * them, though most are found short of the page by the first clause.
 * <p>
 * A score it gives is the clause scores summed in a double and cast to float, as Lucene's disjunction scorers sum
 * them: the same float (the sums are exact, see {@link PriorBulkScorer}).
 */
final class DisjunctionAt implements WordsAt {
    private final Scorer[] clauses;
    private final DocIdSetIterator[] approximations;
    private final TwoPhaseIterator[] twoPhases;
    private final int[] blockEnds;
    private final float[] blockMaxima;
    private final int[] order;
    /**
     * Per position {@code k} of {@link #order}, the sum of the block maxima of the clauses after it ({@link
     * WordsAt#rest} from {@code k + 1}), made with the order: the same doubles, not summed again for every entry.
     */
    private final double[] rests;
    /** The smallest block end of the clauses, after {@link #maxScore}. */
    private int blockEnd;
    /** Whether {@link #order} is the order of the current block maxima (they change only in {@link #maxScore}). */
    private boolean ordered;

    private DisjunctionAt(List<Scorer> scorers) {
        int n = scorers.size();
        clauses = scorers.toArray(new Scorer[0]);
        approximations = new DocIdSetIterator[n];
        twoPhases = new TwoPhaseIterator[n];
        blockEnds = new int[n];
        blockMaxima = new float[n];
        order = new int[n];
        rests = new double[n];
        for (int i = 0; i < n; i++) {
            twoPhases[i] = clauses[i].twoPhaseIterator();
            approximations[i] = twoPhases[i] == null ? clauses[i].iterator() : twoPhases[i].approximation();
            blockEnds[i] = -1;
        }
    }

    /** The clauses' scorers in {@code context}, or null when none of them matches there. */
    static DisjunctionAt open(List<Weight> clauses, LeafReaderContext context) throws IOException {
        List<Scorer> scorers = new ArrayList<>(clauses.size());
        for (Weight w : clauses) {
            Scorer s = w.scorer(context);
            if (s != null) {
                scorers.add(s);
            }
        }
        return scorers.isEmpty() ? null : new DisjunctionAt(scorers);
    }

    /** The sum of the clauses' block maxima. */
    @Override
    public float maxScore(int doc) throws IOException {
        double sum = 0;
        int end = DocIdSetIterator.NO_MORE_DOCS;
        for (int i = 0; i < clauses.length; i++) {
            if (doc > blockEnds[i]) {
                blockEnds[i] = clauses[i].advanceShallow(doc);
                blockMaxima[i] = clauses[i].getMaxScore(blockEnds[i]);
                ordered = false;
            }
            sum += blockMaxima[i];
            end = Math.min(end, blockEnds[i]);
        }
        blockEnd = end;
        return (float) sum;
    }

    @Override
    public int blockEnd() {
        return blockEnd;
    }

    /** Scores the clauses with the highest block maxima first, stopping once the rest cannot lift it to the page. */
    @Override
    public float score(int doc, float bonus, float minScore) throws IOException {
        // One word alone: no words scored before it or still to come; (float) (0 + f + 0) is f, so the same floats.
        return sum(doc, 0, 0, bonus, minScore);
    }

    /**
     * The words' whole score at {@code doc} (every clause that matches it, no bound looked at), or {@link #NONE} when
     * none matches: one required word's part of a {@link ConjunctionAt}'s score.
     */
    float sum(int doc) throws IOException {
        double sum = 0;
        boolean matched = false;
        for (int i = 0; i < clauses.length; i++) {
            if (matches(i, doc)) {
                sum += clauses[i].score();
                matched = true;
            }
        }
        return matched ? (float) sum : NONE;
    }

    /**
     * As {@link #sum}, the same float, but looking at the clauses with the highest block maxima first (after {@link
     * #maxScore} for {@code doc}) and giving up, with {@link #NONE}, as soon as the entry is sure to stay below {@code
     * minScore} as one word of required words: {@code before} is the sum of the words scored before this one, {@code
     * after} the sum of the block maxima of the words still to come, {@code bonus} the entry's bonus. Most hits of two
     * common words are short of the page after this word's first clause, so its other clauses are not looked up there.
     */
    float sum(int doc, double before, double after, float bonus, float minScore) throws IOException {
        int n = clauses.length;
        if (!ordered) {
            WordsAt.highestFirst(blockMaxima, order, n);
            for (int k = 0; k < n; k++) {
                rests[k] = WordsAt.rest(blockMaxima, order, k + 1, n);
            }
            ordered = true;
        }
        double sum = 0;
        boolean matched = false;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (matches(i, doc)) {
                sum += clauses[i].score();
                matched = true;
            }
            if (minScore <= 0) {
                continue; // no bound yet: nothing to stop for
            }
            double rest = rests[k];
            // This word's score is at most (float) (sum + rest), float rounding being monotonic; the whole entry's at
            // most that summed with the others' as the conjunction sums them, plus the bonus as the page adds it.
            if ((float) (before + (float) (sum + rest) + after) + bonus < minScore) {
                return NONE;
            }
        }
        return matched ? (float) sum : NONE;
    }

    private boolean matches(int i, int doc) throws IOException {
        DocIdSetIterator it = approximations[i];
        int at = it.docID() < doc ? it.advance(doc) : it.docID();
        return at == doc && (twoPhases[i] == null || twoPhases[i].matches());
    }
}

package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Weight;

/**
 * Required words (a query of two or more words, all required), each a word in its fields ({@link DisjunctionAt}),
 * scored at chosen entries as Lucene's conjunction scores a hit: each word's score a float, the words' scores summed
 * in a double and cast to float. Lucene's conjunction finds its hits by advancing every word to the next entry all of
 * them hold; a search that has counted its hits already knows them ({@link KnownHitsScorer}), so only the hits are
 * looked up here, and a block of entries whose words' block maxima cannot reach the page is passed over.
 */
final class ConjunctionAt implements WordsAt {
    private final DisjunctionAt[] words;
    private final float[] maxima;
    private final int[] order;
    private int blockEnd;

    private ConjunctionAt(List<DisjunctionAt> words) {
        this.words = words.toArray(new DisjunctionAt[0]);
        this.maxima = new float[this.words.length];
        this.order = new int[this.words.length];
    }

    /**
     * The words' scorers in {@code context} ({@code words}: per required word, the weights of its fields), or null when
     * a word matches nothing there (then no entry of the segment is a hit).
     */
    static ConjunctionAt open(List<List<Weight>> words, LeafReaderContext context) throws IOException {
        List<DisjunctionAt> out = new ArrayList<>(words.size());
        for (List<Weight> word : words) {
            DisjunctionAt d = DisjunctionAt.open(word, context);
            if (d == null) {
                return null;
            }
            out.add(d);
        }
        return new ConjunctionAt(out);
    }

    /** The sum of the words' block maxima (each a float, as each word's score is). */
    @Override
    public float maxScore(int doc) throws IOException {
        double sum = 0;
        int end = DocIdSetIterator.NO_MORE_DOCS;
        for (int i = 0; i < words.length; i++) {
            maxima[i] = words[i].maxScore(doc);
            sum += maxima[i];
            end = Math.min(end, words[i].blockEnd());
        }
        blockEnd = end;
        return (float) sum;
    }

    @Override
    public int blockEnd() {
        return blockEnd;
    }

    /** Scores the words with the highest block maxima first, stopping once the rest cannot lift it to the page. */
    @Override
    public float score(int doc, float bonus, float minScore) throws IOException {
        int n = words.length;
        WordsAt.highestFirst(maxima, order, n);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            float word;
            if (minScore > 0) {
                double after = WordsAt.rest(maxima, order, k + 1, n);
                // Clause by clause: a hit short of the page is left after the clauses that show it.
                word = words[order[k]].sum(doc, sum, after, bonus, minScore);
            } else {
                word = words[order[k]].sum(doc);
            }
            if (word == NONE) {
                return NONE;
            }
            sum += word;
            if (WordsAt.belowPage(sum, maxima, order, k + 1, n, bonus, minScore)) {
                return NONE;
            }
        }
        return (float) sum;
    }
}

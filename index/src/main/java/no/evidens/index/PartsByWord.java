package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The parts field's own steps ({@link NorwegianAnalysis#parts} and the stems) for a word are the same every time the
 * word comes: the word's stem at its place, then the stems of its law subject and compound parts at the same place,
 * with its offsets and type. So each word is run through those steps once per analysis chain, alone, and its
 * tokens are replayed from then on (profiling showed the steps at about 6% of indexing), kept packed in a
 * {@link WordTerms}. The steps always give at least the word's own stem. {@code TextAndPartsAnalyzerTest} compares
 * every token with the field's own chain. Not shared between threads.
 */
final class PartsByWord extends TokenFilter {
    /** Words remembered at most: enough for a large archive's vocabulary, a few MB. */
    private static final int MAX_CACHED = 100_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    {
        // The stem filter of the field's own chain adds it (never set in these chains): the same attributes either way.
        addAttribute(KeywordAttribute.class);
    }

    /** Each word seen and its terms, packed ({@link WordTerms}: a look-up reads one place). */
    private final WordTerms tokens = new WordTerms(MAX_CACHED);
    private final OneWordSteps steps = new OneWordSteps(w -> NorwegianAnalysis.stems(NorwegianAnalysis.parts(w)));
    /** The word's terms still to give, from the pool: where the next one's length stands, and how many are left. */
    private char[] pool;
    private int next;
    private int left;
    /** The terms still to give of a word that the table had no room for. */
    private char[][] pending;
    private int nextPending;

    PartsByWord(TokenStream words) {
        super(words);
    }

    @Override
    public boolean incrementToken() throws IOException {
        // The word's other attributes (offsets, type, length) are still those of its first token: nothing changes
        // them between calls, so only the term and the increment are set (a captured and restored state, as before,
        // was a copy of every attribute per token).
        if (left > 0) {
            next = give(pool, next);
            left--;
            increment.setPositionIncrement(0);
            return true;
        }
        if (pending != null && nextPending < pending.length) {
            term.copyBuffer(pending[nextPending], 0, pending[nextPending].length);
            nextPending++;
            increment.setPositionIncrement(0);
            return true;
        }
        pending = null;
        if (!input.incrementToken()) {
            return false;
        }
        int start = tokens.find(term.buffer(), term.length());
        if (start < 0) {
            char[][] made = steps.terms(term.toString());
            start = tokens.add(term.buffer(), term.length(), made);
            if (start < 0) {
                term.copyBuffer(made[0], 0, made[0].length);
                pending = made;
                nextPending = 1;
                return true;
            }
        }
        pool = tokens.pool();
        int at = WordTerms.termsAt(pool, start);
        left = pool[at] - 1;
        next = give(pool, at + 1);
        return true;
    }

    /** Sets the term to the one whose length stands at {@code at}, and returns where the next one's stands. */
    private int give(char[] from, int at) {
        int length = from[at];
        term.copyBuffer(from, at + 1, length);
        return at + 1 + length;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        left = 0;
        pending = null;
    }
}

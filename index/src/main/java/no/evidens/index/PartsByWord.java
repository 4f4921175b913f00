package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The parts field's own steps ({@link NorwegianAnalysis#parts} and the stems) for a word are the same every time the
 * word comes: the word's stem at its place, then the stems of its law subject and compound parts at the same place,
 * with its offsets and type. So each word is run through those steps once per analysis chain, alone, and its
 * tokens are replayed from then on (profiling showed the steps at about 6% of indexing). {@code TextAndPartsAnalyzerTest}
 * compares every token with the field's own chain. Not shared between threads.
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

    private final CharArrayMap<char[][]> tokens = new CharArrayMap<>(1024, false);
    private final OneWord word = new OneWord();
    private final TokenStream steps = NorwegianAnalysis.stems(NorwegianAnalysis.parts(word));
    private final CharTermAttribute stepsTerm = steps.addAttribute(CharTermAttribute.class);
    private char[][] pending;
    private int next;

    PartsByWord(TokenStream words) {
        super(words);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null && next < pending.length) {
            // The word's other attributes (offsets, type, length) are still those of its first token: nothing
            // changes them between calls, so only the term and the increment are set (a captured and restored
            // state, as before, was a copy of every attribute per token).
            term.copyBuffer(pending[next], 0, pending[next].length);
            increment.setPositionIncrement(0);
            next++;
            return true;
        }
        pending = null;
        if (!input.incrementToken()) {
            return false;
        }
        char[][] made = tokens.get(term.buffer(), 0, term.length());
        if (made == null) {
            made = run(term.toString());
            if (tokens.size() < MAX_CACHED) {
                tokens.put(term.toString(), made);
            }
        }
        term.copyBuffer(made[0], 0, made[0].length);
        if (made.length > 1) {
            pending = made;
            next = 1;
        }
        return true;
    }

    /** The terms the steps make of one word, in their order (the first is the word's own stem). */
    private char[][] run(String w) {
        List<char[]> out = new ArrayList<>(2);
        try {
            word.set(w);
            steps.reset();
            while (steps.incrementToken()) {
                out.add(java.util.Arrays.copyOf(stepsTerm.buffer(), stepsTerm.length()));
            }
            steps.end();
            steps.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArray(new char[0][]);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }

    /** One word as a token stream of its own. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private String value;
        private boolean done;

        void set(String w) {
            value = w;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(value);
            offset.setOffset(0, value.length());
            done = true;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
        }
    }
}

package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * What the index's steps after the tokenizer make of one token, remembered per token as the tokenizer gives it:
 * lower case, folding, stop words, a law's subject, a compound's parts and the stems ({@link NorwegianAnalysis}) each
 * look at the one token alone, so a token that comes again gives the same terms. The first term is the word's own
 * stem (what the {@code text} field indexes), the others its parts' stems (indexed at its place in {@code parts});
 * a stop word gives {@link #STOP}. Lucene's filters remember nothing between tokens (nor does its stemmer), and a
 * report repeats its words, so each token is run through them once per analysis thread, alone. Bounded, one per
 * analysis thread, never shared.
 */
final class TokenSteps {
    /** What a stop word gives: no term. */
    static final char[][] STOP = new char[0][];
    /** Tokens remembered at most: enough for a large archive's vocabulary in its spellings, a few MB. */
    private static final int MAX_CACHED = 100_000;

    private final CharArrayMap<char[][]> made = new CharArrayMap<>(4096, false);
    private final OneToken token = new OneToken();
    private final TokenStream steps = NorwegianAnalysis.stems(NorwegianAnalysis.parts(NorwegianAnalysis.words(token)));
    private final CharTermAttribute stepsTerm = steps.addAttribute(CharTermAttribute.class);

    /** The terms the steps make of the token in {@code buffer[0, length)}: its stem first, or {@link #STOP}. */
    char[][] of(char[] buffer, int length) {
        char[][] terms = made.get(buffer, 0, length);
        if (terms == null) {
            String t = new String(buffer, 0, length);
            terms = run(t);
            if (made.size() < MAX_CACHED) {
                made.put(t, terms);
            }
        }
        return terms;
    }

    private char[][] run(String t) {
        List<char[]> out = new ArrayList<>(2);
        try {
            token.set(t);
            steps.reset();
            while (steps.incrementToken()) {
                out.add(Arrays.copyOf(stepsTerm.buffer(), stepsTerm.length()));
            }
            steps.end();
            steps.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.isEmpty() ? STOP : out.toArray(new char[0][]);
    }

    /** One token as a token stream of its own. */
    private static final class OneToken extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private String value;
        private boolean done;

        void set(String t) {
            value = t;
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

package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Some of an analysis chain's steps run on one word alone: the terms they make of it, for the filters that remember
 * each word's terms ({@link PartsByWord}). Not shared between threads.
 */
final class OneWordSteps {
    private final OneWord word = new OneWord();
    private final TokenStream steps;
    private final CharTermAttribute stepsTerm;

    /** @param steps the steps, made on the stream of one word they are given */
    OneWordSteps(UnaryOperator<TokenStream> steps) {
        this.steps = steps.apply(word);
        this.stepsTerm = this.steps.addAttribute(CharTermAttribute.class);
    }

    /** The terms the steps make of one word, in their order (none when they drop it). */
    char[][] terms(String w) {
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

package no.evidens.index;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The words of the last value one analysis thread indexed in the {@code text} field, as the shared steps left
 * them (each word's terms as {@link TokenSteps} remembers them, offsets, position increment and length, type, and the
 * final offset and increment), so that the {@code parts} field of the same text replays them
 * ({@link TextAndPartsAnalyzer}). Kept in plain arrays, reused from value to value: no object per word. One per
 * thread, never shared; it also holds the thread's {@link TokenSteps}.
 */
final class SharedWords {
    /** A value of more words than this is not recorded (its parts run the steps themselves): bounds the arrays. */
    static final int MAX_WORDS = 1 << 16;

    /** What the thread's chains make of each token, shared by its text, parts and other fields. */
    final TokenSteps steps = new TokenSteps();
    private String text;
    private boolean complete;
    private int words;
    /** Per word: its terms (the same arrays {@link TokenSteps} remembers, not copies). */
    private char[][][] terms = new char[256][][];
    /** Per word: start and end offset, position increment and length. */
    private int[] ints = new int[4 * 256];
    private String[] types = new String[256];
    private int finalOffset;
    private int finalIncrement;

    /** A new value is being analysed in the text field: forget the last one. */
    void analysing(String value) {
        text = value;
        complete = false;
        words = 0;
    }

    /** The filter that records what {@code words} gives, in the text field's chain. */
    TokenFilter recorder(StepsByToken words) {
        return new Recorder(words);
    }

    /** The filter that replays the record for the same text, or else passes on what {@code words} gives. */
    Replay replay(StepsByToken words) {
        return new Replay(words);
    }

    private final class Recorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final StepsByToken source;
        private boolean recording;

        Recorder(StepsByToken input) {
            super(input);
            source = input;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            complete = false;
            words = 0;
            recording = text != null;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (recording) {
                if (words == MAX_WORDS) {
                    recording = false;
                } else {
                    add();
                }
            }
            return true;
        }

        private void add() {
            if (words == terms.length) {
                terms = Arrays.copyOf(terms, 2 * words);
                ints = Arrays.copyOf(ints, 4 * 2 * words);
                types = Arrays.copyOf(types, 2 * words);
            }
            terms[words] = source.terms();
            int k = 4 * words;
            ints[k] = offset.startOffset();
            ints[k + 1] = offset.endOffset();
            ints[k + 2] = increment.getPositionIncrement();
            ints[k + 3] = length.getPositionLength();
            types[words++] = type.type();
        }

        @Override
        public void end() throws IOException {
            super.end();
            if (recording) {
                finalOffset = offset.endOffset();
                finalIncrement = increment.getPositionIncrement();
                complete = true;
            }
        }
    }

    /** The parts field's source of words: the record when it holds this text, else its own chain. */
    final class Replay extends TokenFilter implements WordTerms {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final StepsByToken source;
        private boolean replaying;
        private int next;

        Replay(StepsByToken input) {
            super(input);
            source = input;
        }

        /** The value about to be analysed: replayed when the text field just recorded the same. */
        void prepare(String value) {
            replaying = complete && value.equals(text);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!replaying) {
                return input.incrementToken();
            }
            if (next == words) {
                return false;
            }
            clearAttributes();
            char[] stem = terms[next][0];
            term.copyBuffer(stem, 0, stem.length);
            int k = 4 * next;
            offset.setOffset(ints[k], ints[k + 1]);
            increment.setPositionIncrement(ints[k + 2]);
            length.setPositionLength(ints[k + 3]);
            type.setType(types[next]);
            next++;
            return true;
        }

        @Override
        public char[][] terms() {
            return replaying ? terms[next - 1] : source.terms();
        }

        @Override
        public void end() throws IOException {
            if (!replaying) {
                super.end();
                return;
            }
            endAttributes();
            offset.setOffset(finalOffset, finalOffset);
            increment.setPositionIncrement(finalIncrement);
        }
    }
}

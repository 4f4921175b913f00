package no.evidens.index;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The words of the last value one analysis thread indexed in the {@code text} field, as the shared first steps
 * left them (term, offsets, position increment and length, type, and the final offset and increment), so
 * that the {@code parts} field of the same text replays them ({@link TextAndPartsAnalyzer}). Kept in plain
 * arrays, reused from value to value: no object per word. One per thread, never shared.
 */
final class SharedWords {
    /** A value of more words than this is not recorded (its parts run the steps themselves): bounds the arrays. */
    static final int MAX_WORDS = 1 << 16;

    private String text;
    private boolean complete;
    private int words;
    private char[] chars = new char[4096];
    private int charCount;
    /** Per word: end of its term in {@code chars}, start and end offset, position increment and length. */
    private int[] ints = new int[5 * 256];
    private String[] types = new String[256];
    private int finalOffset;
    private int finalIncrement;

    /** A new value is being analysed in the text field: forget the last one. */
    void analysing(String value) {
        text = value;
        complete = false;
        words = 0;
        charCount = 0;
    }

    /** The filter that records what {@code words} gives, in the text field's chain. */
    TokenFilter recorder(TokenStream words) {
        return new Recorder(words);
    }

    /** The filter that replays the record for the same text, or else passes on what {@code words} gives. */
    Replay replay(TokenStream words) {
        return new Replay(words);
    }

    private final class Recorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private boolean recording;

        Recorder(TokenStream input) {
            super(input);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            complete = false;
            words = 0;
            charCount = 0;
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
            int n = term.length();
            if (charCount + n > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(2 * chars.length, charCount + n));
            }
            System.arraycopy(term.buffer(), 0, chars, charCount, n);
            charCount += n;
            if (5 * words + 5 > ints.length) {
                ints = Arrays.copyOf(ints, 2 * ints.length);
                types = Arrays.copyOf(types, 2 * types.length);
            }
            int k = 5 * words;
            ints[k] = charCount;
            ints[k + 1] = offset.startOffset();
            ints[k + 2] = offset.endOffset();
            ints[k + 3] = increment.getPositionIncrement();
            ints[k + 4] = length.getPositionLength();
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
    final class Replay extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private boolean replaying;
        private int next;

        Replay(TokenStream input) {
            super(input);
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
            int k = 5 * next;
            int from = next == 0 ? 0 : ints[k - 5];
            term.copyBuffer(chars, from, ints[k] - from);
            offset.setOffset(ints[k + 1], ints[k + 2]);
            increment.setPositionIncrement(ints[k + 3]);
            length.setPositionLength(ints[k + 4]);
            type.setType(types[next]);
            next++;
            return true;
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

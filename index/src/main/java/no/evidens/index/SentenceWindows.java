package no.evidens.index;

import java.text.BreakIterator;
import java.text.CharacterIterator;

/**
 * Sentence breaks for snippets, with a window round the match where a sentence is too long to show whole: a list, a
 * table's text or a form without full stops can make one "sentence" of a whole passage (up to 800 characters), and a
 * snippet of all of it hides the match. Lucene's highlighter asks for the break before and after the middle of a match
 * ({@link #preceding}, {@link #following}); where the sentence's edge on that side lies more than {@link #HALF}
 * characters away and the sentence is longer than {@link #LONG}, the break is put at a space about {@link #HALF}
 * characters from the match instead. Ordinary sentences keep their breaks exactly. Lucene's own
 * {@code LengthGoalBreakIterator} only skips its wrapped iterator's breaks, never adds one, hence this class.
 */
final class SentenceWindows extends BreakIterator {
    /** A sentence up to this long is always a fragment whole. */
    static final int LONG = 400;
    /** How far from the middle of a match a window reaches on each side (to the next space). */
    static final int HALF = 160;
    /** How far past {@link #HALF} a space is looked for before a word is cut. */
    private static final int SLACK = 30;

    private final BreakIterator sentences;
    private String text = "";
    private int current;

    SentenceWindows(BreakIterator sentences) {
        this.sentences = sentences;
    }

    @Override
    public int following(int offset) {
        int end = sentences.following(offset);
        if (end - offset > HALF && end - sentenceStart(offset) > LONG) {
            end = spaceAfter(offset + HALF, end);
        }
        return current = end;
    }

    @Override
    public int preceding(int offset) {
        int start = sentences.preceding(offset);
        if (offset - start > HALF && sentenceEnd(offset) - start > LONG) {
            start = spaceBefore(offset - HALF, start);
        }
        return current = start;
    }

    /** The start of the sentence holding {@code offset}. */
    private int sentenceStart(int offset) {
        return offset >= text.length() ? sentences.last() : sentences.isBoundary(offset) ? offset : sentences.preceding(offset);
    }

    /** The end of the sentence holding {@code offset}. */
    private int sentenceEnd(int offset) {
        return offset >= text.length() ? text.length() : sentences.following(offset);
    }

    /** The first space at or after {@code from} (before {@code limit}), else {@code from} itself. */
    private int spaceAfter(int from, int limit) {
        for (int i = from; i < Math.min(limit, from + SLACK); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Math.min(from, limit);
    }

    /** Just after the last space at or before {@code from} (after {@code limit}), else {@code from} itself. */
    private int spaceBefore(int from, int limit) {
        for (int i = from; i > Math.max(limit, from - SLACK); i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return Math.max(from, limit);
    }

    @Override
    public int first() {
        return current = sentences.first();
    }

    @Override
    public int last() {
        return current = sentences.last();
    }

    @Override
    public int next(int n) {
        int at = current;
        for (int i = 0; i < n && at != DONE; i++) {
            at = next();
        }
        return at;
    }

    @Override
    public int next() {
        return current < 0 || current >= text.length() ? (current = DONE) : following(current);
    }

    @Override
    public int previous() {
        return current <= 0 ? (current = DONE) : preceding(current);
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return sentences.getText();
    }

    @Override
    public void setText(String newText) {
        text = newText;
        sentences.setText(newText);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder b = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            b.append(c);
        }
        setText(b.toString());
    }
}

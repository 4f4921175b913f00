package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The parts field's own terms of each word: after the word's stem (as its input gives it), the stems of its law
 * subject and compound parts at the same place, with its offsets and type, all as {@link TokenSteps} remembers them
 * for the word. {@code TextAndPartsAnalyzerTest} compares every token with the field's own chain. Not shared between
 * threads.
 */
final class PartsByWord extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final WordTerms words;
    private char[][] pending;
    private int next;

    /** @param words the input, which knows each word's terms */
    <T extends TokenStream & WordTerms> PartsByWord(T words) {
        super(words);
        this.words = words;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null && next < pending.length) {
            // The word's other attributes (offsets, type, length) are still those of its first token: nothing
            // changes them between calls, so only the term and the increment are set.
            term.copyBuffer(pending[next], 0, pending[next].length);
            increment.setPositionIncrement(0);
            next++;
            return true;
        }
        pending = null;
        if (!input.incrementToken()) {
            return false;
        }
        char[][] made = words.terms();
        if (made.length > 1) {
            pending = made;
            next = 1;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}

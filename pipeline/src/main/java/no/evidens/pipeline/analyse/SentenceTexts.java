package no.evidens.pipeline.analyse;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import no.evidens.models.TaggedSpan;

/**
 * The sentences' texts as the name finder and the rules after it read them ({@code List<String>}), each cut from the
 * document's text when asked and let go when read. A list of them all made at once was a second copy of the text
 * (with a String's own bytes for each of hundreds of thousands of sentences) held while a huge text's names were found:
 * the finder reads each sentence once, the rules after it some ten times, each a short cut.
 */
final class SentenceTexts extends AbstractList<String> implements RandomAccess {
    private final String text;
    private final List<TaggedSpan> sentences;

    SentenceTexts(String text, List<TaggedSpan> sentences) {
        this.text = text;
        this.sentences = sentences;
    }

    @Override
    public String get(int index) {
        return sentences.get(index).cut(text);
    }

    @Override
    public int size() {
        return sentences.size();
    }
}

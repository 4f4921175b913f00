package no.evidens.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * OpenNLP's tokenizer with its answer remembered per word. {@code TokenizerME} cuts the text at white space
 * and then asks its model, at each inner position of each such word, whether to split there; the question
 * depends on the word alone (its characters and the position), never on the words around it. So a word's
 * splits are worked out once and reused for every later occurrence of the same word: the same spans as
 * {@code TokenizerME.tokenizePos} over the whole sentence, with the model asked once per distinct word (a
 * text repeats most of its words). One instance per thread, like the tokenizer it wraps.
 */
final class WordSplits {
    /** Words remembered before the memory is cleared (a few MB at most per thread). */
    static final int MAX_WORDS = 50_000;

    private final TokenizerME tokenizer;
    /** A word's tokens as offsets into the word: start and end of each, in order. */
    private final Map<String, int[]> splits = new HashMap<>();

    WordSplits(TokenizerME tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The tokens of {@code sentence}, as {@code TokenizerME.tokenizePos} gives them. */
    Span[] tokenizePos(String sentence) {
        // TokenizerME sets the shared white-space tokenizer the same way before each use (new lines as space).
        WhitespaceTokenizer words = WhitespaceTokenizer.INSTANCE;
        words.setKeepNewLines(false);
        Span[] spans = words.tokenizePos(sentence);
        List<Span> out = new ArrayList<>(spans.length + spans.length / 4);
        for (Span s : spans) {
            if (s.length() < 2) {
                out.add(s); // the tokenizer never splits a single character
                continue;
            }
            int base = s.getStart();
            int[] parts = partsOf(sentence.substring(base, s.getEnd()));
            for (int i = 0; i < parts.length; i += 2) {
                out.add(new Span(base + parts[i], base + parts[i + 1]));
            }
        }
        return out.toArray(new Span[0]);
    }

    /** The tokenizer's spans of one word, relative to it: start and end of each, in order. */
    private int[] partsOf(String word) {
        int[] parts = splits.get(word);
        if (parts == null) {
            // The word alone holds no white space, so the tokenizer sees it as the one span it was in the sentence,
            // and all it does with that span depends on the word's characters only.
            Span[] spans = tokenizer.tokenizePos(word);
            parts = new int[spans.length * 2];
            for (int i = 0; i < spans.length; i++) {
                parts[2 * i] = spans[i].getStart();
                parts[2 * i + 1] = spans[i].getEnd();
            }
            if (splits.size() >= MAX_WORDS) {
                splits.clear();
            }
            splits.put(word, parts);
        }
        return parts;
    }
}

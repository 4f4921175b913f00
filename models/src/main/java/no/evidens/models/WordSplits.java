package no.evidens.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
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

    /**
     * The alphanumeric pattern of the bundled token model: with it and the model's alphanumeric optimisation,
     * {@code TokenizerME} keeps a word of letters and decimal digits only whole without asking its model.
     */
    static final String LETTERS_AND_DIGITS = "^[\\p{L}\\p{Nd}]+$";

    private final TokenizerME tokenizer;
    /** Whether a word of letters and digits only is known to stay whole ({@link #LETTERS_AND_DIGITS}). */
    private final boolean wholeLettersAndDigits;
    /** A word's tokens as offsets into the word: start and end of each, in order. */
    private final Map<String, int[]> splits = new HashMap<>();

    /** As {@code tokenizer} splits words; every word is remembered, none known to stay whole beforehand. */
    WordSplits(TokenizerME tokenizer) {
        this(tokenizer, null);
    }

    /**
     * As {@code tokenizer} splits words, {@code alphanumeric} being the alphanumeric pattern of its model's factory
     * when the model's alphanumeric optimisation is on (else null). When it is {@link #LETTERS_AND_DIGITS}, a word of
     * letters and digits only is kept whole here without a look-up: most words of a text are such words, and the
     * look-up of each in the memory (a fresh string hashed, a map of tens of thousands probed) was half of this
     * stage's samples (flight recording of {@code bench tagging}, round 57). The test is a loop over the word's code
     * points rather than the pattern's matcher, as that pattern tests them ({@code \p{L}}: {@link Character#isLetter},
     * {@code \p{Nd}}: {@link Character#isDigit}); any other pattern leaves every word to the memory.
     */
    WordSplits(TokenizerME tokenizer, Pattern alphanumeric) {
        this.tokenizer = tokenizer;
        this.wholeLettersAndDigits = alphanumeric != null && LETTERS_AND_DIGITS.equals(alphanumeric.pattern())
                && alphanumeric.flags() == 0 && tokenizer.useAlphaNumericOptimization();
    }

    /** The splitter for {@code model}'s tokenizer, knowing which words its model keeps whole unasked. */
    static WordSplits of(TokenizerModel model) {
        TokenizerME tokenizer = new TokenizerME(model);
        TokenizerFactory factory = model.getFactory();
        return new WordSplits(tokenizer, factory.isUseAlphaNumericOptimization() ? factory.getAlphaNumericPattern() : null);
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
            if (wholeLettersAndDigits && lettersAndDigits(sentence, base, s.getEnd())) {
                out.add(s); // TokenizerME keeps it whole: its alphanumeric optimisation
                continue;
            }
            int[] parts = partsOf(sentence.substring(base, s.getEnd()));
            for (int i = 0; i < parts.length; i += 2) {
                out.add(new Span(base + parts[i], base + parts[i + 1]));
            }
        }
        return out.toArray(new Span[0]);
    }

    /** Whether {@code text[from, to)} holds letters and decimal digits only (code points, as a regular expression reads them). */
    static boolean lettersAndDigits(String text, int from, int to) {
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            if (!Character.isLetter(c) && !Character.isDigit(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
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

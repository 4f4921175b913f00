package no.evidens.index;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The first steps of the index's text chains ({@link NorwegianAnalysis#words}: lower case, folding, stop words) for
 * each form a word is written in are the same every time the form comes: the folded word, or nothing for a stop
 * word. So each form is run through those steps once per chain, alone, and the word is taken from a
 * {@link WordTerms} from then on (profiling showed the three filters and the stop words' look-up at about 7% of the
 * indexing threads' time). Lucene's {@code FilteringTokenFilter} moves the positions of the words after a stop word,
 * as the stop filter does. {@code TextAndPartsAnalyzerTest} compares every token with the chains' own filters. Not
 * shared between threads.
 */
final class WordsByForm extends FilteringTokenFilter {
    /** Forms remembered at most; a form seen after that runs the steps alone each time. */
    private static final int MAX_CACHED = 100_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final WordTerms forms = new WordTerms(MAX_CACHED);
    private final OneWordSteps steps = new OneWordSteps(NorwegianAnalysis::words);

    WordsByForm(TokenStream source) {
        super(source);
    }

    @Override
    protected boolean accept() {
        int start = forms.find(term.buffer(), term.length());
        if (start < 0) {
            char[][] made = steps.terms(term.toString());
            start = forms.add(term.buffer(), term.length(), made);
            if (start < 0) {
                if (made.length == 0) {
                    return false;
                }
                term.copyBuffer(made[0], 0, made[0].length);
                return true;
            }
        }
        char[] pool = forms.pool();
        int at = WordTerms.termsAt(pool, start);
        if (pool[at] == 0) {
            return false;
        }
        term.copyBuffer(pool, at + 2, pool[at + 1]);
        return true;
    }
}

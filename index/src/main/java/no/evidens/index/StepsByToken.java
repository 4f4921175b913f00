package no.evidens.index;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The steps of the index's text chains after the tokenizer, taken from what {@link TokenSteps} remembers of each
 * token: a stop word is left out (its position counted, as Lucene's stop filter counts it), any other token becomes
 * its stem. {@link #terms()} gives all the terms of the token just passed on, its parts' stems after the stem, for
 * {@link PartsByWord}. {@code TextAndPartsAnalyzerTest} compares every token with the fields' own chains.
 */
final class StepsByToken extends FilteringTokenFilter implements WordTerms {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    {
        // The stem filter of the fields' own chains adds it (never set in these chains): the same attributes either way.
        addAttribute(KeywordAttribute.class);
    }

    private final TokenSteps steps;
    private char[][] terms;

    StepsByToken(TokenStream tokens, TokenSteps steps) {
        super(tokens);
        this.steps = steps;
    }

    @Override
    protected boolean accept() {
        terms = steps.of(term.buffer(), term.length());
        if (terms == TokenSteps.STOP) {
            return false;
        }
        term.copyBuffer(terms[0], 0, terms[0].length);
        return true;
    }

    @Override
    public char[][] terms() {
        return terms;
    }
}

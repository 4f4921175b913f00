package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.no.NorwegianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The compound parts indexed, and where they point in the text, are those of Lucene's dictionary filter. */
class CachedCompoundFilterTest {
    /** Compounds, repeated words (split from memory the second time) and folded spellings (aa → å). */
    private static final String TEXT = "Barneverntjenesten og barnevernstenesta drøftet helsestasjonen, barneverntjenesten "
            + "og skolehelsetjenesten. Samarbeidsmøtet om taushetsplikten; Haakon Braathen i barnevernet. "
            + "Tiltaksplanen, handlingsplanen, barneverntjenesten og samarbeidsavtalene med fastlegekontoret.";

    @Test
    void splitsAsLucenesDictionaryFilterDoes() throws IOException {
        List<String> lucene = tokens(s -> new DictionaryCompoundWordTokenFilter(s, NorwegianAnalysis.PARTS, 5, 3, 20, true));
        List<String> cached = tokens(s -> new CachedCompoundFilter(s, NorwegianAnalysis.PARTS, 5, 3, 20));
        assertEquals(lucene, cached);
        assertTrue(cached.contains("barnevern 0-18 +0"), "a compound gives its parts, at the whole word: " + cached);
    }

    /** Every token as "term start-end +increment", the text analysed twice in one chain. */
    private static List<String> tokens(Function<TokenStream, TokenStream> compounds) throws IOException {
        Tokenizer source = new StandardTokenizer();
        List<String> out = new ArrayList<>();
        // Not try-with-resources: the chain is closed after each round, so the tokenizer takes the next reader.
        TokenStream ts = compounds.apply(new NorwegianNormalizationFilter(new LowerCaseFilter(source)));
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        for (int round = 0; round < 2; round++) {
            source.setReader(new StringReader(TEXT));
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + inc.getPositionIncrement());
            }
            ts.end();
            ts.close();
        }
        return out;
    }
}

package no.evidens.solr.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.no.NorwegianMinimalStemFilter;
import org.apache.lucene.analysis.no.NorwegianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * What the config set's synonym filter reads its entries with (its {@code analyzer} attribute): the text
 * chain up to the stems, as Evidens's own synonym map is read, so an entry covers every inflection.
 */
public final class SynonymEntryAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new NorwegianMinimalStemFilter(
                new NorwegianNormalizationFilter(new LowerCaseFilter(source)),
                NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK));
    }
}

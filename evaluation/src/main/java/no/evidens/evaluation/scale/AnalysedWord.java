package no.evidens.evaluation.scale;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A word as one field analyses it, as that field's term query: the parts of a term search the benches take apart. */
public final class AnalysedWord {
    private AnalysedWord() {
    }

    /** The word's first term in {@code field}, with the query parser's boost; null when the field gives it none. */
    public static Query query(Analyzer analyzer, String field, String word, float boost) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            Query q = ts.incrementToken() ? new TermQuery(new Term(field, term.toString())) : null;
            ts.end();
            return q == null || boost == 1f ? q : new BoostQuery(q, boost);
        }
    }
}

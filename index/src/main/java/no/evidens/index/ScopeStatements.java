package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.Query;

/**
 * The audit's scope written as an indirect question: {@code Vi har kartlagt om kommunen sikrer at …} (a
 * scope verb, then the question), or in Nynorsk {@code Revisjonen galdt om kommunen sikrar at …}. The verbs of a conclusion
 * ({@link EvidencePrior#CONCLUSION_WORDS}) stand in it too, but what follows is what was examined, not what was
 * found: a scope verb a few words before the conclusion verb tells the two apart. Lucene's stop words leave out the
 * {@code om} that marks the question, so the scope verb before it is what a query can see.
 */
final class ScopeStatements {
    /** The verbs a report states its scope with, Bokmål and Nynorsk, in the forms reports write. */
    static final String SCOPE_WORDS = "undersøkt undersøkte undersøkje undersøker undersøkjer vurdert vurderte "
            + "gjaldt galdt omfattet omfatta kartlagt kartla";
    /** At most this many words between the scope verb and the conclusion verb. */
    static final int SLOP = 2;

    private ScopeStatements() {
    }

    /** Passages holding a scope statement before {@code conclusionWords}, or null when the analysis leaves no word. */
    static Query query(Analyzer analyzer, String conclusionWords) {
        List<SpanQuery> scope = spans(analyzer, SCOPE_WORDS);
        List<SpanQuery> conclusion = spans(analyzer, conclusionWords);
        if (scope.isEmpty() || conclusion.isEmpty()) {
            return null;
        }
        return new SpanNearQuery(new SpanQuery[] {or(scope), or(conclusion)}, SLOP, true);
    }

    private static SpanQuery or(List<SpanQuery> spans) {
        return spans.size() == 1 ? spans.get(0) : new SpanOrQuery(spans.toArray(SpanQuery[]::new));
    }

    private static List<SpanQuery> spans(Analyzer analyzer, String words) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(PassageSchema.TEXT, words)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (!terms.contains(term.toString())) {
                    terms.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the scope words", e);
        }
        return terms.stream().map(t -> (SpanQuery) new SpanTermQuery(new Term(PassageSchema.TEXT, t))).toList();
    }
}

package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Function-like verbs of a natural phrase ({@code får}, {@code blir}, {@code gjøre}, Bokmål and Nynorsk), which
 * Lucene's Norwegian stop words keep but which say nothing of what a passage is about: in a relaxed search they
 * count for no tier and weigh less ({@link QueryReader#tiered(Query, Set)}). Measured on the real-text dev queries
 * (README, Relevance): natural phrasing 0.870 → 0.897; every other kind unchanged. A strict search still needs them.
 */
final class WeakWords {
    /** The words, in the forms a query writes them (the analyzer gives their stems). */
    static final String WORDS = "få får fikk fått fekk bli blir ble blei blitt vart gjøre gjør gjorde gjort gjere gjer "
            + "gi gir ga gav gitt gje gjev ha har hadde hatt kan kunne skal skulle må måtte vil ville er var nok";
    /** A weak word's score is its words' scores times this. */
    static final float WEIGHT = 0.3f;

    /** The stems per analyzer: analysed once, not on every relaxed search. */
    private static final Map<Analyzer, Set<String>> STEMS = Collections.synchronizedMap(new WeakHashMap<>());

    private WeakWords() {
    }

    /** The stems {@code analyzer} gives the weak words in the text field (the stop words among them give none). */
    static Set<String> stems(Analyzer analyzer) {
        return STEMS.computeIfAbsent(analyzer, WeakWords::analysed);
    }

    private static Set<String> analysed(Analyzer analyzer) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream(PassageSchema.TEXT, WORDS)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the weak words", e);
        }
        return Set.copyOf(out);
    }

    /** Whether every word one clause of a query looks for in the text is weak (a clause with no text word is not). */
    static boolean isWeak(Query clause, Set<String> weak) {
        if (weak.isEmpty()) {
            return false;
        }
        boolean[] any = {false};
        boolean[] all = {true};
        clause.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    if (t.field().equals(PassageSchema.TEXT)) {
                        any[0] = true;
                        all[0] &= weak.contains(t.text());
                    }
                }
            }
        });
        return any[0] && all[0];
    }
}

package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Forms of a query word that the analysis gives another stem, sought as synonyms of the word (one word to BM25: a
 * passage holding two of the forms is not counted twice). Lucene's stemmers have no exception lists; the index is
 * unchanged, so no re-ingest. Two rules, each from how Norwegian is written:
 * <ul>
 * <li>a word in {@code -er} may be a noun of the one who does something ({@code bruker}, {@code melder},
 * {@code klager}): the stemmers cut {@code bruker} to the verb's {@code bruk}, but {@code brukeren} and
 * {@code brukere} to {@code bruker} and {@code brukerne} to {@code brukern}, so a search for the word found none of
 * its other forms, in either analysis; it is also sought in the stems of those forms. A verb in {@code -er}
 * ({@code sikrer}) gains forms that no text holds;</li>
 * <li>an adjective in {@code -lig} (Bokmål) is written {@code -leg} in Nynorsk ({@code forsvarlig},
 * {@code forsvarleg}; {@code tilstrekkelige}, {@code tilstrekkelege}), which the synonym list pairs for one word only
 * ({@code ansvarlig}); the other spelling is sought too.</li>
 * </ul>
 */
final class WordForms {
    /** A plain word of at least five letters ending in {@code -er}. */
    private static final Pattern AGENT_NOUN = Pattern.compile("\\p{L}{3,}er");
    /** The endings of the noun's other forms: definite, plural, definite plural. */
    private static final String[] NOUN_FORMS = {"en", "e", "ne"};
    /** An adjective in {@code -lig(e)} or {@code -leg(e)}: the stem before it, and the ending. */
    private static final Pattern ADJECTIVE = Pattern.compile("(\\p{L}{3,}l)(i|e)(ge?)");

    private WordForms() {
    }

    /** The forms of {@code word} the analysis may not join to it (none for most words). */
    static List<String> forms(String word) {
        List<String> out = new ArrayList<>();
        String w = word.toLowerCase(Locale.ROOT);
        if (AGENT_NOUN.matcher(w).matches()) {
            for (String ending : NOUN_FORMS) {
                out.add(w + ending);
            }
        }
        Matcher adjective = ADJECTIVE.matcher(w);
        if (adjective.matches()) {
            out.add(adjective.group(1) + ("i".equals(adjective.group(2)) ? "e" : "i") + adjective.group(3));
        }
        return out;
    }

    /**
     * {@code q}, the analysed query for {@code word} in {@code field}, as a synonym query of the word and the stems
     * of its {@link #forms} when they add any; else {@code q} itself.
     */
    static Query widened(Query q, String field, String word, Analyzer analyzer) {
        List<String> forms = forms(word);
        if (forms.isEmpty() || !(q instanceof TermQuery || q instanceof SynonymQuery)) {
            return q;
        }
        Set<String> stems = new LinkedHashSet<>();
        if (q instanceof TermQuery t) {
            stems.add(t.getTerm().text());
        } else {
            for (Term t : ((SynonymQuery) q).getTerms()) {
                stems.add(t.text());
            }
        }
        int before = stems.size();
        for (String form : forms) {
            String stem = oneStem(analyzer, field, form);
            if (stem != null) {
                stems.add(stem);
            }
        }
        if (stems.size() == before) {
            return q;
        }
        SynonymQuery.Builder out = new SynonymQuery.Builder(field);
        for (String s : stems) {
            out.addTerm(new Term(field, s));
        }
        return out.build();
    }

    /** The one term {@code analyzer} makes of {@code form} in {@code field}, or null when it makes none or several. */
    private static String oneStem(Analyzer analyzer, String field, String form) {
        String only = null;
        try (TokenStream ts = analyzer.tokenStream(field, form)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (only != null && !only.contentEquals(term)) {
                    only = null;
                    break;
                }
                only = term.toString();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse " + form, e);
        }
        return only;
    }
}

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

/**
 * A fixed list of query words (weak, frame, party, number words) as the stems an analyzer gives them in the text field,
 * analysed once per analyzer (held weakly), not on every search.
 */
final class StemmedWords {
    private final String words;
    private final Map<Analyzer, Set<String>> stems = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code words}: the words as a query writes them, separated by spaces. */
    StemmedWords(String words) {
        this.words = words;
    }

    /** The stems {@code analyzer} gives the list (stop words give none). */
    Set<String> stems(Analyzer analyzer) {
        return stems.computeIfAbsent(analyzer, a -> analysed(a, words));
    }

    /** The stems {@code analyzer} gives any list of words in the text field. */
    static Set<String> analysed(Analyzer analyzer, String words) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream(PassageSchema.TEXT, words)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a list of query words", e);
        }
        return Set.copyOf(out);
    }
}

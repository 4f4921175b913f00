package no.evidens.index;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * A bonus for passages where the query's words stand close together: for a query of three or more plain
 * words, or of two joined by a stop word ({@code tilbakemelding til melder}, {@code handsaming av søknader}: a
 * term the auditor writes as a phrase), each pair of neighbouring words (stop words left out) is added as an
 * optional sloppy phrase on the passage text. Measured on the real-text dev queries (docs/relevance-rounds.md): a phrase
 * of all the words, or pairs on two-word queries written side by side, lifted nothing; pairs on longer queries
 * lift natural phrasing, and on two words joined by a stop word, variants (0.929 → 0.934).
 */
final class WordPairs {
    /** Words of a pair may stand this many places apart (or swapped), as in {@code "a b"~5}. */
    static final int SLOP = 5;
    /** A pair's phrase scores with this weight beside the words' own scores. */
    static final float WEIGHT = 1.0f;
    /** Fewer searchable words than this get no pairs (unless joined by a stop word): two-word keyword queries lost by them. */
    static final int MIN_WORDS = 3;

    private WordPairs() {
    }

    /** The query, with the pairs of {@code text} as optional clauses when it is plain words and long enough. */
    static Query added(Query q, String text, Analyzer analyzer) {
        if (!QueryLanguage.relaxable(text)) {
            return q;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        List<String> words = new ArrayList<>();
        for (String w : QueryLanguage.SPACES.split(text.strip())) {
            if (builder.createBooleanQuery(PassageSchema.TEXT, w) != null) {
                words.add(w);
            }
        }
        // two words with a stop word between them: a phrase such as "tilbakemelding til melder"
        boolean joined = words.size() == 2 && QueryLanguage.SPACES.split(text.strip()).length > 2;
        if (words.size() < MIN_WORDS && !joined) {
            return q;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
        for (int i = 0; i + 1 < words.size(); i++) {
            Query pair = builder.createPhraseQuery(PassageSchema.TEXT, words.get(i) + " " + words.get(i + 1), SLOP);
            if (pair != null) {
                out.add(new BoostQuery(pair, WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        return out.build();
    }
}

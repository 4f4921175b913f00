package no.evidens.index;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The frame of a natural query: the words every supervision report uses whatever it is about (the children, the
 * municipality, the case, the supervisor and the supervision itself, Bokmål and Nynorsk). In a relaxed search that also
 * holds a word outside the frame, a frame word is worth {@value #SHARE} of a tier ({@link QueryReader#tiered}): a passage
 * holding the question's rarer words comes before one holding a frame word and fewer of them. A query of frame words only
 * counts them in full. Written from knowledge of the field, not from the queries; measured on the real-text dev queries
 * (docs/relevance-rounds.md, nineteenth round): nDCG@10 0.871 → 0.873, natural phrasing 0.821 → 0.826, recall@20 0.931 → 0.939.
 * A list rather than a word's share of the passages holding it: that would give a case's ranking by the other cases in the
 * index, and SolrCloud, whose shards hold other cases than the embedded index, would rank otherwise (a document-frequency
 * rule of one word in ten gave the same dev figures). The field's service names ({@code barnevernet}, {@code Nav}) are
 * not in it: in a corpus of several services they tell which reports a question is about (at half a tier they cost dev
 * 0.002).
 */
final class FrameWords {
    /** The words, in the forms a query writes them (the analyzer gives their stems). */
    static final String WORDS = "barn barna barnet barns barnets kommune kommunen kommuner kommunar kommunens "
            + "sak saka saken saker statsforvalter statsforvalteren statsforvaltaren fylkesmann fylkesmannen "
            + "tilsyn tilsynet tilsyna tilsynene";
    /** A frame word's share of a tier, beside a rarer word (0.5: the same dev nDCG@10, natural 0.825). */
    static final float SHARE = 0.7f;

    /** The stems per analyzer: analysed once, not on every relaxed search. */
    private static final StemmedWords STEMS = new StemmedWords(WORDS);

    private FrameWords() {
    }

    /** The stems {@code analyzer} gives the frame words in the text field. */
    static Set<String> stems(Analyzer analyzer) {
        return STEMS.stems(analyzer);
    }

    /**
     * The clauses of {@code words} (a relaxed query's tier words) that are frame words ({@code stems}), by identity, when
     * at least one of the words is not; else none.
     */
    static Set<Query> frame(List<Query> words, Set<String> stems) {
        Set<Query> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Query w : words) {
            if (isFrame(w, stems)) {
                out.add(w);
            }
        }
        return out.size() == words.size() ? Set.of() : out;
    }

    /** Whether a word one clause of a query looks for in the text is a frame word. */
    static boolean isFrame(Query clause, Set<String> stems) {
        boolean[] any = {false};
        clause.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    any[0] |= t.field().equals(PassageSchema.TEXT) && stems.contains(t.text());
                }
            }
        });
        return any[0];
    }
}

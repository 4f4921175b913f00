package no.evidens.index;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A question that asks how many ({@code hvor mange}, {@code kor mange}) is answered by a count: in a relaxed search a
 * passage whose text holds a number of one to three digits (so not a year) or a number word adds {@value #SHARE} of a
 * tier ({@link QueryReader#WORD_TIER}). The degree word {@code mange} itself counts for no tier ({@link WeakWords}), so
 * without this a passage saying {@code i 16 av dei 24 tilsyna} ranked as one that only names a supervision.
 * <p>
 * An optional constant clause beside the required query, {@link ScoreOnly}, so it makes no hit and shows no match; query
 * side only, so SolrCloud reads the same query. Measured on the real-text dev queries (docs/relevance-rounds.md, twenty-sixth
 * round): nDCG@10 0.843 → 0.844, recall@20 0.908 → 0.910; at a whole tier the same nDCG@10 and no recall gained; also for
 * {@code hvor ofte}, {@code hvor lenge} and {@code hvor lang tid} 0.843. A quarter of a tier rather than the half it was
 * (twenty-seventh round, on the grown judgements): recall@20 0.916 → 0.918, nDCG@10 0.843 → 0.844, two queries up, none
 * down (0.3 the same; 0.4, 0.2 and 0.1 a lower recall@20): the numbers of sections and days lift fewer passages that give no count.
 */
final class CountAnswers {
    /** A count's share of a tier. */
    static final float SHARE = 0.25f;
    /** The words of a question that asks for a number. */
    private static final Pattern ASKS = Pattern.compile("(?U)\\b(hvor|kor) mange\\b");
    /** Counts written as words, Bokmål and Nynorsk (the analyzer gives their stems); {@code en}, {@code ein} left out, being articles. */
    private static final String NUMBER_WORDS = "to tre fire fem seks sju syv åtte ni ti elleve tolv tjue tretti førti femti "
            + "hundre halvparten flertallet fleirtalet prosent";
    /** Numbers of one to three digits: a count, not a year (a date such as {@code 26.3.2009} is one token). */
    private static final String DIGITS = "[0-9]{1,3}";
    /** The number words' stems per analyzer: analysed once, not on every search. */
    private static final StemmedWords STEMS = new StemmedWords(NUMBER_WORDS);

    private CountAnswers() {
    }

    /** Whether {@code text}, a query as written, asks how many. */
    static boolean asks(String text) {
        return ASKS.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** {@code ranked} required, with the count's bonus beside it when {@code text} asks how many; else {@code ranked}. */
    static Query added(Query ranked, String text, Analyzer analyzer) {
        if (!asks(text)) {
            return ranked;
        }
        Set<String> stems = STEMS.stems(analyzer);
        Query count = new BooleanQuery.Builder()
                .add(new RegexpQuery(new Term(PassageSchema.TEXT, DIGITS)), BooleanClause.Occur.SHOULD)
                .add(new TermInSetQuery(PassageSchema.TEXT, stems.stream().map(BytesRef::new).toList()), BooleanClause.Occur.SHOULD)
                .build();
        return new BooleanQuery.Builder()
                .add(ranked, BooleanClause.Occur.MUST)
                .add(new ScoreOnly(new BoostQuery(new ConstantScoreQuery(count), QueryReader.WORD_TIER * SHARE)),
                        BooleanClause.Occur.SHOULD)
                .build();
    }
}

package no.evidens.index;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A query made from one word's query and weighed on the searcher that runs it, where it finds the word's passages and so
 * the passages it stands for ({@link DocumentWords.Held}: those of the same documents; {@link NearbyWords.Near}: those near
 * them): rewritten with its word, a leaf for visitors, and equal to another of its class by the word.
 */
abstract class OneWordQuery extends Query {
    /** The word's query. */
    final Query word;
    private final String name;

    /** @param name what {@link #toString(String)} calls it ({@code document(word)}) */
    OneWordQuery(String name, Query word) {
        this.name = name;
        this.word = word;
    }

    /** The same query of another (the rewritten) word. */
    abstract OneWordQuery of(Query word);

    /**
     * {@code ranked} required, with an optional constant bonus per word of {@code words} (none for a single word): the word's
     * {@code bonus} query worth {@code share} of {@link QueryReader#WORD_TIER}, {@link ScoreOnly} (the highlighter shows none
     * of its matches).
     */
    static Query added(Query ranked, List<Query> words, Function<Query, OneWordQuery> bonus, ToDoubleFunction<Query> share) {
        if (words.size() < 2) {
            return ranked;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder().add(ranked, BooleanClause.Occur.MUST);
        for (Query word : words) {
            float tier = QueryReader.WORD_TIER * (float) share.applyAsDouble(word);
            out.add(new ScoreOnly(new BoostQuery(new ConstantScoreQuery(bonus.apply(word)), tier)), BooleanClause.Occur.SHOULD);
        }
        return out.build();
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = word.rewrite(searcher);
        return rewritten == word ? this : of(rewritten);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return name + "(" + word.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && word.equals(((OneWordQuery) other).word);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + word.hashCode();
    }
}

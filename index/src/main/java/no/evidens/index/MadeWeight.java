package no.evidens.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query whose Weight is made already, for one search on one searcher: a Boolean query of such clauses weighs each
 * clause with the Weight given (Lucene's {@code BooleanWeight} asks the searcher for a Weight of each clause), so that
 * {@link PriorQuery} makes each word's weights once per search, not once for the words' scorer and again for scoring
 * the entries with a bonus clause by clause (each a term-dictionary seek per segment and the words' statistics
 * gathered anew). Lucene has no query that hands on a Weight it is given. Asked for another score mode or boost, it
 * weighs its query as usual. To everything else (visitors, text) it is the query it stands for; it is never rewritten
 * (a Weight is made for it directly, of a query already rewritten) and never cached (equal only to itself).
 */
final class MadeWeight extends Query {
    private final Query query;
    private final Weight weight;
    private final ScoreMode scoreMode;
    private final float boost;

    private MadeWeight(Query query, Weight weight, ScoreMode scoreMode, float boost) {
        this.query = query;
        this.weight = weight;
        this.scoreMode = scoreMode;
        this.boost = boost;
    }

    /**
     * {@code b} (rewritten) with each clause's query standing for the Weight {@code weights} holds for it, in clause
     * order; made with {@code scoreMode} and {@code boost}.
     */
    static BooleanQuery clausesOf(BooleanQuery b, List<Weight> weights, ScoreMode scoreMode, float boost) {
        List<BooleanClause> clauses = b.clauses();
        if (clauses.size() != weights.size()) {
            throw new IllegalArgumentException(clauses.size() + " clauses, " + weights.size() + " weights");
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (int i = 0; i < clauses.size(); i++) {
            BooleanClause c = clauses.get(i);
            out.add(new MadeWeight(c.getQuery(), weights.get(i), scoreMode, boost), c.getOccur());
        }
        return out.build();
    }

    /** {@code q} (rewritten) standing for {@code weight}, made with {@code scoreMode} and {@code boost}. */
    static Query of(Query q, Weight weight, ScoreMode scoreMode, float boost) {
        return new MadeWeight(q, weight, scoreMode, boost);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (scoreMode == this.scoreMode && Float.compare(boost, this.boost) == 0) {
            return weight;
        }
        return searcher.createWeight(searcher.rewrite(query), scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return query.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query as {@link QueryReader} reads it, in its two parts: the query that decides which passages match (the
 * user's words), and the query that ranks them (the same words with the relaxed search's tiers, the word pairs and
 * the evidence prior beside them). The ranking parts are optional clauses or constants over the same words, so both
 * match the same passages; a search that only counts or filters its hits takes {@link #matching(Query)} and need not
 * visit the ranking parts' postings (nor lose Lucene's bulk scoring of a plain disjunction to a nested one).
 * <p>
 * To everything else it is the ranking query: Lucene rewrites it to that, and a visitor (the highlighter, the
 * checks of {@link QueryReader}) sees that query's terms. Lucene has no query that carries two such parts.
 */
final class ScoredQuery extends Query {
    private final Query matching;
    private final Query scoring;

    private ScoredQuery(Query matching, Query scoring) {
        this.matching = matching;
        this.scoring = scoring;
    }

    /** {@code scoring}, carrying {@code matching} for searches that only count; {@code matching} itself when they are one. */
    static Query of(Query matching, Query scoring) {
        return matching.equals(scoring) ? matching : new ScoredQuery(matching, scoring);
    }

    /**
     * What {@code q} matches without its ranking parts: the matching part of a read query, or of each read query
     * that is a clause of {@code q} (as the searcher puts one beside its case, type and passage filters); {@code q}
     * itself when it holds none.
     */
    static Query matching(Query q) {
        if (q instanceof ScoredQuery s) {
            return s.matching;
        }
        if (!(q instanceof BooleanQuery b)) {
            return q;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        boolean changed = false;
        for (BooleanClause c : b.clauses()) {
            if (c.getQuery() instanceof ScoredQuery s) {
                out.add(s.matching, c.getOccur());
                changed = true;
            } else {
                out.add(c);
            }
        }
        return changed ? out.build() : q;
    }

    Query matching() {
        return matching;
    }

    Query scoring() {
        return scoring;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
        return scoring;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return searcher.createWeight(searcher.rewrite(scoring), scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        scoring.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return scoring.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && matching.equals(((ScoredQuery) other).matching)
                && scoring.equals(((ScoredQuery) other).scoring);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + matching.hashCode()) + scoring.hashCode();
    }
}

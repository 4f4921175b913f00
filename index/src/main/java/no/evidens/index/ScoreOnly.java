package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A part of a query that only adds to the score ({@link EvidencePrior}): it has no matches to show and no terms
 * to visit, so the highlighter marks none of its words and the checks that visit a query's terms do not see it.
 * Lucene has no such wrapper: {@code ConstantScoreQuery} hands its inner query's matches on.
 */
final class ScoreOnly extends Query {
    private final Query in;

    ScoreOnly(Query in) {
        this.in = in;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new ScoreOnly(rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new FilterWeight(this, in.createWeight(searcher, scoreMode, boost)) {
            @Override
            public Matches matches(LeafReaderContext context, int doc) {
                return null;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        // nothing to show or to check: see the class comment
    }

    @Override
    public String toString(String field) {
        return "bonus(" + in.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((ScoreOnly) other).in);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + in.hashCode();
    }
}

package no.evidens.index;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A query with the parts that can never show a match left out, for the highlighter: its matches in any document
 * are the query's own. Those parts are the evidence prior's bonuses ({@link ScoreOnly}, optional clauses whose
 * matches are always none, so Lucene's {@code BooleanWeight.matches} skips them), reached through the ranking query
 * of a {@link ScoredQuery} and the plain form of a {@link PriorQuery}, which is what both rewrite to and match as.
 * They show a visitor nothing, so the highlighter finds the same terms and patterns to highlight in the query without
 * them. Rewriting the bonuses (their phrase-like scope statements among them) and building their Weights was a third
 * of the time of finding a page's matches, for nothing (and, for a prefix or fuzzy word, which Lucene's highlighter
 * matches in each hit's text analysed again, once per hit).
 */
final class MatchingParts {
    private MatchingParts() {
    }

    static Query of(Query q) {
        if (q instanceof ScoredQuery s) {
            return of(s.scoring());
        }
        if (q instanceof PriorQuery p) {
            return of(p.plain());
        }
        if (q instanceof BoostQuery b) {
            Query in = of(b.getQuery());
            return in == b.getQuery() ? q : new BoostQuery(in, b.getBoost());
        }
        if (q instanceof BooleanQuery b) {
            return ofBoolean(b);
        }
        return q;
    }

    /**
     * Its clauses' own matching parts, without the optional clauses that never match (when no optional clause is
     * required to match: with a minimum, Lucene's rewriting compares it with the number of optional clauses).
     */
    private static Query ofBoolean(BooleanQuery b) {
        boolean dropNeverMatching = b.getMinimumNumberShouldMatch() == 0;
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        boolean changed = false;
        for (BooleanClause c : b.clauses()) {
            if (dropNeverMatching && c.getOccur() == BooleanClause.Occur.SHOULD && c.getQuery() instanceof ScoreOnly) {
                changed = true;
                continue;
            }
            Query in = of(c.getQuery());
            changed |= in != c.getQuery();
            out.add(in, c.getOccur());
        }
        return changed ? out.build() : b;
    }
}

package no.evidens.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A word that a passage holds only in the heading it stands under. A heading is context: it stands over every passage
 * under it, so in a relaxed search of {@value #MIN_WORDS} or more words (a question or a statement, where a heading often
 * holds two of its words) such a word is worth {@value #SHARE} of a tier ({@link QueryReader#tiered}), and a passage whose
 * own text holds the question's words comes first. Shorter searches, keyword searches for the most part, count it in
 * full. Query side only (the heading field is as indexed), so SolrCloud reads the same query. Measured on the real-text
 * dev queries (docs/relevance-rounds.md, twenty-third round): nDCG@10 0.852 → 0.854, seven queries up and none down, recall@20
 * 0.919 → 0.921; for every relaxed search 0.855 but the sample set's dev 0.720 → 0.712; at 0.7 of a tier 0.853.
 */
final class HeadingOnly {
    /** A heading-only word's share of a tier. */
    static final float SHARE = 0.85f;
    /** The fewest searched words (clauses of the parsed query) for which the share applies. */
    static final int MIN_WORDS = 4;

    private HeadingOnly() {
    }

    /**
     * The tier clause of {@code word} (a word sought over the default fields) worth {@code tier}: the whole tier for a
     * passage holding it in its text or compound parts, {@link #SHARE} of it for one holding it only in its heading. A
     * query of fewer than {@link #MIN_WORDS} words, or a word not sought in the heading, keeps the plain tier clause.
     */
    static Query tier(Query word, float tier, int words) {
        Query body = words >= MIN_WORDS ? withoutHeading(word) : null;
        if (body == null) {
            return new BoostQuery(new ConstantScoreQuery(word), tier);
        }
        return new DisjunctionMaxQuery(List.of(new BoostQuery(new ConstantScoreQuery(body), tier),
                new BoostQuery(new ConstantScoreQuery(word), tier * SHARE)), 0f);
    }

    /** {@code word}'s clauses on fields other than the heading, or null when it has no heading clause (or nothing else). */
    static Query withoutHeading(Query word) {
        if (!(word instanceof BooleanQuery b)) {
            return null;
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        boolean kept = false;
        boolean dropped = false;
        for (BooleanClause c : b.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD) {
                return null;
            }
            if (fields(c.getQuery()).equals(Set.of(PassageSchema.HEADING))) {
                dropped = true;
            } else {
                out.add(c);
                kept = true;
            }
        }
        return dropped && kept ? out.build() : null;
    }

    private static Set<String> fields(Query q) {
        Set<String> fields = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }
        });
        return fields;
    }
}

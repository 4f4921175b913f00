package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The word's heading and the evidence prior's bonuses ({@link BonusClause}) as one clause of Lucene's top-level walk of
 * a word's fields ({@link CarriedBonusScorer}): it matches the heading's entries and the known hits holding a bonus, and
 * scores an entry its heading score, its bonus, or (one float addition) both. Both were essential clauses of the walk in
 * most of its windows (the heading for its few entries and high maximum, the bonus by its cost of 1), so Lucene merged
 * them entry by entry into a window of sums; as one clause they are walked as the single essential clause, straight into
 * the lookups of the other fields. Its bounds are the heading's block bounds plus the largest bonus, its windows the
 * heading's blocks, as the two clauses gave them. An entry without a bonus gets the heading's own float, so its sum in the
 * walk is what the two clauses gave; one with a bonus is scored again exactly by {@link CarriedBonusScorer}, which takes
 * the walk's sums as bounds only (a few ulps of rounding allowed for).
 */
final class HeadingBonusClause extends Weight {
    private final Weight heading;
    private final BonusClause bonus;
    private final float maxBonus;

    /**
     * @param query    what the clause stands for in the walk's query (its text only)
     * @param heading  the word's heading clause, weighed as in the words
     * @param bonus    the bonuses as a clause
     * @param maxBonus the largest score a combination of bonuses adds
     */
    HeadingBonusClause(Query query, Weight heading, BonusClause bonus, float maxBonus) {
        super(query);
        this.heading = heading;
        this.bonus = bonus;
        this.maxBonus = maxBonus;
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
        Scorer h = heading.scorer(context);
        Scorer b = bonus.scorer(context);
        if (h == null || b == null) {
            return h == null ? b : h;
        }
        return new Either(h, b);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) {
        return Explanation.noMatch("the heading and the evidence prior's bonuses are explained by the plain query");
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    /**
     * The union of the heading's postings and the held bonuses, two iterators merged here: Lucene's disjunction scorers
     * keep a heap of clauses and give no block bounds of a clause plus a constant, which the walk needs.
     */
    private final class Either extends Scorer {
        private final Scorer heading;
        private final Scorer bonus;
        private final DocIdSetIterator h;
        private final DocIdSetIterator b;
        private final DocIdSetIterator union;
        private int doc = -1;

        Either(Scorer heading, Scorer bonus) {
            super(HeadingBonusClause.this);
            this.heading = heading;
            this.bonus = bonus;
            this.h = heading.iterator();
            this.b = bonus.iterator();
            this.union = new DocIdSetIterator() {
                @Override
                public int docID() {
                    return doc;
                }

                @Override
                public int nextDoc() throws IOException {
                    return advance(doc + 1);
                }

                @Override
                public int advance(int target) throws IOException {
                    int hd = h.docID();
                    if (hd < target) {
                        hd = h.advance(target);
                    }
                    int bd = b.docID();
                    if (bd < target) {
                        bd = b.advance(target);
                    }
                    doc = Math.min(hd, bd);
                    return doc;
                }

                /** The heading's: the walk orders its clauses by maximum per cost, as it did the heading alone. */
                @Override
                public long cost() {
                    return h.cost();
                }
            };
        }

        @Override
        public DocIdSetIterator iterator() {
            return union;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public float score() throws IOException {
            if (h.docID() == doc) {
                float s = heading.score();
                return b.docID() == doc ? s + bonus.score() : s;
            }
            return bonus.score();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return heading.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return heading.getMaxScore(upTo) + maxBonus;
        }
    }
}

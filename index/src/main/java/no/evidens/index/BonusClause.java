package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The evidence prior's bonuses as one more clause of Lucene's top-level walk of a word's fields ({@code
 * MaxScoreBulkScorer}, {@link CarriedBonusScorer}): in a segment whose hits the search counted already ({@link
 * KnownHits}), its scorer matches the known hits holding a bonus ({@link BonusDocs}) and scores each its bonus; the
 * largest bonus is its maximum. So Lucene's walk bounds every entry by its own bonus, from the same decoded blocks: an
 * entry without one by its words alone, one with a bonus by its words and that bonus. The walk's sums are bounds, not
 * the page's scores: the page scores an entry holding a bonus again, exactly ({@link CarriedBonusScorer}).
 * <p>
 * Its cost is given as 1: Lucene's walk takes as essential (the clauses whose entries it visits, the others looked up
 * at those entries only while they can still lift one to the page) the clauses with the highest maximum per entry of
 * cost, so the bonus clause is essential whenever a field is (but for a field of a handful of entries), and an entry's
 * bonus is part of its score before its other fields are looked up. With its true cost it would be looked up last, every entry bounded by the largest bonus: as
 * one walk was before the eighteenth round. Carrying the bonus on the text field's clause instead (its scorer matching
 * the text's entries and the known hits with a bonus) was measured and is slower (docs/search-speed-rounds.md, twenty-first round):
 * its maximum, the text's plus the largest bonus, made the text essential where it had not been. Lucene's {@code
 * FeatureField} would carry a bonus in the index, but needs a re-index, and the conclusion bonus depends on the
 * query's analyzer.
 */
final class BonusClause extends Weight {
    private final SegmentCache<BonusDocs> bonuses;
    /** The score a combination of bonuses adds, by its bit mask ({@link PriorBulkScorer#values}). */
    private final float[] values;
    private final float maxValue;

    /** @param query what the clause stands for in the walk's query (its text only) */
    BonusClause(Query query, SegmentCache<BonusDocs> bonuses, float[] values) {
        super(query);
        this.bonuses = bonuses;
        this.values = values;
        this.maxValue = PriorBulkScorer.maxValue(values);
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
        FixedBitSet known = KnownHits.in(context.reader());
        if (known == null) {
            return null;
        }
        BonusDocs docs = bonuses.of(context.reader());
        BonusDocs.Held held = docs.held(known);
        return held == null ? null : new Held(docs, held);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) {
        return Explanation.noMatch("the evidence prior's bonuses are explained by the plain query");
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    /** The known hits holding a bonus, each scoring its bonus. */
    private final class Held extends Scorer {
        private final BonusDocs docs;
        /** Its cost given as 1: see the class comment (essential whenever a field is). */
        private final BonusDocs.Held iterator;

        Held(BonusDocs docs, BonusDocs.Held iterator) {
            super(BonusClause.this);
            this.docs = docs;
            this.iterator = iterator;
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public int docID() {
            return iterator.docID();
        }

        @Override
        public float score() {
            return values[docs.mask(iterator.docID())];
        }

        @Override
        public float getMaxScore(int upTo) {
            return maxValue;
        }
    }
}

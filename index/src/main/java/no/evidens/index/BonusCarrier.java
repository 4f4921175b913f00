package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * One field of a word, weighed so that its clause carries the evidence prior's bonuses inside Lucene's top-level walk
 * of the word's fields ({@code MaxScoreBulkScorer}, {@link CarriedBonusScorer}): in a segment whose hits the search
 * counted already ({@link KnownHits}), its scorer matches the field's entries and the known hits holding a bonus
 * ({@link BonusDocs}), and scores an entry its field's score plus its bonus, as one float addition (the bonus alone
 * where the field does not match). Its block maxima are the field's plus the largest bonus, so Lucene's walk bounds
 * every entry by its own bonus: an entry without one by its words alone, one with a bonus by its words and that bonus,
 * both from the same decoded blocks. The sums it gives are bounds, not the page's scores: the page scores an entry
 * holding a bonus again, exactly ({@link CarriedBonusScorer}).
 * <p>
 * Why not a clause of its own for the bonuses: Lucene's walk orders its clauses by their maxima and costs, and a bonus
 * clause (few entries, a small maximum) would be scored last, after the other fields: every entry would be bounded by
 * the largest bonus, as a single walk was before the eighteenth round. Lucene's {@code FeatureField} would carry a
 * bonus in the index, but needs a re-index and the conclusion bonus depends on the query's analyzer.
 */
final class BonusCarrier extends Weight {
    private final Weight field;
    private final SegmentCache<BonusDocs> bonuses;
    /** The score a combination of bonuses adds, by its bit mask ({@link PriorBulkScorer#values}). */
    private final float[] values;
    private final float maxValue;

    BonusCarrier(Weight field, SegmentCache<BonusDocs> bonuses, float[] values) {
        super(field.getQuery());
        this.field = field;
        this.bonuses = bonuses;
        this.values = values;
        this.maxValue = PriorBulkScorer.maxValue(values);
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
        Scorer inner = field.scorer(context);
        FixedBitSet known = KnownHits.in(context.reader());
        if (known == null) {
            return inner;
        }
        BonusDocs docs = bonuses.of(context.reader());
        FixedBitSet held = docs.held(known);
        if (held == null) {
            return inner;
        }
        return new Carried(inner, docs, held);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        return field.explain(context, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    /** The field's entries and the known hits holding a bonus, in entry order. */
    private final class Carried extends Scorer {
        /** Null when the field matches nothing in the segment. */
        private final Scorer inner;
        private final DocIdSetIterator innerDocs;
        private final BonusDocs docs;
        private final FixedBitSet held;
        private final long cost;
        private int innerDoc = -1;
        private int heldDoc = -1;
        private int doc = -1;
        private final DocIdSetIterator iterator = new DocIdSetIterator() {
            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() throws IOException {
                if (innerDoc == doc) {
                    innerDoc = innerDocs.nextDoc();
                }
                if (heldDoc == doc) {
                    heldDoc = nextHeld(doc + 1);
                }
                return doc = Math.min(innerDoc, heldDoc);
            }

            @Override
            public int advance(int target) throws IOException {
                if (innerDoc < target) {
                    innerDoc = innerDocs.advance(target);
                }
                if (heldDoc < target) {
                    heldDoc = nextHeld(target);
                }
                return doc = Math.min(innerDoc, heldDoc);
            }

            @Override
            public long cost() {
                return cost;
            }
        };

        Carried(Scorer inner, BonusDocs docs, FixedBitSet held) {
            super(BonusCarrier.this);
            this.inner = inner;
            this.innerDocs = inner == null ? DocIdSetIterator.empty() : inner.iterator();
            this.docs = docs;
            this.held = held;
            this.cost = innerDocs.cost() + held.cardinality();
        }

        private int nextHeld(int from) {
            return from >= held.length() ? DocIdSetIterator.NO_MORE_DOCS : held.nextSetBit(from);
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public float score() throws IOException {
            float own = innerDoc == doc ? inner.score() : 0f;
            int mask = docs.any().get(doc) ? docs.mask(doc) : 0;
            return mask == 0 ? own : own + values[mask];
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return inner == null ? DocIdSetIterator.NO_MORE_DOCS : inner.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            float own = inner == null ? 0f : inner.getMaxScore(upTo);
            // a float sum rounds to nearest: the next float up bounds it whatever the rounding
            return Math.nextUp(own + maxValue);
        }
    }
}

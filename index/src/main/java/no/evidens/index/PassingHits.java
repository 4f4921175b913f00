package no.evidens.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The entries of a filtered search that pass every facet filter, already found per segment by its sideways count
 * ({@link SidewaysCounting#countWords}), as a filter for the page's search in place of the facet filters' own terms: the
 * same entries (each set is a subset of the base query's hits and of every filter's entries), but a filter as sparse as
 * the search's hits, so that it leads the page's conjunction and the words are advanced only to the entries that can make
 * the page. The terms of a type or a case lead with a posting list as long as that type or case. Lucene has no query of a
 * ready bit set per segment, hence this class. Deleted entries may be in a set: the searcher leaves them out, as it does
 * for any filter. Good only for the snapshot whose segments it was made for (the sets are by segment ord); not cached.
 */
final class PassingHits extends Query {
    private final FixedBitSet[] bySegment;

    /** @param bySegment per segment ord of the snapshot, its entries (null: none) */
    PassingHits(FixedBitSet[] bySegment) {
        this.bySegment = bySegment;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                FixedBitSet bits = context.ord < bySegment.length ? bySegment[context.ord] : null;
                if (bits == null) {
                    return null;
                }
                return new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(bits, bits.cardinality()));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "PassingHits";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ((PassingHits) other).bySegment == bySegment;
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + System.identityHashCode(bySegment);
    }
}

package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The field scores Lucene's top-level walk of a word's fields gave the entries it scored last, kept so that an entry
 * with a bonus is given its exact score from them ({@link CarriedBonusScorer}) instead of being looked up and scored
 * again in scorers of its own (a second decoding of the fields' postings, a second read of each norm).
 * <p>
 * Why the walk's own scores are there when an entry reaches the page: Lucene's walk ({@code MaxScoreBulkScorer})
 * hands an entry on only after every clause that matches it has been scored at it (the essential clauses of a window
 * of at most {@link #WINDOW} entries first, each scored into the window's sums, then the others one by one at the
 * entry), and hands the window's entries on before it scores the next window. So a table of {@link #WINDOW} places
 * per field, an entry's score kept at its place modulo the window, still holds the score of every field that matches
 * the entry handed on, and a place holding another entry means that field does not match it. Lucene keeps the
 * clauses' scores of an entry only as their sum, and the sum is rounded otherwise than the page's score (see {@link
 * CarriedBonusScorer}); hence these tables.
 */
final class WalkScores {
    /**
     * At least Lucene's inner window of the walk ({@code MaxScoreBulkScorer.INNER_WINDOW_SIZE}, 4,096 entries in Lucene
     * 9.12; {@code WalkScoresTest} fails when it grows beyond this), and a power of two.
     */
    static final int WINDOW = 1 << 12;
    private static final int MASK = WINDOW - 1;

    private final Recording[] fields;

    /** @param fields the walk's weights of the word's fields, as {@link #recording} made them */
    WalkScores(List<Weight> fields) {
        this.fields = fields.stream().map(Recording.class::cast).toArray(Recording[]::new);
    }

    /** The walk's weights of {@code fields}, each keeping the scores its scorers give, for a {@link WalkScores} of them. */
    static List<Weight> recording(List<Weight> fields) {
        List<Weight> out = new ArrayList<>(fields.size());
        for (Weight w : fields) {
            out.add(new Recording(w));
        }
        return out;
    }

    /**
     * The word's score at {@code doc} of {@code context}, just handed on by the walk: its fields' scores summed in a
     * double and cast to float, as Lucene's disjunction scorers sum them (the same float as {@link DisjunctionAt#sum(int)}:
     * such a sum is exact in a double, in any order); {@link WordsAt#NONE} when no field matches it.
     */
    float sum(LeafReaderContext context, int doc) {
        int id = context.docBase + doc + 1;
        int place = doc & MASK;
        double sum = 0;
        boolean matched = false;
        for (Recording r : fields) {
            if (r.ids[place] == id) {
                sum += r.scores[place];
                matched = true;
            }
        }
        return matched ? (float) sum : WordsAt.NONE;
    }

    /**
     * A field's weight whose scorers keep their scores, per place the entry scored there last (its id in the snapshot
     * plus one; 0: none) and its score. One table for every segment: the ids tell the segments apart, and Evidens's
     * searchers have no executor, so a search walks its segments one after the other ({@link OneCollector}).
     */
    private static final class Recording extends FilterWeight {
        final int[] ids = new int[WINDOW];
        final float[] scores = new float[WINDOW];

        Recording(Weight in) {
            super(in);
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
            Scorer s = in.scorer(context);
            return s == null ? null : new Keeping(this, s, context.docBase + 1);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }
    }

    /** A field's scorer that keeps each score it gives in its weight's table; everything else is the field's own. */
    private static final class Keeping extends Scorer {
        private final Scorer in;
        private final DocIdSetIterator iterator;
        private final int[] ids;
        private final float[] scores;
        /** The segment's first entry's id in the snapshot, plus one. */
        private final int base;

        Keeping(Recording weight, Scorer in, int base) {
            super(weight);
            this.in = in;
            this.iterator = in.iterator();
            this.ids = weight.ids;
            this.scores = weight.scores;
            this.base = base;
        }

        @Override
        public float score() throws IOException {
            float s = in.score();
            int doc = iterator.docID();
            ids[doc & MASK] = base + doc;
            scores[doc & MASK] = s;
            return s;
        }

        @Override
        public int docID() {
            return in.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return in.twoPhaseIterator();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            in.setMinCompetitiveScore(minScore);
        }

        @Override
        public float smoothingScore(int docId) throws IOException {
            return in.smoothingScore(docId);
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            return List.of(new ChildScorable(in, "MUST"));
        }
    }
}

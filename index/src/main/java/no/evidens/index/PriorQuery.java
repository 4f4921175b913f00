package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The user's words with the evidence prior's bonuses beside them ({@link EvidencePrior}): it matches what the words
 * match and scores each hit as the words do, plus the bonuses it holds. It is the query Evidens ranked with before,
 * {@code +words bonus(ConstantScore(which)^weight)…} ({@link #plain()}), and answers every question as that query
 * (scorer, explanation, matches, visitors, text), except one: a search for the top hits by score at the top level
 * ({@link ScoreMode#TOP_SCORES}) is scored by {@link PriorBulkScorer}, which lets Lucene skip hits by the words' own
 * block maxima.
 * <p>
 * Why: Lucene scores {@code +words bonus…} with {@code ReqOptSumScorer}, which bounds a block of hits by the sum of
 * its clauses' maxima. Inside it the words lose the bounds Lucene's top-level scorers keep per word ({@code
 * MaxScoreBulkScorer}): a word is searched in the text, its compound parts and its heading, and the sum of those
 * three fields' block maxima lies above the page's lowest score in nearly every block, bonus or not, so the page
 * scored nearly every hit (47,400 of 47,663 for {@code stønad} on the 1 M-passage bench). Lucene's {@code
 * FeatureField} would put a bonus into the index with exact block maxima, but that needs a re-index, and the
 * conclusion bonus depends on the analyzer at query time ({@link ScopeStatements}); here the bonuses' entries are
 * read per segment at query time ({@link BonusDocs}).
 *
 * @param words   what matches, and scores
 * @param bonuses the bonuses, in order (at most 31)
 */
final class PriorQuery extends Query {
    /**
     * A bonus: entries matching {@code which} score {@code weight} more; {@code settled} when {@code which} is rewritten
     * already and its rewriting reads no index, so that rewriting it again gives itself on any snapshot (a search then
     * skips it: it was most of rewriting a one-word search's query, for nothing).
     */
    record Bonus(Query which, float weight, boolean settled) {
        Bonus(Query which, float weight) {
            this(which, weight, false);
        }
    }

    private final Query words;
    private final List<Bonus> bonuses;
    private final Query plain;

    PriorQuery(Query words, List<Bonus> bonuses) {
        if (bonuses.isEmpty() || bonuses.size() > 31) {
            throw new IllegalArgumentException("1 to 31 bonuses, not " + bonuses.size());
        }
        this.words = words;
        this.bonuses = List.copyOf(bonuses);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        for (Bonus bonus : bonuses) {
            b.add(new ScoreOnly(new BoostQuery(new ConstantScoreQuery(bonus.which()), bonus.weight())), BooleanClause.Occur.SHOULD);
        }
        this.plain = b.build();
    }

    /** The same query written with Lucene's own parts: a required clause and a constant optional clause per bonus. */
    Query plain() {
        return plain;
    }

    Query words() {
        return words;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query w = words.rewrite(searcher);
        List<Bonus> rewritten = new ArrayList<>(bonuses.size());
        boolean changed = w != words;
        for (Bonus b : bonuses) {
            Query which = b.settled() ? b.which() : b.which().rewrite(searcher);
            changed |= which != b.which();
            rewritten.add(which == b.which() ? b : new Bonus(which, b.weight()));
        }
        return changed ? new PriorQuery(w, rewritten) : this;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (scoreMode != ScoreMode.TOP_SCORES) {
            return searcher.createWeight(searcher.rewrite(plain), scoreMode, boost);
        }
        // Words the search sought while counting its hits are weighed from what it found (KnownHits.stated).
        Query rewrittenWords = KnownHits.stated(searcher.rewrite(words), searcher);
        List<List<Weight>> wordWeights = wordWeights(searcher, rewrittenWords, scoreMode, boost);
        // One word in its fields: its fields' weights, looked up at known hits as one word of required words is.
        List<Weight> fieldWeights = wordWeights == null && QueryReader.scoresFromTermsOnly(rewrittenWords)
                ? clauseWeights(searcher, rewrittenWords, scoreMode, boost) : null;
        // The words' scorer weighs its words with the weights just made for looking up known hits (CarriedBonusScorer):
        // each word's statistics are gathered once per search, not twice.
        Query weighed = wordWeights != null ? madeWords((BooleanQuery) rewrittenWords, wordWeights, scoreMode, boost)
                : fieldWeights != null ? MadeWeight.clausesOf((BooleanQuery) rewrittenWords, fieldWeights, scoreMode, boost)
                : rewrittenWords;
        Weight wordsWeight = searcher.createWeight(weighed, scoreMode, boost);
        float[] values = PriorBulkScorer.values(bonuses, boost);
        SegmentCache<BonusDocs> bonusDocs = BonusDocs.cache(bonuses.stream().map(Bonus::which).toList());
        // The same fields and the bonuses as a clause of their own, for segments whose hits are known (CarriedBonusScorer).
        Weight bonusWalk = fieldWeights == null ? null : bonusWalk(searcher, (BooleanQuery) rewrittenWords, fieldWeights,
                new BonusClause(BONUS_CLAUSE, bonusDocs, values), scoreMode, boost);
        return new TopScoresWeight(searcher, boost, wordsWeight, bonusWalk, wordWeights, fieldWeights, values, bonusDocs);
    }

    /** What the bonus clause of {@link #bonusWalk} stands for: its text only (it is weighed by its own weight). */
    private static final Query BONUS_CLAUSE = new MatchNoDocsQuery("the evidence prior's bonuses");

    /** The weight of {@code words}' fields ({@code fields}) with {@code bonus} as one more optional clause. */
    private static Weight bonusWalk(IndexSearcher searcher, BooleanQuery words, List<Weight> fields, Weight bonus,
                                    ScoreMode scoreMode, float boost) throws IOException {
        BooleanQuery.Builder clauses = new BooleanQuery.Builder();
        words.clauses().forEach(clauses::add);
        clauses.add(BONUS_CLAUSE, BooleanClause.Occur.SHOULD);
        List<Weight> weights = new ArrayList<>(fields);
        weights.add(bonus);
        return searcher.createWeight(MadeWeight.clausesOf(clauses.build(), weights, scoreMode, boost), scoreMode, boost);
    }

    /**
     * Required words standing for the weights {@link #wordWeights} made of them: each word a disjunction of its fields'
     * weights, or its own weight when it is a single clause.
     */
    private static Query madeWords(BooleanQuery words, List<List<Weight>> wordWeights, ScoreMode scoreMode, float boost) {
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        List<BooleanClause> clauses = words.clauses();
        for (int i = 0; i < clauses.size(); i++) {
            Query word = clauses.get(i).getQuery();
            List<Weight> fields = wordWeights.get(i);
            Query made = isDisjunction(word) ? MadeWeight.clausesOf((BooleanQuery) word, fields, scoreMode, boost)
                    : MadeWeight.of(word, fields.get(0), scoreMode, boost);
            out.add(made, clauses.get(i).getOccur());
        }
        return out.build();
    }

    /** Whether {@code q} is a plain disjunction of two or more clauses (optional clauses only), as {@link #clauseWeights} takes. */
    private static boolean isDisjunction(Query q) {
        return q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0 && b.clauses().size() >= 2
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
    }

    /**
     * Per required word, the weights of its fields, when the words are two or more required words scored from their
     * terms only (each a plain disjunction of its fields, or a single clause), made as Lucene's boolean weights make
     * them, so each scores as it does inside the words; else null.
     */
    private static List<List<Weight>> wordWeights(IndexSearcher searcher, Query words, ScoreMode scoreMode, float boost)
            throws IOException {
        if (!(words instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() != 0 || b.clauses().size() < 2
                || b.clauses().stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.MUST)
                || !QueryReader.scoresFromTermsOnly(words)) {
            return null;
        }
        List<List<Weight>> out = new ArrayList<>(b.clauses().size());
        for (BooleanClause c : b.clauses()) {
            List<Weight> fields = clauseWeights(searcher, c.getQuery(), scoreMode, boost);
            out.add(fields != null ? fields : List.of(searcher.createWeight(c.getQuery(), scoreMode, boost)));
        }
        return out;
    }

    /**
     * The weights of the words' clauses when the words are a plain disjunction (optional clauses only), made as
     * Lucene's boolean weight makes them, so each scores as it does inside the words; else null.
     */
    private static List<Weight> clauseWeights(IndexSearcher searcher, Query words, ScoreMode scoreMode, float boost)
            throws IOException {
        if (!isDisjunction(words)) {
            return null;
        }
        List<BooleanClause> clauses = ((BooleanQuery) words).clauses();
        List<Weight> out = new ArrayList<>(clauses.size());
        for (BooleanClause c : clauses) {
            out.add(searcher.createWeight(c.getQuery(), scoreMode, boost));
        }
        return out;
    }

    /**
     * The plain query's weight, but a top-level search for the top hits by score goes through {@link PriorBulkScorer}.
     */
    private final class TopScoresWeight extends Weight {
        private final IndexSearcher searcher;
        private final float boost;
        /** Made when first asked for: a search for the top hits needs only the words' weights. */
        private Weight plainWeight;
        private final Weight wordsWeight;
        /** Null unless {@link #fieldWeights} is not: the word's fields and the bonuses in one walk ({@link #bonusWalk}). */
        private final Weight bonusWalk;
        /** Null unless the words are required words ({@link #wordWeights}). */
        private final List<List<Weight>> wordWeights;
        /** Null unless the words are one word in its fields, a plain disjunction scored from terms ({@link #clauseWeights}). */
        private final List<Weight> fieldWeights;
        private final float[] values;
        private final SegmentCache<BonusDocs> bonusDocs;

        TopScoresWeight(IndexSearcher searcher, float boost, Weight wordsWeight, Weight bonusWalk,
                        List<List<Weight>> wordWeights, List<Weight> fieldWeights, float[] values,
                        SegmentCache<BonusDocs> bonusDocs) {
            super(PriorQuery.this);
            this.searcher = searcher;
            this.boost = boost;
            this.wordsWeight = wordsWeight;
            this.bonusWalk = bonusWalk;
            this.wordWeights = wordWeights;
            this.fieldWeights = fieldWeights;
            this.values = values;
            this.bonusDocs = bonusDocs;
        }

        /** The plain query's weight (its terms' statistics gathered anew), made once. */
        private synchronized Weight plainWeight() throws IOException {
            if (plainWeight == null) {
                plainWeight = searcher.createWeight(searcher.rewrite(plain), ScoreMode.TOP_SCORES, boost);
            }
            return plainWeight;
        }

        @Override
        public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
            FixedBitSet hits = KnownHits.in(context.reader());
            if (hits != null && wordWeights != null) {
                BulkScorer known = new KnownHitsScorer(hits, () -> ConjunctionAt.open(wordWeights, context));
                return new PriorBulkScorer(known, bonusDocs.of(context.reader()), values);
            }
            if (hits != null && fieldWeights != null) {
                BulkScorer walk = bonusWalk.bulkScorer(context);
                return walk == null ? null : new CarriedBonusScorer(walk, bonusDocs.of(context.reader()), values,
                        () -> DisjunctionAt.open(fieldWeights, context));
            }
            BulkScorer inner = wordsWeight.bulkScorer(context);
            if (inner == null) {
                return null;
            }
            return new PriorBulkScorer(inner, bonusDocs.of(context.reader()), values);
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
            return plainWeight().scorer(context);
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            return plainWeight().scorerSupplier(context);
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            return plainWeight().explain(context, doc);
        }

        @Override
        public Matches matches(LeafReaderContext context, int doc) throws IOException {
            return plainWeight().matches(context, doc);
        }

        @Override
        public int count(LeafReaderContext context) throws IOException {
            return plainWeight().count(context);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            try {
                return plainWeight().isCacheable(ctx);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        plain.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return plain.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && plain.equals(((PriorQuery) other).plain);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + plain.hashCode();
    }
}

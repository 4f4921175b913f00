package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisiPriorityQueue;
import org.apache.lucene.search.DisiWrapper;
import org.apache.lucene.search.DisjunctionDISIApproximation;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A relevance search of one word in its fields (the text, its compound parts, its heading: {@link PriorQuery} over a
 * plain disjunction of words) in one walk: the union of the fields' postings (Lucene's {@link
 * DisjunctionDISIApproximation}), each hit's facet signatures counted and its score made as the page scores it, the
 * hit handed to the page's collector. No bit set of hits, the postings read once, no skipping: the count must visit
 * every hit anyway.
 * <p>
 * A hit's score is the same float as the two-pass search gives it: its fields' scores (Lucene's own scorers of the
 * same weights) summed in a double and cast to float, plus, as one float addition, its bonuses' value ({@link
 * PriorBulkScorer}, {@link CarriedBonusScorer}); the double sum of BM25 scores is exact, so the fields' order does not
 * change it. The collector gets the hits in entry order, so ties are broken as before.
 */
final class OneWordPass {
    private final List<Weight> fields;
    private final SegmentCache<BonusDocs> bonusDocs;
    private final float[] values;
    private final SoughtTerms sought;

    private OneWordPass(List<Weight> fields, SegmentCache<BonusDocs> bonusDocs, float[] values, SoughtTerms sought) {
        this.fields = fields;
        this.bonusDocs = bonusDocs;
        this.values = values;
        this.sought = sought;
    }

    /**
     * The pass for {@code query} (a search's base query: the read query as its one required clause, nothing else), or
     * null when it is not one word in its fields with the evidence prior, scored from terms only.
     */
    static OneWordPass of(IndexSnapshot s, Query query) throws IOException {
        if (!(query instanceof BooleanQuery b) || b.clauses().size() != 1 || b.getMinimumNumberShouldMatch() != 0
                || b.clauses().get(0).getOccur() != BooleanClause.Occur.MUST
                || !(b.clauses().get(0).getQuery() instanceof ScoredQuery scored)
                || !(scored.scoring() instanceof PriorQuery prior) || !prior.words().equals(scored.matching())) {
            return null;
        }
        Query rewritten = s.rewrite(prior);
        if (!(rewritten instanceof PriorQuery p) || !isWordInFields(p.words())) {
            return null;
        }
        BooleanQuery words = (BooleanQuery) p.words();
        SoughtTerms sought = seek(s, words);
        List<Weight> fields = new ArrayList<>(words.clauses().size());
        for (BooleanClause c : words.clauses()) {
            // Weighed from the states just found (as the two-pass search weighs from its counting's), so not sought again.
            Query stated = KnownHits.stated(c.getQuery(), sought, s.getTopReaderContext());
            fields.add(s.createWeight(stated, ScoreMode.COMPLETE, 1f));
        }
        SegmentCache<BonusDocs> bonusDocs = BonusDocs.cache(p.bonuses().stream().map(PriorQuery.Bonus::which).toList());
        return new OneWordPass(fields, bonusDocs, PriorBulkScorer.values(p.bonuses(), 1f), sought);
    }

    /** Whether {@code words} is a plain disjunction (two or more optional clauses) scored from its terms only. */
    private static boolean isWordInFields(Query words) {
        return words instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0 && b.clauses().size() >= 2
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)
                && QueryReader.scoresFromTermsOnly(words);
    }

    /** Seeks every term of {@code words} in every segment, noting where each is held (for the weights and the highlighting). */
    private static SoughtTerms seek(IndexSnapshot s, Query words) throws IOException {
        Set<Term> terms = new LinkedHashSet<>();
        words.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... t) {
                terms.addAll(List.of(t));
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        SoughtTerms sought = new SoughtTerms(s.getTopReaderContext());
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            String field = null;
            TermsEnum te = null;
            for (Term t : terms) {
                if (!t.field().equals(field)) {
                    field = t.field();
                    Terms inField = leaf.reader().terms(field);
                    te = inField == null ? null : inField.iterator();
                }
                boolean found = te != null && te.seekExact(t.bytes());
                sought.put(leaf.ord, t, found ? new SoughtTerms.Found(te.termState(), te.docFreq(), te.totalTermFreq()) : null);
            }
        }
        return sought;
    }

    /** The words sought in each segment, with their states. */
    SoughtTerms sought() {
        return sought;
    }

    /**
     * Walks every hit once: counts its facets into {@code counting} (null: not counted) and hands it, scored, to
     * {@code page}, whose top hits it answers.
     */
    TopDocs run(IndexSnapshot s, FacetCounter.Counting counting, FacetCounter counter, TopFieldCollector page)
            throws IOException {
        Hit hit = new Hit();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            DisiPriorityQueue queue = new DisiPriorityQueue(fields.size());
            for (Weight w : fields) {
                Scorer scorer = w.scorer(leaf);
                if (scorer != null) {
                    if (scorer.twoPhaseIterator() != null) {
                        throw new IllegalStateException("a word's field scored in two phases: " + w.getQuery());
                    }
                    queue.add(new DisiWrapper(scorer));
                }
            }
            int[] counts = counting == null ? null : counting.countsOf(leaf.ord);
            if (queue.size() == 0) {
                continue;
            }
            SegmentFacetSignatures signatures = counter.segment(leaf.ord);
            BonusDocs bonuses = bonusDocs.of(leaf.reader());
            FixedBitSet anyBonus = bonuses.any();
            Bits live = leaf.reader().getLiveDocs();
            LeafCollector collector = page.getLeafCollector(leaf);
            collector.setScorer(hit);
            DocIdSetIterator union = new DisjunctionDISIApproximation(queue);
            for (int doc = union.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = union.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (counts != null) {
                    signatures.count(doc, counts);
                }
                double sum = 0;
                for (DisiWrapper w = queue.topList(); w != null; w = w.next) {
                    sum += w.scorer.score();
                }
                float score = (float) sum;
                if (anyBonus.get(doc)) {
                    score += values[bonuses.mask(doc)];
                }
                hit.doc = doc;
                hit.score = score;
                collector.collect(doc);
            }
        }
        return page.topDocs();
    }

    /** The hit the collector is handed: its entry and score. */
    private static final class Hit extends Scorable {
        int doc = -1;
        float score;

        @Override
        public float score() {
            return score;
        }

        @Override
        public int docID() {
            return doc;
        }
    }
}

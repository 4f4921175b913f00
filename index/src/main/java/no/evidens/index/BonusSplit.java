package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The first hits of a relevance search whose query carries constant bonuses ({@link EvidencePrior}: optional
 * {@link ScoreOnly} clauses of a constant score), found with Lucene's block-max skipping. A bonus of up to 1.1 beside
 * a word's score of 3–4 makes every block of postings a possible winner, so Lucene's skipping skipped nothing and a
 * term search scored every one of its hits (47,400 of 47,663 for one bench word, against 1,400 without the bonuses).
 * Here the hits are split by which bonuses they hold (two bonuses: four groups), each group searched for its own
 * first hits with its bonus as one constant that every hit of the group has (a tight bound, so skipping works), and
 * the groups' first hits merged in the same order. A hit's score is the same sum Lucene makes (the words' score, plus
 * the float sum of the bonuses it holds), and the page is the same: each hit of the page is among the first of its
 * own group. Lucene has no such split, hence this class.
 */
final class BonusSplit {
    /** More bonuses than this are not split (2^n groups). */
    private static final int MAX_BONUSES = 3;

    /** The parts of a query: the words that score, the filters beside them, each bonus's hits and constant score. */
    private record Parts(Query words, List<Query> filters, List<Query> bonusHits, List<Float> bonusScores) {
    }

    private BonusSplit() {
    }

    /**
     * The query without its bonuses (the same hits), or the query itself when it has none in the form split here.
     */
    static Query withoutBonuses(Query query) {
        Parts p = parts(query);
        return p == null ? query : conjunction(p.words(), p.filters(), List.of(), List.of());
    }

    /**
     * The first {@code n} hits of {@code query} in {@code sort} (which must begin with the score) with their sort
     * values, as {@code searcher.search(query, n, sort, false)} gives them; the total is not counted.
     */
    static TopDocs top(IndexSearcher searcher, Query query, int n, Sort sort) throws IOException {
        Parts p = parts(query);
        if (p == null) {
            return searcher.search(query, n, sort, false);
        }
        int bonuses = p.bonusHits().size();
        List<TopFieldDocs> groups = new ArrayList<>(1 << bonuses);
        for (int held = 0; held < 1 << bonuses; held++) {
            List<Query> with = new ArrayList<>();
            List<Query> without = new ArrayList<>();
            double bonus = 0;
            for (int b = 0; b < bonuses; b++) {
                if ((held & 1 << b) != 0) {
                    with.add(p.bonusHits().get(b));
                    bonus += p.bonusScores().get(b);
                } else {
                    without.add(p.bonusHits().get(b));
                }
            }
            BooleanQuery.Builder group = new BooleanQuery.Builder().add(conjunction(p.words(), p.filters(), with, without),
                    BooleanClause.Occur.MUST);
            if (held != 0) {
                // Lucene sums optional scores as doubles and adds them to the required score as one float.
                group.add(new BoostQuery(new ConstantScoreQuery(new MatchAllDocsQuery()), (float) bonus), BooleanClause.Occur.SHOULD);
            }
            int cap = Math.max(1, Math.min(n, searcher.getIndexReader().maxDoc()));
            // Skipping may start as soon as the page is full: the hits found are the same, only the count is not.
            TopFieldCollectorManager manager = new TopFieldCollectorManager(sort, cap, null, cap, false);
            TopFieldCollector collector = OneCollector.search(searcher, group.build(), manager.newCollector());
            groups.add(collector.topDocs());
        }
        // Equal on every sort value: the lower document first, as one collector orders them (no shard index is set).
        return TopDocs.merge(sort, n, groups.toArray(TopFieldDocs[]::new));
    }

    private static Query conjunction(Query words, List<Query> filters, List<Query> with, List<Query> without) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
        with.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
        without.forEach(f -> b.add(f, BooleanClause.Occur.MUST_NOT));
        return b.build();
    }

    /**
     * The parts of {@code query} = (+words, bonuses as optional constant-score {@link ScoreOnly} clauses) with
     * filters beside it, directly or one level out; null when it is not of that form.
     */
    private static Parts parts(Query query) {
        if (!(query instanceof BooleanQuery outer) || outer.getMinimumNumberShouldMatch() != 0) {
            return null;
        }
        Query inner = null;
        List<Query> filters = new ArrayList<>();
        boolean outerBonus = false;
        for (BooleanClause c : outer.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.FILTER) {
                filters.add(c.getQuery());
            } else if (c.getOccur() == BooleanClause.Occur.MUST && inner == null) {
                inner = c.getQuery();
            } else if (c.getOccur() == BooleanClause.Occur.SHOULD && c.getQuery() instanceof ScoreOnly) {
                outerBonus = true;
            } else {
                return null;
            }
        }
        if (outerBonus) {
            return filters.isEmpty() ? bonuses(outer, List.of()) : null;
        }
        if (!(inner instanceof BooleanQuery b)) {
            return null;
        }
        return bonuses(b, filters);
    }

    /** {@code q} as +words and constant bonuses, with {@code filters} beside; null when it is not of that form. */
    private static Parts bonuses(BooleanQuery q, List<Query> filters) {
        if (q.getMinimumNumberShouldMatch() != 0) {
            return null;
        }
        Query words = null;
        List<Query> hits = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (BooleanClause c : q.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.MUST && words == null) {
                words = c.getQuery();
            } else if (c.getOccur() == BooleanClause.Occur.SHOULD && c.getQuery() instanceof ScoreOnly bonus
                    && constant(bonus.inner()) != null) {
                hits.add(((ConstantScoreQuery) unboosted(bonus.inner())).getQuery());
                scores.add(constant(bonus.inner()));
            } else {
                return null;
            }
        }
        if (words == null || hits.isEmpty() || hits.size() > MAX_BONUSES) {
            return null;
        }
        return new Parts(words, filters, hits, scores);
    }

    /** The score every hit of {@code q} gets, when it is a constant-score query (boosted once or not); else null. */
    private static Float constant(Query q) {
        if (q instanceof ConstantScoreQuery) {
            return 1f;
        }
        if (q instanceof BoostQuery boost && boost.getQuery() instanceof ConstantScoreQuery) {
            return boost.getBoost();
        }
        return null;
    }

    private static Query unboosted(Query q) {
        return q instanceof BoostQuery boost ? boost.getQuery() : q;
    }
}

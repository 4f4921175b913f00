package no.evidens.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Where the evidence prior's bonuses lie in one segment ({@link PriorQuery}): per bonus, the entries its query
 * matches, and the entries that hold any. Read once per segment, when a search first ranks in it, and kept while the
 * segment is open ({@link SegmentCache}), so a refreshed snapshot reads only its new segments: two bits and a bit per
 * entry (0.4 MB at 1 M passages). Deleted entries are kept in (the bits depend on the segment's postings only), so
 * the core cache key fits.
 *
 * @param each  per bonus, in the order of the query's bonuses, the entries it matches
 * @param any   the entries that match at least one bonus
 */
record BonusDocs(FixedBitSet[] each, FixedBitSet any) {
    /** Per list of bonus queries (one or two lists live: the prior per analyzer), the segments read so far. */
    private static final Map<List<Query>, SegmentCache<BonusDocs>> CACHES = new ConcurrentHashMap<>();

    /** The bonuses' entries in {@code segment}, read where not kept yet. */
    static BonusDocs of(LeafReader segment, List<Query> bonuses) throws IOException {
        return cache(bonuses).of(segment);
    }

    /** The segments read so far for {@code bonuses}: a search looks them up once, not per segment. */
    static SegmentCache<BonusDocs> cache(List<Query> bonuses) {
        return CACHES.computeIfAbsent(bonuses, b -> new SegmentCache<>(s -> read(s, b)));
    }

    /** Which of the bonuses entry {@code doc} holds, one bit per bonus (at most 31 bonuses). */
    int mask(int doc) {
        int mask = 0;
        for (int i = 0; i < each.length; i++) {
            if (each[i].get(doc)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /**
     * The entries of {@code known} (a segment's known hits, {@link KnownHits}) holding a bonus: a new bit set, or null
     * when none does.
     */
    FixedBitSet held(FixedBitSet known) {
        FixedBitSet out = known.clone();
        out.and(any);
        return out.scanIsEmpty() ? null : out;
    }

    private static BonusDocs read(LeafReader segment, List<Query> bonuses) throws IOException {
        // A searcher over the segment alone: the bits depend on the postings, not on any snapshot's statistics.
        IndexSearcher searcher = new IndexSearcher(segment);
        searcher.setQueryCache(null);
        FixedBitSet[] each = new FixedBitSet[bonuses.size()];
        FixedBitSet any = new FixedBitSet(Math.max(1, segment.maxDoc()));
        for (int i = 0; i < each.length; i++) {
            each[i] = matches(searcher, segment, bonuses.get(i));
            any.or(each[i]);
        }
        return new BonusDocs(each, any);
    }

    private static FixedBitSet matches(IndexSearcher searcher, LeafReader segment, Query query) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, segment.maxDoc()));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = weight.scorer(segment.getContext());
        if (scorer == null) {
            return bits;
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (twoPhase == null || twoPhase.matches()) {
                bits.set(doc);
            }
        }
        return bits;
    }
}

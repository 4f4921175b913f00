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
     * The entries of {@code known} (a segment's known hits, {@link KnownHits}) holding a bonus, in order, read from the
     * two bit sets as it goes (no set of them made), or null when none does. Its cost is 1 (see {@link BonusClause}).
     */
    Held held(FixedBitSet known) {
        long[] k = known.getBits();
        long[] a = any.getBits();
        int words = Math.min(FixedBitSet.bits2words(known.length()), FixedBitSet.bits2words(any.length()));
        for (int i = 0; i < words; i++) {
            if ((k[i] & a[i]) != 0) {
                return new Held(k, a, words, i);
            }
        }
        return null;
    }

    /**
     * The entries set in both of two bit sets' words, found word by word as they are asked for. A clone of one set ANDed
     * with the other (as before) allocated and copied the whole segment's set for every search and segment (1.8% of a
     * one-word search's samples and about 125 KB of its allocation at 1 M passages; docs/search-speed-rounds.md, thirty-first round),
     * where the page's walk asks for a few thousand entries. Lucene's conjunction of two {@code BitSetIterator}s gives
     * the same entries by leaping from one set to the other, a search of each set per step; it has no single pass over
     * both words, hence this class.
     */
    static final class Held extends DocIdSetIterator {
        private final long[] known;
        private final long[] any;
        private final int words;
        /** The first word with an entry in both (the first entry is found there). */
        private final int first;
        private int doc = -1;

        private Held(long[] known, long[] any, int words, int first) {
            this.known = known;
            this.any = any;
            this.words = words;
            this.first = first;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return doc == NO_MORE_DOCS ? doc : advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            int i = target >> 6;
            if (i < first) {
                i = first;
                target = first << 6;
            }
            if (i >= words) {
                return doc = NO_MORE_DOCS;
            }
            long word = (known[i] & any[i]) >>> target;
            if (word != 0) {
                return doc = target + Long.numberOfTrailingZeros(word);
            }
            while (++i < words) {
                word = known[i] & any[i];
                if (word != 0) {
                    return doc = (i << 6) + Long.numberOfTrailingZeros(word);
                }
            }
            return doc = NO_MORE_DOCS;
        }

        /** 1: the bonus clause is essential whenever a field is ({@link BonusClause}). */
        @Override
        public long cost() {
            return 1;
        }
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

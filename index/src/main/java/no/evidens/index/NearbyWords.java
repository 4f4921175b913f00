package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * In a relaxed search (any word enough), each of the query's words that a passage lacks but another passage of its
 * document holds close before or after it (that passage's start within {@value #REACH} characters of this one's: about
 * the passage before and the one after) adds part of a tier ({@value #SHARE} of {@link QueryReader#WORD_TIER}). A report
 * states a case's facts and the finding about them in neighbouring passages, so a natural question's words often stand
 * spread over two or three of them; of two passages that hold the same words, the one whose neighbours hold the
 * question's other words comes first. Weaker than its report's words ({@link DocumentWords}), so it orders passages
 * within what the tiers and the report's words leave. Measured on the real-text dev queries (docs/relevance-rounds.md): dev
 * nDCG@10 0.863 → 0.870, natural phrasing 0.811 → 0.825; shares 0.1 and 0.15 the same, 0.25 and 0.35 less; a reach
 * of 400 as good with a lower recall@20, 800 and 1000 less; counting a word the passage holds itself too cost the
 * sample set.
 * <p>
 * Each bonus is an optional constant clause beside the ranked query, which stays required, so no passage becomes a hit
 * by its neighbours alone; the clauses are {@link ScoreOnly}, so the highlighter shows none of their matches. Where the
 * word stands is found when the query is weighed, on the searcher that runs it ({@link Near}), from the document key
 * and the start each passage has (the SolrCloud schema has both, and a case lives on one shard, so both engines rank
 * alike). Lucene has no query for "near a passage that matches" across entries, hence {@link Near}.
 */
final class NearbyWords {
    /** The share of a word's tier that a neighbouring passage holding the word adds. */
    static final float SHARE = 0.15f;
    /** How far (characters between passage starts) a passage counts as a neighbour: a passage is at most about 800. */
    static final long REACH = 600;
    /** The key of each entry's document, per segment: the cache {@link DocumentWords} reads. */
    private static final SegmentCache<SegmentDocumentKeys> KEYS = DocumentWords.KEYS;

    private NearbyWords() {
    }

    /** {@code ranked} required, with an optional bonus per word of {@code words} (each word's query). */
    static Query added(Query ranked, List<Query> words) {
        return OneWordQuery.added(ranked, words, Near::new, word -> SHARE);
    }

    /**
     * The passages that do not match {@code word} while another passage of their document, starting within
     * {@link #REACH} characters of them, does: weighed on a searcher, it finds where the word's passages stand there.
     */
    static final class Near extends OneWordQuery {
        Near(Query word) {
            super("near", word);
        }

        @Override
        OneWordQuery of(Query word) {
            return new Near(word);
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            Map<Integer, FixedBitSet> holding = new HashMap<>();
            Map<String, long[]> starts = starts(searcher, holding);
            List<BytesRef> keys = starts.keySet().stream().map(BytesRef::new).toList();
            Weight documents = keys.isEmpty() ? null
                    : searcher.createWeight(searcher.rewrite(new TermInSetQuery(PassageSchema.DOC_KEY, keys)),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
            return new ConstantScoreWeight(this, boost) {
                @Override
                public Scorer scorer(LeafReaderContext context) throws IOException {
                    FixedBitSet near = documents == null ? null : near(context, documents, starts, holding.get(context.ord));
                    if (near == null) {
                        return null;
                    }
                    int n = near.cardinality();
                    return n == 0 ? null : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(near, n));
                }

                @Override
                public boolean isCacheable(LeafReaderContext context) {
                    // what it matches in a segment depends on the other segments, so a segment's answer is not to be kept
                    return false;
                }
            };
        }

        /** Per document key that holds the word, the sorted starts of its passages that match it, on {@code searcher}. */
        private Map<String, long[]> starts(IndexSearcher searcher, Map<Integer, FixedBitSet> holding) throws IOException {
            Weight w = searcher.createWeight(searcher.rewrite(word), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Map<String, List<Long>> found = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer s = w.scorer(leaf);
                if (s == null) {
                    continue;
                }
                SegmentDocumentKeys documents = KEYS.of(leaf.reader());
                NumericDocValues start = DocValues.getNumeric(leaf.reader(), PassageSchema.SORT_START);
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = s.iterator();
                FixedBitSet held = new FixedBitSet(leaf.reader().maxDoc());
                holding.put(leaf.ord, held);
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    held.set(doc);
                    String key = documents.key(doc);
                    if ((live != null && !live.get(doc)) || key == null || !start.advanceExact(doc)) {
                        continue;
                    }
                    found.computeIfAbsent(key, k -> new ArrayList<>()).add(start.longValue());
                }
            }
            Map<String, long[]> out = new HashMap<>(found.size() * 2);
            found.forEach((key, list) -> {
                long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
                out.put(key, sorted);
            });
            return out;
        }

        /**
         * The entries of one segment that do not match the word ({@code held}, the segment's matches) and whose document
         * has a matching passage near them, or null.
         */
        private static FixedBitSet near(LeafReaderContext context, Weight documents, Map<String, long[]> starts,
                                        FixedBitSet held) throws IOException {
            Scorer candidates = documents.scorer(context);
            if (candidates == null) {
                return null;
            }
            SegmentDocumentKeys keys = KEYS.of(context.reader());
            NumericDocValues start = DocValues.getNumeric(context.reader(), PassageSchema.SORT_START);
            FixedBitSet out = new FixedBitSet(context.reader().maxDoc());
            DocIdSetIterator it = candidates.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                String key = keys.key(doc);
                if (held != null && held.get(doc)) {
                    continue;
                }
                if (key != null && start.advanceExact(doc) && neighbour(starts.get(key), start.longValue())) {
                    out.set(doc);
                }
            }
            return out;
        }

        /** Whether {@code sorted} holds a start other than {@code at} within {@link #REACH} of it. */
        static boolean neighbour(long[] sorted, long at) {
            if (sorted == null) {
                return false;
            }
            int i = Arrays.binarySearch(sorted, at - REACH);
            for (int k = i < 0 ? -i - 1 : i; k < sorted.length && sorted[k] <= at + REACH; k++) {
                if (sorted[k] != at) {
                    return true;
                }
            }
            return false;
        }
    }
}

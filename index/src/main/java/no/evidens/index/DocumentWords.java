package no.evidens.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * In a relaxed search (any word enough), the query's words that a passage's document holds, somewhere in any of its
 * passages, add part of a tier ({@value #SHARE} of {@link QueryReader#WORD_TIER} each): of two passages that hold the
 * same words, the one whose report is about all of the query's words comes first, before one from a report that
 * mentions only some of them. The tiers of the passage's own words stay the stronger signal.
 * <p>
 * Each bonus is an optional constant clause beside the ranked query, which stays required, so no passage becomes a
 * hit by its document alone; the clauses are {@link ScoreOnly}, so the highlighter shows none of their matches. Which
 * documents hold a word is found when the query is weighed, on the searcher that runs it ({@link Held}): the embedded
 * index's snapshot, or a SolrCloud shard's searcher, where a case's documents live on one shard, so both engines rank
 * alike. Lucene has no query that joins passages to the other passages of their document by a key field without a
 * block join's parent entries, hence {@link Held}.
 */
final class DocumentWords {
    /** The share of a word's tier that a passage's document holding the word adds. */
    static final float SHARE = 0.5f;
    /** The key of each entry's document, per segment, kept while the segment is open (a relaxed search reads it). */
    static final SegmentCache<SegmentDocumentKeys> KEYS = new SegmentCache<>(SegmentDocumentKeys::of);

    private DocumentWords() {
    }

    /** {@code ranked} required, with an optional bonus per word of {@code words} (each word's query). */
    static Query added(Query ranked, List<Query> words) {
        return added(ranked, words, Set.of());
    }

    /**
     * As {@link #added(Query, List)}, with the words of {@code party} (by identity: a natural query's party words,
     * {@link PartyWords}) worth {@link PartyWords#SHARE} of a tier when the passage's document holds them.
     */
    static Query added(Query ranked, List<Query> words, Set<Query> party) {
        return OneWordQuery.added(ranked, words, Held::new, word -> party.contains(word) ? PartyWords.SHARE : SHARE);
    }

    /**
     * The entries of every document one of whose passages matches {@code word}: weighed on a searcher, it finds those
     * documents' keys there and matches their entries by key ({@link PassageSchema#DOC_KEY}).
     */
    static final class Held extends OneWordQuery {
        Held(Query word) {
            super("document", word);
        }

        @Override
        OneWordQuery of(Query word) {
            return new Held(word);
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            Set<BytesRef> keys = keys(searcher);
            Query documents = keys.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(PassageSchema.DOC_KEY, keys);
            return new FilterWeight(this, searcher.createWeight(searcher.rewrite(documents), scoreMode, boost)) {
                @Override
                public boolean isCacheable(LeafReaderContext context) {
                    // what it matches in a segment depends on the other segments (a document's passages may lie in
                    // several on SolrCloud), so a segment's answer is not to be kept under this query
                    return false;
                }
            };
        }

        /** The keys of the documents that hold the word on {@code searcher}. */
        private Set<BytesRef> keys(IndexSearcher searcher) throws IOException {
            Weight w = searcher.createWeight(searcher.rewrite(word), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Set<BytesRef> keys = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer s = w.scorer(leaf);
                if (s == null) {
                    continue;
                }
                SegmentDocumentKeys documents = KEYS.of(leaf.reader());
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = s.iterator();
                String last = null;
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String key = documents.key(doc);
                    // a document's passages stand together, so most hits repeat the key before them
                    if (key != null && !key.equals(last)) {
                        keys.add(new BytesRef(key));
                        last = key;
                    }
                }
            }
            return keys;
        }
    }
}

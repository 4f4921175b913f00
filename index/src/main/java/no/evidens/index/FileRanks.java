package no.evidens.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The rank of each entry's file among all file names of one reader (a snapshot): Lucene's global ordinals of the
 * sorted file doc values ({@link OrdinalMap}), which keep the names' byte order, so comparing two ranks orders two
 * entries as comparing their names does. Built once per reader and kept while the reader is open: a refreshed
 * snapshot builds its own (its new segments may hold names between the old ones).
 */
final class FileRanks {
    /** The ranks of each open reader, by its cache key (dropped when the reader closes). */
    private static final Map<IndexReader.CacheKey, FileRanks> BY_READER = new ConcurrentHashMap<>();

    private final String field;
    /** Null when the reader has at most one segment: a segment's own ordinals are then the ranks. */
    private final OrdinalMap ordinals;

    private FileRanks(String field, OrdinalMap ordinals) {
        this.field = field;
        this.ordinals = ordinals;
    }

    /** The ranks of {@code field} in {@code top} (a top-level reader), built on first use and kept while it is open. */
    static FileRanks of(IndexReader top, String field) throws IOException {
        IndexReader.CacheHelper helper = top.getReaderCacheHelper();
        if (helper == null || !PassageSchema.SORT_FILE.equals(field)) {
            return build(top, field);
        }
        FileRanks ranks = BY_READER.get(helper.getKey());
        if (ranks == null) {
            ranks = build(top, field);
            FileRanks earlier = BY_READER.putIfAbsent(helper.getKey(), ranks);
            if (earlier == null) {
                helper.addClosedListener(BY_READER::remove);
            } else {
                ranks = earlier;
            }
        }
        return ranks;
    }

    private static FileRanks build(IndexReader top, String field) throws IOException {
        if (top.leaves().size() <= 1) {
            return new FileRanks(field, null);
        }
        SortedDocValues[] values = new SortedDocValues[top.leaves().size()];
        for (LeafReaderContext leaf : top.leaves()) {
            values[leaf.ord] = DocValues.getSorted(leaf.reader(), field);
        }
        IndexReader.CacheHelper helper = top.getReaderCacheHelper();
        return new FileRanks(field, OrdinalMap.build(helper == null ? null : helper.getKey(), values, PackedInts.DEFAULT));
    }

    /** How many readers' ranks are kept. */
    static int kept() {
        return BY_READER.size();
    }

    /** The ranks of one segment's entries. */
    Leaf leaf(LeafReaderContext segment) throws IOException {
        return new Leaf(DocValues.getSorted(segment.reader(), field),
                ordinals == null ? LongValues.IDENTITY : ordinals.getGlobalOrds(segment.ord));
    }

    /**
     * The ranks of one segment's entries, read in increasing entry order (a doc values iterator); one search on
     * one thread.
     */
    static final class Leaf {
        /** The rank of an entry without a file: before every file, as Lucene's string sort puts a missing value. */
        static final int MISSING = -1;

        private final SortedDocValues names;
        private final LongValues toRank;
        private int doc = -1;
        private int rank = MISSING;

        private Leaf(SortedDocValues names, LongValues toRank) {
            this.names = names;
            this.toRank = toRank;
        }

        /** The rank of {@code doc}'s file; entries must be asked for in increasing order (the same one again is fine). */
        int rank(int doc) throws IOException {
            if (doc != this.doc) {
                this.doc = doc;
                rank = names.advanceExact(doc) ? (int) toRank.get(names.ordValue()) : MISSING;
            }
            return rank;
        }
    }
}

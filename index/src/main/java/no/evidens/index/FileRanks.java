package no.evidens.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The rank of each entry's file among all file names of one reader (a snapshot): Lucene's global ordinals of the
 * sorted file doc values ({@link OrdinalMap}), which keep the names' byte order, so comparing two ranks orders two
 * entries as comparing their names does. Built once per reader and kept while the reader is open: a refreshed
 * snapshot builds its own (its new segments may hold names between the old ones).
 * <p>
 * A rank is two array reads: each segment's ordinal per entry is read once into an array and kept while the segment
 * is open (4 bytes an entry), and each segment's ordinals are mapped to ranks once per reader. Read from the doc values
 * instead, each search opened every segment's sorted doc values for the tie order and looked up an entry's ordinal and
 * its rank in packed arrays for every hit that tied the page's lowest score: 2% of a one-word search's processor time.
 */
final class FileRanks {
    /** The ranks of each open reader, by its cache key (dropped when the reader closes). */
    private static final Map<IndexReader.CacheKey, FileRanks> BY_READER = new ConcurrentHashMap<>();
    /** The file ordinal of each entry of a segment, kept while the segment is open (a refreshed reader reads only new ones). */
    private static final SegmentCache<int[]> FILE_ORDS = new SegmentCache<>(segment -> ords(segment, PassageSchema.SORT_FILE));

    /** Per segment (by its ord in the reader), the segment's ordinal of each entry's name ({@link Leaf#MISSING}: none). */
    private final int[][] ords;
    /** Per segment, the rank of each of its ordinals; null when the reader has at most one segment (its ordinals are the ranks). */
    private final int[][] ranks;

    private FileRanks(int[][] ords, int[][] ranks) {
        this.ords = ords;
        this.ranks = ranks;
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
        List<LeafReaderContext> leaves = top.leaves();
        int[][] ords = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            ords[leaf.ord] = PassageSchema.SORT_FILE.equals(field) ? FILE_ORDS.of(leaf.reader()) : ords(leaf.reader(), field);
        }
        if (leaves.size() <= 1) {
            return new FileRanks(ords, null);
        }
        SortedDocValues[] values = new SortedDocValues[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            values[leaf.ord] = DocValues.getSorted(leaf.reader(), field);
        }
        IndexReader.CacheHelper helper = top.getReaderCacheHelper();
        OrdinalMap map = OrdinalMap.build(helper == null ? null : helper.getKey(), values, PackedInts.DEFAULT);
        int[][] ranks = new int[leaves.size()][];
        for (int seg = 0; seg < ranks.length; seg++) {
            LongValues toRank = map.getGlobalOrds(seg);
            ranks[seg] = new int[values[seg].getValueCount()];
            for (int ord = 0; ord < ranks[seg].length; ord++) {
                ranks[seg][ord] = (int) toRank.get(ord);
            }
        }
        return new FileRanks(ords, ranks);
    }

    /** The ordinal of each entry's value of {@code field} in {@code segment}, {@link Leaf#MISSING} for an entry without one. */
    private static int[] ords(LeafReader segment, String field) throws IOException {
        int[] out = new int[segment.maxDoc()];
        Arrays.fill(out, Leaf.MISSING);
        SortedDocValues values = DocValues.getSorted(segment, field);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            out[doc] = values.ordValue();
        }
        return out;
    }

    /** How many readers' ranks are kept. */
    static int kept() {
        return BY_READER.size();
    }

    /** The ranks of one segment's entries. */
    Leaf leaf(LeafReaderContext segment) {
        return new Leaf(ords[segment.ord], ranks == null ? null : ranks[segment.ord]);
    }

    /** The ranks of one segment's entries. */
    static final class Leaf {
        /** The rank of an entry without a file: before every file, as Lucene's string sort puts a missing value. */
        static final int MISSING = -1;

        private final int[] ords;
        /** Null: the ordinals are the ranks. */
        private final int[] toRank;

        private Leaf(int[] ords, int[] toRank) {
            this.ords = ords;
            this.toRank = toRank;
        }

        /** The rank of {@code doc}'s file. */
        int rank(int doc) {
            int ord = ords[doc];
            return ord < 0 || toRank == null ? ord : toRank[ord];
        }
    }
}

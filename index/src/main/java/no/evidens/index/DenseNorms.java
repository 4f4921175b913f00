package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The norms of the scored fields (text, parts, heading) held on the heap as one byte per entry, instead of read
 * through the index's sparse norms. Those fields are missing on the whole-document entries, so Lucene stores their
 * norms sparsely, and scoring a hit then finds its norm through a bit set's rank (Lucene's {@code IndexedDISI}):
 * nearly a fifth of the processor time of the bench's term and broad searches (1 M passages). Here a hit's norm is
 * an array read.
 * The values are the index's own, so scores do not change. A segment's norms are read once, when a snapshot first
 * sees the segment, and kept while it is open: 3 bytes and 3 bits per entry (3.4 MB at 1 M passages). Lucene has no
 * option to load norms densely, hence this reader wrapper; it changes nothing else, so it shares its segments'
 * cache keys.
 */
final class DenseNorms {
    static final List<String> FIELDS = List.of(PassageSchema.TEXT, PassageSchema.PARTS, PassageSchema.HEADING);

    private DenseNorms() {
    }

    /** One field's norms of one segment: the value of each entry that has one. */
    record Values(byte[] values, FixedBitSet present, int cost) {
    }

    /** A fresh cache of the segments' dense norms, for {@link #wrap}. */
    static SegmentCache<Map<String, Values>> newCache() {
        return new SegmentCache<>(DenseNorms::read);
    }

    /** {@code reader} (and every reader reopened from it) with the scored fields' norms dense. */
    static DirectoryReader wrap(DirectoryReader reader, SegmentCache<Map<String, Values>> cache) throws IOException {
        try {
            return new Reader(reader, cache);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The norms of a segment's scored fields; a field without norms, or with a value beyond a byte, is left out. */
    private static Map<String, Values> read(LeafReader segment) throws IOException {
        Map<String, Values> out = new HashMap<>();
        for (String field : FIELDS) {
            NumericDocValues norms = segment.getNormValues(field);
            Values v = norms == null ? null : load(norms, segment.maxDoc());
            if (v != null) {
                out.put(field, v);
            }
        }
        return out;
    }

    /** Every value of {@code norms} (unread) in arrays, or null if one is beyond a byte. */
    static Values load(NumericDocValues norms, int maxDoc) throws IOException {
        byte[] values = new byte[maxDoc];
        FixedBitSet present = new FixedBitSet(maxDoc);
        int count = 0;
        for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
            long v = norms.longValue();
            if (v != (byte) v) {
                return null;
            }
            values[doc] = (byte) v;
            present.set(doc);
            count++;
        }
        return new Values(values, present, count);
    }

    private static final class Reader extends FilterDirectoryReader {
        private final SegmentCache<Map<String, Values>> cache;

        Reader(DirectoryReader in, SegmentCache<Map<String, Values>> cache) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                public LeafReader wrap(LeafReader segment) {
                    try {
                        return new Leaf(segment, cache.of(segment));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            this.cache = cache;
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
            return wrap(in, cache);
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    private static final class Leaf extends FilterLeafReader {
        private final Map<String, Values> norms;

        Leaf(LeafReader in, Map<String, Values> norms) {
            super(in);
            this.norms = norms;
        }

        @Override
        public NumericDocValues getNormValues(String field) throws IOException {
            Values v = norms.get(field);
            return v == null ? super.getNormValues(field) : new Iterator(v);
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    /** The norms of one field of one segment as Lucene reads them: the entries that have one, in order. */
    static final class Iterator extends NumericDocValues {
        private final byte[] values;
        private final FixedBitSet present;
        private final int cost;
        private int doc = -1;

        Iterator(Values v) {
            this.values = v.values();
            this.present = v.present();
            this.cost = v.cost();
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return present.get(target);
        }

        @Override
        public long longValue() {
            return values[doc];
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = target >= present.length() ? NO_MORE_DOCS : present.nextSetBit(target);
            return doc;
        }

        @Override
        public long cost() {
            return cost;
        }
    }
}

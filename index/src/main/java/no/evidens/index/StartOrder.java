package no.evidens.index;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.SortField;

/**
 * Orders entries by their start in the document ({@link PassageSchema#SORT_START}) as Lucene's long sort does
 * ({@code SortField.Type.LONG}: ascending, an entry without a start as 0), but reads each segment's starts from an
 * array read once per segment and kept while it is open, not from the doc values. Lucene's comparator reads a hit's start
 * from the doc values (a sparse field: a look-up in its index of entries, then the packed value in the mapped file) each
 * time the hit enters the page, and opens the segment's doc values again for every search: the start was two thirds of the
 * tie order's time in a term search at 1 M passages (docs/search-speed-rounds.md, round 58). A page's sort value of this
 * field is the start as a {@link Long}, as Lucene's.
 */
final class StartOrder extends FieldComparatorSource {
    private static final StartOrder INSTANCE = new StartOrder();
    /** Each segment's starts, kept while the segment is open. */
    private static final SegmentCache<Starts> STARTS = new SegmentCache<>(Starts::read);

    private StartOrder() {
    }

    /** Ascending order of the entries' starts, as {@code new SortField(PassageSchema.SORT_START, SortField.Type.LONG)}. */
    static SortField field() {
        return new SortField(PassageSchema.SORT_START, INSTANCE);
    }

    /** The starts of {@code segment}, read once while it is open (a snapshot reads them as it opens, for its first search). */
    static void read(LeafReader segment) throws IOException {
        STARTS.of(segment);
    }

    @Override
    public FieldComparator<Long> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        if (!PassageSchema.SORT_START.equals(field)) {
            throw new IllegalArgumentException("StartOrder orders " + PassageSchema.SORT_START + " only, not " + field);
        }
        return new Comparator(numHits);
    }

    /**
     * One segment's starts: as {@code int}s where every start fits in one (4 bytes an entry; a passage's start is a
     * character offset in its document), else as {@code long}s.
     */
    private record Starts(int[] narrow, long[] wide) {
        long get(int doc) {
            return narrow != null ? narrow[doc] : wide[doc];
        }

        static Starts read(LeafReader segment) throws IOException {
            long[] values = new long[segment.maxDoc()];
            // an entry without a start: 0, Lucene's missing value of a long sort
            NumericDocValues dv = DocValues.getNumeric(segment, PassageSchema.SORT_START);
            boolean fitsInt = true;
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                long v = dv.longValue();
                values[doc] = v;
                fitsInt &= v == (int) v;
            }
            if (!fitsInt) {
                return new Starts(null, values);
            }
            int[] narrow = new int[values.length];
            Arrays.setAll(narrow, i -> (int) values[i]);
            return new Starts(narrow, null);
        }
    }

    private static final class Comparator extends EntryNumberOrder<Long> {
        Comparator(int numHits) {
            super(numHits);
        }

        @Override
        Numbers numbers(LeafReaderContext context) throws IOException {
            return STARTS.of(context.reader())::get;
        }

        @Override
        Long boxed(long start) {
            return start;
        }

        @Override
        long unboxed(Long start) {
            return start;
        }
    }
}

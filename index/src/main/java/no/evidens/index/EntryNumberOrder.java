package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Scorable;

/**
 * Lucene's comparator plumbing for an ascending order of a number each segment gives its entries (a file's rank,
 * {@link FileOrder}; a passage's start, {@link StartOrder}): the page's slots hold the numbers, a segment says an
 * entry's. Written once for both orders; each says how a segment reads its numbers and how a page's sort value is boxed.
 *
 * @param <T> the type of a page's sort value of this field
 */
abstract class EntryNumberOrder<T> extends FieldComparator<T> {
    /** A segment's number for each of its entries. */
    @FunctionalInterface
    interface Numbers {
        long of(int doc) throws IOException;
    }

    private final long[] values;
    private long bottom;
    private long top;

    EntryNumberOrder(int numHits) {
        this.values = new long[numHits];
    }

    /** The numbers of the segment {@code context}. */
    abstract Numbers numbers(LeafReaderContext context) throws IOException;

    /** A slot's number as the page's sort value. */
    abstract T boxed(long value);

    /** A page's sort value as its number. */
    abstract long unboxed(T value);

    @Override
    public final int compare(int slot1, int slot2) {
        return Long.compare(values[slot1], values[slot2]);
    }

    @Override
    public final void setTopValue(T value) {
        top = unboxed(value);
    }

    @Override
    public final T value(int slot) {
        return boxed(values[slot]);
    }

    @Override
    public final LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
        Numbers numbers = numbers(context);
        return new LeafFieldComparator() {
            @Override
            public void setBottom(int slot) {
                bottom = values[slot];
            }

            @Override
            public int compareBottom(int doc) throws IOException {
                return Long.compare(bottom, numbers.of(doc));
            }

            @Override
            public int compareTop(int doc) throws IOException {
                return Long.compare(top, numbers.of(doc));
            }

            @Override
            public void copy(int slot, int doc) throws IOException {
                values[slot] = numbers.of(doc);
            }

            @Override
            public void setScorer(Scorable scorer) {
                // the order needs no scores
            }
        };
    }
}

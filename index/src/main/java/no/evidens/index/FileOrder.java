package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.SortField;

/**
 * Orders entries by their file name as Lucene's string sort does ({@code SortField.Type.STRING}: byte order,
 * an entry without a name first), but compares each file's integer rank in the searched reader
 * ({@link FileRanks}) instead of the name: Lucene's string comparator copies a hit's name (a decompressed block of
 * the names' dictionary) each time the hit enters the page, a tenth of a term search's page at 1 M passages; here
 * it stores an int. A page's sort value of this field is that rank (an {@link Integer}), meaningful only within
 * one reader.
 */
final class FileOrder extends FieldComparatorSource {
    private static final FileOrder INSTANCE = new FileOrder();

    private FileOrder() {
    }

    /** Ascending order of {@code field}'s name (a sorted doc values field), as a string sort of it. */
    static SortField of(String field) {
        return new SortField(field, INSTANCE);
    }

    @Override
    public FieldComparator<Integer> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new Comparator(field, numHits);
    }

    private static final class Comparator extends EntryNumberOrder<Integer> {
        private final String field;

        Comparator(String field, int numHits) {
            super(numHits);
            this.field = field;
        }

        @Override
        Numbers numbers(LeafReaderContext context) throws IOException {
            return FileRanks.of(ReaderUtil.getTopLevelContext(context).reader(), field).leaf(context)::rank;
        }

        @Override
        Integer boxed(long rank) {
            return (int) rank;
        }

        @Override
        long unboxed(Integer rank) {
            return rank;
        }
    }
}

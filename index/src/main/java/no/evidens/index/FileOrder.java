package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
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

    private static final class Comparator extends FieldComparator<Integer> {
        private final String field;
        private final int[] ranks;
        private int bottom;
        private int top;

        Comparator(String field, int numHits) {
            this.field = field;
            this.ranks = new int[numHits];
        }

        @Override
        public int compare(int slot1, int slot2) {
            return Integer.compare(ranks[slot1], ranks[slot2]);
        }

        @Override
        public void setTopValue(Integer value) {
            top = value;
        }

        @Override
        public Integer value(int slot) {
            return ranks[slot];
        }

        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
            FileRanks.Leaf leaf = FileRanks.of(ReaderUtil.getTopLevelContext(context).reader(), field).leaf(context);
            return new LeafFieldComparator() {
                @Override
                public void setBottom(int slot) {
                    bottom = ranks[slot];
                }

                @Override
                public int compareBottom(int doc) throws IOException {
                    return Integer.compare(bottom, leaf.rank(doc));
                }

                @Override
                public int compareTop(int doc) throws IOException {
                    return Integer.compare(top, leaf.rank(doc));
                }

                @Override
                public void copy(int slot, int doc) throws IOException {
                    ranks[slot] = leaf.rank(doc);
                }

                @Override
                public void setScorer(Scorable scorer) {
                    // the order needs no scores
                }
            };
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The tie order by the starts kept per segment lists hits exactly as Lucene's long sort of the start does, with the same
 * sort values: across segments, for entries without a start, for starts beyond an {@code int}, after a refresh, and
 * after a page from another reader (searching after a hit).
 */
class StartOrderTest {
    @Test
    void ordersAsTheLongSortAcrossSegmentsAndAfterARefresh() throws IOException {
        Random random = new Random(23);
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(d, config)) {
            add(w, random, 3, false);
            try (DirectoryReader first = DirectoryReader.open(w)) {
                assertSameOrder(first);
                // a segment whose starts do not fit in an int
                add(w, random, 2, true);
                try (DirectoryReader second = DirectoryReader.openIfChanged(first, w)) {
                    assertEquals(5, second.leaves().size());
                    assertSameOrder(second);
                    assertSameOrder(first);
                }
            }
        }
    }

    /** Relevance, document and date order with the start as Lucene's long sort and as {@link StartOrder}: the same hits and values. */
    private static void assertSameOrder(DirectoryReader reader) throws IOException {
        SortField lucene = new SortField(PassageSchema.SORT_START, SortField.Type.LONG);
        SortField kept = StartOrder.field();
        SortField date = new SortField(PassageSchema.SORT_DATE, SortField.Type.LONG);
        date.setMissingValue(Long.MAX_VALUE);
        SortField file = FileOrder.of(PassageSchema.SORT_FILE);
        SortAgreement.forEachSearch(reader, (searcher, q, n) -> {
            assertSame(searcher, q, n, new Sort(SortField.FIELD_SCORE, file, lucene), new Sort(SortField.FIELD_SCORE, file, kept));
            assertSame(searcher, q, n, new Sort(file, lucene), new Sort(file, kept));
            assertSame(searcher, q, n, new Sort(date, file, lucene), new Sort(date, file, kept));
            assertSame(searcher, q, n, new Sort(lucene), new Sort(kept));
        });
    }

    private static void assertSame(IndexSearcher searcher, Query q, int n, Sort expected, Sort actual) throws IOException {
        SortAgreement.Hits hits = SortAgreement.assertSameHits(searcher, q, n, expected, actual);
        ScoreDoc[] want = hits.want();
        for (int i = 0; i < want.length; i++) {
            assertArrayEquals(((FieldDoc) want[i]).fields, ((FieldDoc) hits.got()[i]).fields, "the sort values");
        }
        // the next page after the middle hit, as a page turned
        FieldDoc after = (FieldDoc) want[want.length / 2];
        ScoreDoc[] wantNext = searcher.searchAfter(after, q, n, expected, true).scoreDocs;
        ScoreDoc[] gotNext = searcher.searchAfter(after, q, n, actual, true).scoreDocs;
        assertArrayEquals(SortAgreement.docs(wantNext), SortAgreement.docs(gotNext), "after " + after + ": " + q + " " + actual);
    }

    /**
     * {@code segments} segments of 20–60 entries, equal scores, names and starts common; some entries without a start (as a
     * document's own entry), or with a start beyond an int ({@code wide}).
     */
    private static void add(IndexWriter w, Random random, int segments, boolean wide) throws IOException {
        String[] names = {"a.pdf", "b.pdf", "c.pdf"};
        for (int s = 0; s < segments; s++) {
            int entries = 20 + random.nextInt(41);
            for (int i = 0; i < entries; i++) {
                Document doc = new Document();
                doc.add(new StringField("word", "w" + random.nextInt(3), Field.Store.NO));
                doc.add(new SortedDocValuesField(PassageSchema.SORT_FILE, new BytesRef(names[random.nextInt(names.length)])));
                if (random.nextInt(6) != 0) {
                    long start = random.nextInt(6) - 1;
                    doc.add(new NumericDocValuesField(PassageSchema.SORT_START, wide && random.nextBoolean() ? start << 33 : start));
                }
                if (random.nextBoolean()) {
                    doc.add(new NumericDocValuesField(PassageSchema.SORT_DATE, random.nextInt(3)));
                }
                w.addDocument(doc);
            }
            w.commit();
        }
    }
}

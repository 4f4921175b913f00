package no.evidens.index;

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
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The tie order by file rank lists hits exactly as Lucene's string sort of the file names does: across segments
 * (which hold names the others lack, non-ASCII ones among them), entries without a name, and after a refresh.
 */
class FileOrderTest {
    private static final String[] NAMES = {"a.pdf", "B.pdf", "brev 2.docx", "brev 10.docx", "æøå.msg", "Øst.pdf", "z", "zz",
            "tilsyn/rapport.pdf", "tilsyn/rapport.pdf.txt"};

    @Test
    void ordersAsTheStringSortAcrossSegmentsAndAfterARefresh() throws IOException {
        Random random = new Random(17);
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(d, config)) {
            add(w, random, 3);
            try (DirectoryReader first = DirectoryReader.open(w)) {
                assertEquals(3, first.leaves().size());
                assertSameOrder(first);
                add(w, random, 2);
                try (DirectoryReader second = DirectoryReader.openIfChanged(first, w)) {
                    assertEquals(5, second.leaves().size());
                    assertSameOrder(second);
                    assertSameOrder(first);
                }
            }
        }
    }

    @Test
    void oneSegmentUsesItsOwnOrdinals() throws IOException {
        try (Directory d = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(w, new Random(5), 1);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertEquals(1, reader.leaves().size());
                assertSameOrder(reader);
            }
        }
    }

    @Test
    void ranksAreKeptWhileTheReaderIsOpenAndDroppedWhenItCloses() throws IOException {
        try (Directory d = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(w, new Random(3), 2);
            int before = FileRanks.kept();
            DirectoryReader reader = DirectoryReader.open(w);
            FileRanks ranks = FileRanks.of(reader, PassageSchema.SORT_FILE);
            assertEquals(ranks, FileRanks.of(reader, PassageSchema.SORT_FILE), "built once per reader");
            assertEquals(before + 1, FileRanks.kept());
            reader.close();
            assertEquals(before, FileRanks.kept());
        }
    }

    /** Relevance, document and date order: each with the file as a string sort and by rank gives the same hits. */
    private static void assertSameOrder(DirectoryReader reader) throws IOException {
        SortField start = new SortField(PassageSchema.SORT_START, SortField.Type.LONG);
        SortField date = new SortField(PassageSchema.SORT_DATE, SortField.Type.LONG);
        date.setMissingValue(Long.MAX_VALUE);
        SortField byName = new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING);
        SortField byRank = FileOrder.of(PassageSchema.SORT_FILE);
        SortAgreement.forEachSearch(reader, (searcher, q, n) -> {
            SortAgreement.assertSameHits(searcher, q, n, new Sort(SortField.FIELD_SCORE, byName, start), new Sort(SortField.FIELD_SCORE, byRank, start));
            SortAgreement.assertSameHits(searcher, q, n, new Sort(byName, start), new Sort(byRank, start));
            SortAgreement.assertSameHits(searcher, q, n, new Sort(date, byName, start), new Sort(date, byRank, start));
        });
    }

    /** {@code segments} segments of 20–60 entries: four neighbouring names each (so segments differ), equal scores common, some entries without a name. */
    private static void add(IndexWriter w, Random random, int segments) throws IOException {
        for (int s = 0; s < segments; s++) {
            int entries = 20 + random.nextInt(41);
            int from = random.nextInt(NAMES.length - 3);
            for (int i = 0; i < entries; i++) {
                Document doc = new Document();
                doc.add(new StringField("word", "w" + random.nextInt(3), Field.Store.NO));
                if (random.nextInt(8) != 0) {
                    String name = NAMES[from + random.nextInt(4)];
                    doc.add(new SortedDocValuesField(PassageSchema.SORT_FILE, new BytesRef(name)));
                }
                doc.add(new NumericDocValuesField(PassageSchema.SORT_START, random.nextInt(5)));
                if (random.nextBoolean()) {
                    doc.add(new NumericDocValuesField(PassageSchema.SORT_DATE, random.nextInt(3)));
                }
                w.addDocument(doc);
            }
            w.commit();
        }
    }
}

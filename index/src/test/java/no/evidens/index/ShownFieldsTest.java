package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's hits read from the passages' shown-fields doc value are the hits their stored fields give, field for field
 * (several quotes, indicators, laws and reasons in their order, numbers, an empty heading, letters outside ASCII); a
 * segment written before the doc value existed is read from its stored fields.
 */
class ShownFieldsTest {
    @TempDir
    Path dir;

    private static List<Passage> passages(String docId, int count) {
        List<Passage> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < count; i++) {
            String text = "Kommunen fulgte ikke opp «avvik " + i + "» etter barnevernloven § 4-" + i + " i " + docId + ".";
            List<String> quotes = i % 3 == 0 ? List.of() : List.of("avvik " + i, "sitat nummer to");
            List<String> indicators = i % 2 == 0 ? List.of("taushetsplikt", "medvirkning") : List.of();
            List<IndicatorReason> reasons = indicators.isEmpty() ? List.of()
                    : List.of(new IndicatorReason("taushetsplikt", IndicatorReason.PATTERN, 0.9, List.of("taus"), List.of("taushet")),
                    new IndicatorReason("medvirkning", IndicatorReason.MODEL, 0.61, List.of(), List.of("barnets stemme")));
            List<String> laws = i % 4 == 1 ? List.of("barnevernloven", "forvaltningsloven") : List.of();
            out.add(new Passage(Passage.idOf("sak-ø", docId, i), "sak-ø", docId, docId + ".pdf", "Journal", "Tittel på " + docId,
                    i % 5 == 0 ? "" : "Overskrift " + i, 1 + i / 7, start, start + text.length(), text, quotes, indicators, laws,
                    Map.of(PassageSchema.MUNICIPALITY, "Ås", PassageSchema.YEAR, "2026"), reasons));
            start += text.length() + 2;
        }
        return out;
    }

    private static IndexedDocument document(String docId, List<Passage> passages) {
        String text = String.join("\n\n", passages.stream().map(Passage::text).toList());
        return new IndexedDocument(docId, "sak-ø", docId + ".pdf", "Journal", "Tittel på " + docId, "sha" + docId,
                "application/pdf", text, List.of(0));
    }

    /** Every passage entry of the snapshot, in index order. */
    private static int[] passageDocs(IndexSnapshot s) throws IOException {
        StoredFields stored = s.getIndexReader().storedFields();
        List<Integer> docs = new ArrayList<>();
        for (int doc = 0; doc < s.getIndexReader().maxDoc(); doc++) {
            if (stored.document(doc).get(PassageSchema.TEXT) != null) {
                docs.add(doc);
            }
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The hits {@code docs} show, read by the page's reader, against the same read from their stored fields. */
    private static void assertHitsAsStored(IndexSnapshot s, int[] docs) throws IOException {
        Map<Integer, Document> read = new HitReader(s).stored(docs);
        StoredFields stored = s.getIndexReader().storedFields();
        for (int doc : docs) {
            SearchHit expected = PassageSchema.toHit(stored.document(doc, PassageSchema.HIT_FIELDS), 1f, OffsetHighlighter.Highlight.NONE);
            assertEquals(expected, PassageSchema.toHit(read.get(doc), 1f, OffsetHighlighter.Highlight.NONE));
        }
    }

    /** A check of a snapshot of the test's index. */
    private interface Check {
        void on(IndexSnapshot s) throws IOException;
    }

    private void onSnapshot(Check check) throws IOException {
        try (SnapshotSource source = new SnapshotSource(dir, NorwegianAnalysis.queryAnalyzer(null))) {
            IndexSnapshot s = source.acquire();
            try {
                check.on(s);
            } finally {
                source.release(s);
            }
        }
    }

    @Test
    void everyPassageHasTheValueAndReadsAsItsStoredFields() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            List<Passage> list = passages("d1", 23);
            w.add(document("d1", list), list);
            w.commit();
        }
        onSnapshot(s -> {
            int[] docs = passageDocs(s);
            assertEquals(23, docs.length);
            int valued = 0;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                BinaryDocValues values = leaf.reader().getBinaryDocValues(ShownFields.FIELD);
                assertNotNull(values, "a segment written now holds the shown fields as a doc value");
                while (values.nextDoc() != BinaryDocValues.NO_MORE_DOCS) {
                    valued++;
                }
            }
            assertEquals(23, valued, "each passage, and no whole document, has the value");
            assertHitsAsStored(s, docs);
            // A page's hits in another order than the index's, and one asked twice, read the same.
            assertHitsAsStored(s, new int[] {docs[20], docs[3], docs[3], docs[11]});
        });
    }

    @Test
    void aSegmentWrittenBeforeTheValueIsReadFromStoredFields() throws IOException {
        // The first segment as an index written before the doc value: the passages' documents without it.
        try (FSDirectory files = FSDirectory.open(dir); IndexWriter old = new IndexWriter(files, new IndexWriterConfig())) {
            List<Passage> list = passages("gammel", 9);
            List<Document> block = new ArrayList<>();
            for (Passage p : list) {
                Document d = PassageSchema.toDocument(p);
                d.removeField(ShownFields.FIELD);
                block.add(d);
            }
            block.add(PassageSchema.toDocument(document("gammel", list)));
            old.addDocuments(block);
            old.commit();
        }
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            List<Passage> list = passages("ny", 12);
            w.add(document("ny", list), list);
            w.commit();
        }
        onSnapshot(s -> {
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            assertEquals(2, leaves.size());
            assertNull(leaves.get(0).reader().getBinaryDocValues(ShownFields.FIELD));
            assertNotNull(leaves.get(1).reader().getBinaryDocValues(ShownFields.FIELD));
            int[] docs = passageDocs(s);
            assertEquals(21, docs.length);
            assertTrue(docs[8] < leaves.get(1).docBase && docs[9] >= leaves.get(1).docBase);
            assertHitsAsStored(s, docs);
        });
    }
}

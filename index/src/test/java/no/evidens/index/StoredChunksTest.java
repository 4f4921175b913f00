package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index writer keeps stored fields in Lucene's default format with smaller blocks: every passage reads back as
 * the same hit an index in Lucene's own blocks gives (several quotes, indicators, laws and reasons in their order,
 * numbers, an empty heading, letters outside ASCII), through Lucene's own reader; an index written before (Lucene's
 * 80 kB blocks) is read as it was beside segments written now, and a merge rewrites its entries in the small blocks.
 */
class StoredChunksTest {
    private static final String LUCENE_BLOCKS = "chunksize=81920";
    private static final String SMALL_BLOCKS = "chunksize=" + StoredChunks.CHUNK_BYTES;

    @TempDir
    Path dir;
    @TempDir
    Path reference;

    private static List<Passage> passages(String docId, int count) {
        List<Passage> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < count; i++) {
            String text = "Kommunen fulgte ikke opp «avvik " + i + "» etter barnevernloven § 4-" + i + " i " + docId
                    + ", og tjenesten dokumenterte ikke barnets medvirkning i sak " + (i * 7919 % 1000) + ".";
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

    /** A document's entries as the index writer adds them: its passages, then the document. */
    private static List<Document> block(String docId, List<Passage> passages) {
        List<Document> block = new ArrayList<>();
        for (Passage p : passages) {
            block.add(PassageSchema.toDocument(p));
        }
        block.add(PassageSchema.toDocument(document(docId, passages)));
        return block;
    }

    /** Writes the documents' entries with Lucene's own writer (its default codec), one commit: an index written before. */
    private static void writeWithLucene(Path at, Map<String, Integer> documents) throws IOException {
        try (FSDirectory files = FSDirectory.open(at); IndexWriter w = new IndexWriter(files, new IndexWriterConfig())) {
            for (Map.Entry<String, Integer> d : documents.entrySet()) {
                w.addDocuments(block(d.getKey(), passages(d.getKey(), d.getValue())));
            }
            w.commit();
        }
    }

    private static void writeWithEvidens(Path at, Map<String, Integer> documents) throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(at)) {
            for (Map.Entry<String, Integer> d : documents.entrySet()) {
                List<Passage> list = passages(d.getKey(), d.getValue());
                w.add(document(d.getKey(), list), list);
            }
            w.commit();
        }
    }

    /** Each segment's block size as Lucene's stored fields reader reads it from the segment's files. */
    private static List<String> blocks(DirectoryReader reader) {
        List<String> out = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            String fields = ((CodecReader) leaf.reader()).getFieldsReader().toString();
            out.add(fields.substring(fields.indexOf("chunksize="), fields.length() - 1));
        }
        return out;
    }

    /** Every entry of {@code at} reads, through Lucene's plain reader, as the same hit as in {@code expected}. */
    private static void assertSameHits(Path expected, Path at, int entries) throws IOException {
        try (FSDirectory a = FSDirectory.open(expected); DirectoryReader ra = DirectoryReader.open(a);
                FSDirectory b = FSDirectory.open(at); DirectoryReader rb = DirectoryReader.open(b)) {
            assertEquals(entries, ra.maxDoc());
            assertEquals(entries, rb.maxDoc());
            StoredFields sa = ra.storedFields();
            StoredFields sb = rb.storedFields();
            int passages = 0;
            // Backwards too: a reader's blocks asked out of index order.
            for (int i = 0; i < 2 * entries; i++) {
                int doc = i < entries ? i : 2 * entries - 1 - i;
                Document da = sa.document(doc);
                assertEquals(da.toString(), sb.document(doc).toString(), "entry " + doc);
                if (da.get(PassageSchema.TEXT) != null) {
                    passages++;
                    assertEquals(PassageSchema.toHit(sa.document(doc, PassageSchema.HIT_FIELDS), 1f, OffsetHighlighter.Highlight.NONE),
                            PassageSchema.toHit(sb.document(doc, PassageSchema.HIT_FIELDS), 1f, OffsetHighlighter.Highlight.NONE));
                }
            }
            assertTrue(passages > entries, "passages compared: " + passages);
        }
    }

    @Test
    void theWriterKeepsStoredFieldsInSmallBlocksThatReadAsLucenesOwn() throws IOException {
        // About 70 kB of stored fields: one block of Lucene's default size, several small ones.
        Map<String, Integer> documents = Map.of("d1", 150, "d2", 90, "d3", 40);
        writeWithLucene(reference, documents);
        writeWithEvidens(dir, documents);
        try (Directory files = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(files)) {
            assertEquals(List.of(SMALL_BLOCKS), blocks(reader));
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(files)) {
                assertEquals(Codec.getDefault().getName(), segment.info.getCodec().getName(), "Lucene's codec reads it");
            }
        }
        assertSameHits(reference, dir, 283);
    }

    @Test
    void anIndexWrittenBeforeIsReadBesideNewSegmentsAndMergedIntoSmallBlocks() throws IOException {
        writeWithLucene(dir, Map.of("gammel", 120));
        writeWithEvidens(dir, Map.of("ny", 110));
        // The same entries in the same order, all in Lucene's own blocks.
        writeWithLucene(reference, Map.of("gammel", 120));
        writeWithLucene(reference, Map.of("ny", 110));
        try (Directory files = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(files)) {
            assertEquals(List.of(LUCENE_BLOCKS, SMALL_BLOCKS), blocks(reader));
        }
        assertSameHits(reference, dir, 232);
        IndexWriterConfig merging = new IndexWriterConfig().setCodec(StoredChunks.codec(Codec.getDefault()));
        try (FSDirectory files = FSDirectory.open(dir); IndexWriter w = new IndexWriter(files, merging)) {
            w.forceMerge(1);
            w.commit();
        }
        try (Directory files = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(files)) {
            assertEquals(List.of(SMALL_BLOCKS), blocks(reader));
        }
        assertSameHits(reference, dir, 232);
    }
}

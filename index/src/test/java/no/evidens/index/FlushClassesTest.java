package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block written in memory before a writer's first document: it never reaches the index, and it meets every writer of a flush. */
class FlushClassesTest {
    @TempDir
    Path dir;

    @Test
    void aNewIndexHoldsNothingButWhatWasAdded() throws Exception {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertEquals(0, reader.maxDoc(), "the block written in memory is not in the index");
        }
    }

    @Test
    void theBlockHasEveryKindOfFieldAFlushWrites() throws Exception {
        Set<DocValuesType> docValues = EnumSet.noneOf(DocValuesType.class);
        boolean points = false;
        boolean offsets = false;
        boolean norms = false;
        boolean stored;
        try (ByteBuffersDirectory memory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(memory, new IndexWriterConfig(NorwegianAnalysis.analyzer()))) {
                writer.addDocuments(FlushClasses.block());
            }
            try (DirectoryReader reader = DirectoryReader.open(memory)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                for (FieldInfo f : leaf.getFieldInfos()) {
                    docValues.add(f.getDocValuesType());
                    points |= f.getPointDimensionCount() > 0;
                    offsets |= f.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
                    norms |= f.hasNorms();
                }
                stored = leaf.storedFields().document(0).getFields().size() > 0;
            }
        }
        assertTrue(docValues.containsAll(EnumSet.of(DocValuesType.NUMERIC, DocValuesType.SORTED, DocValuesType.SORTED_SET)),
                "doc values of each type a passage has: " + docValues);
        assertTrue(points, "the page's point");
        assertTrue(offsets, "the text's positions and offsets");
        assertTrue(norms, "norms");
        assertTrue(stored, "stored fields");
    }
}

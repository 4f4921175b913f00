package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index's layout stamped in its commits: an index of an older Evidens (no stamp) is read and written as it is and
 * stamped by its next commit; one a newer Evidens stamped is refused, read or written, with words saying what to do, and
 * left as it was.
 */
class IndexFormatTest {
    @TempDir
    Path dir;

    private Map<String, String> lastCommit() throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(d).getUserData();
        }
    }

    /** Gives the last commit this user data, as another Evidens would have left it (documents unchanged). */
    private void setCommitData(Map<String, String> data) throws IOException {
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
    }

    @Test
    void aCommitOfThisEvidensIsStamped() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har ingen rutine for ettervern."));
        assertEquals(Integer.toString(IndexFormat.CURRENT), lastCommit().get(IndexFormat.KEY));
    }

    @Test
    void anIndexOfAnOlderEvidensIsReadAsItIsAndStampedByItsNextCommit() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har ingen rutine for ettervern."));
        setCommitData(Map.of());
        assertNull(lastCommit().get(IndexFormat.KEY));
        assertEquals(List.of("sak/d/0"), OneDocumentIndex.found(dir, "ettervern"));
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            String text = "Ettervernet ble avsluttet uten plan.";
            w.add(new IndexedDocument("e", "sak", "b.txt", "rapport", "B", "sha-e", "text/plain", text, List.of(0)),
                    List.of(new Passage(Passage.idOf("sak", "e", 0), "sak", "e", "b.txt", "rapport", "B", "", 1, 0, text.length(),
                            text, List.of(), List.of())));
            w.commit();
        }
        assertEquals(Integer.toString(IndexFormat.CURRENT), lastCommit().get(IndexFormat.KEY));
        assertEquals(List.of("sak/d/0", "sak/e/0"), OneDocumentIndex.found(dir, "ettervern"));
    }

    @Test
    void anIndexOfANewerEvidensIsRefusedReadOrWrittenAndLeftAsItWas() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har ingen rutine for ettervern."));
        setCommitData(Map.of(IndexFormat.KEY, "99"));
        IndexFormat.IndexTooNew read = assertThrows(IndexFormat.IndexTooNew.class, () -> OneDocumentIndex.found(dir, "ettervern"));
        assertTrue(read.getMessage().contains("written by a newer Evidens (index format 99; this one knows up to "
                + IndexFormat.CURRENT + ")"), read.getMessage());
        IndexFormat.IndexTooNew write = assertThrows(IndexFormat.IndexTooNew.class, () -> new EvidenceIndexWriter(dir).close());
        assertTrue(write.getMessage().contains("use that Evidens or a newer one"), write.getMessage());
        // the writer let go of the lock and wrote nothing
        setCommitData(Map.of(IndexFormat.KEY, "99"));
        assertEquals("99", lastCommit().get(IndexFormat.KEY));
    }

    @Test
    void aCommitFoundKnownIsNotReadAgainWhileItIsTheLast() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har ingen rutine for ettervern."));
        Path memory = dir.resolveSibling(dir.getFileName() + "-format");
        IndexFormat.requireKnown(dir, memory);
        // the commit's segment descriptions gone: Lucene cannot read the commit, and is not asked to
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path si : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
                java.nio.file.Files.delete(si);
            }
        }
        assertThrows(IOException.class, () -> IndexFormat.requireKnown(dir));
        IndexFormat.requireKnown(dir, memory);
    }

    @Test
    void aNewerCommitOrOneANewerEvidensRememberedIsReadAndRefused() throws IOException {
        OneDocumentIndex.write(dir, List.of("Kommunen har ingen rutine for ettervern."));
        Path memory = dir.resolveSibling(dir.getFileName() + "-format");
        IndexFormat.requireKnown(dir, memory);
        setCommitData(Map.of(IndexFormat.KEY, "99"));
        IndexFormat.IndexTooNew refused = assertThrows(IndexFormat.IndexTooNew.class, () -> IndexFormat.requireKnown(dir, memory));
        assertTrue(refused.getMessage().contains("index format 99"), refused.getMessage());
        // a newer Evidens's memory of that commit (its layout 99) is not taken as known here
        java.nio.file.Files.write(memory, List.of(CaseHashes.lastCommit(dir), "99"));
        assertThrows(IndexFormat.IndexTooNew.class, () -> IndexFormat.requireKnown(dir, memory));
    }
}

package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * An ingest whose index cannot be saved half-way (the disk filled up): the documents added since the last good commit
 * were printed {@code indexed} in the receipt, though the index kept none of them. Now every one of them, and each the
 * closed index refuses after, is {@code failed} with {@link Reason#NOT_SAVED}; the receipt is written (exit 3); what
 * the good commit saved stays; and the next ingest takes up the rest. The full disk is faked (a mount needs root): the
 * engine below keeps what is added in memory until a commit, which the disk's failure loses, as Lucene's writer does.
 */
class FullDiskIngestTest {
    private static final String DISK_FULL = "No space left on device";

    @TempDir
    Path tmp;

    /** The real index, written at each commit until the {@code failAt}-th, which fails: after it, everything does. */
    private static final class FillsUp implements EvidenceSink {
        private record Added(IndexedDocument doc, List<Passage> passages, boolean replace) {
        }

        private final EvidenceSink disk;
        private final int failAt;
        private final List<Added> buffered = new ArrayList<>();
        private int commits;
        private boolean closed;

        FillsUp(EvidenceSink disk, int failAt) {
            this.disk = disk;
            this.failAt = failAt;
        }

        private void open() {
            if (closed) {
                throw new IllegalStateException("this IndexWriter is closed", new IOException(DISK_FULL));
            }
        }

        @Override
        public synchronized void add(IndexedDocument doc, List<Passage> passages) {
            open();
            buffered.add(new Added(doc, passages, false));
        }

        @Override
        public synchronized void replace(IndexedDocument doc, List<Passage> passages) {
            open();
            buffered.add(new Added(doc, passages, true));
        }

        @Override
        public synchronized boolean contains(String caseId, String sha256) throws IOException {
            return buffered.stream().anyMatch(a -> a.doc().caseId().equals(caseId) && a.doc().sha256().equals(sha256))
                    || disk.contains(caseId, sha256);
        }

        @Override
        public synchronized void commit() throws IOException {
            open();
            if (++commits == failAt) {
                closed = true;
                buffered.clear();
                throw new IOException(DISK_FULL);
            }
            for (Added a : buffered) {
                if (a.replace()) {
                    disk.replace(a.doc(), a.passages());
                } else {
                    disk.add(a.doc(), a.passages());
                }
            }
            buffered.clear();
            disk.commit();
        }

        @Override
        public void close() throws IOException {
            disk.close();
        }
    }

    @Test
    void theDocumentsNoCommitSavedAreFailedAndTheNextIngestTakesThemUp() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        // two commits' worth and more: the route commits every CommitPolicy.FEWEST documents, the second commit fails
        int files = 2 * CommitPolicy.FEWEST + 5;
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("notat-" + i + ".txt"), "Notat nummer " + i + " om oppfølgingen av familien.");
        }
        EvidensHome home = new EvidensHome(tmp.resolve("home"));

        Receipt first = new Ingestion(home, new DocumentAnalyser(new PlainTextExtractor()), 1)
                .sinkAround(disk -> new FillsUp(disk, 2)).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);

        assertEquals(new Receipt.Counts(CommitPolicy.FEWEST, 0, files - CommitPolicy.FEWEST, 0), first.counts(),
                first.files().toString());
        List<ReceiptFile> failed = first.files().stream().filter(f -> ReceiptFile.FAILED.equals(f.status())).toList();
        for (ReceiptFile line : failed) {
            assertEquals(Reason.NOT_SAVED.text(), line.reason(), line.toString());
            assertTrue(line.detail().contains(DISK_FULL), line.toString());
            assertEquals(64, line.sha256().length(), line.toString());
        }
        try (var receipts = Files.list(home.receipts())) {
            assertEquals(1, receipts.filter(p -> p.toString().endsWith(".json")).count(), "the receipt is written");
        }

        // Not remembered as failed: the same bundle again reads exactly those, and finds the saved ones in the case.
        Receipt second = new Ingestion(home, new DocumentAnalyser(new PlainTextExtractor()), 1)
                .ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);
        assertEquals(new Receipt.Counts(files - CommitPolicy.FEWEST, CommitPolicy.FEWEST, 0, 0), second.counts(),
                second.files().toString());
        assertEquals(paths(failed), paths(second.files().stream().filter(f -> ReceiptFile.INDEXED.equals(f.status())).toList()));
    }

    @Test
    void aReceiptThatCannotBeSavedIsGivenToTheCommandAllTheSame() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        Files.writeString(folder.resolve("notat.txt"), "Notat om oppfølgingen av familien.");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        // the receipts' folder cannot be made (a file stands in its place), as on a full disk
        Files.createDirectories(home.receipts().getParent());
        Files.writeString(home.receipts(), "");
        ReceiptNotSaved e = assertThrows(ReceiptNotSaved.class, () -> new Ingestion(home,
                new DocumentAnalyser(new PlainTextExtractor()), 1).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE));
        assertEquals(new Receipt.Counts(1, 0, 0, 0), e.receipt().counts());
        assertTrue(e.getMessage().startsWith("the receipt was not saved in " + home.receipts()), e.getMessage());
    }

    private static Set<String> paths(List<ReceiptFile> lines) {
        return lines.stream().map(ReceiptFile::path).collect(Collectors.toSet());
    }
}

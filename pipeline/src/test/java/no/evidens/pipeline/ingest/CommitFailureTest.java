package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.bundle.BundleReader;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * A commit that fails after a document was added (the disk filled up): the document's own receipt line says it was not
 * stored, with the disk's words, and so do those the closed index refuses after it; the route goes on. Before, the
 * failure handler met the document's finished line instead of its stage and threw a {@link NullPointerException} that
 * ended the ingest in its place, and the documents after it were "unexpected error"s, each with a stack trace.
 */
class CommitFailureTest {
    private static final String DISK_FULL = "No space left on device";

    @TempDir
    Path tmp;

    /**
     * Takes every document until its commit fails as on a full disk; then, as Lucene's writer closed by that failure, it
     * refuses every document.
     */
    private static final class FullDisk implements EvidenceSink {
        private volatile boolean closed;

        @Override
        public void add(IndexedDocument doc, List<Passage> passages) {
            if (closed) {
                throw new IllegalStateException("this IndexWriter is closed", new IOException(DISK_FULL));
            }
        }

        @Override
        public void replace(IndexedDocument doc, List<Passage> passages) {
            add(doc, passages);
        }

        @Override
        public boolean contains(String caseId, String sha256) {
            return false;
        }

        @Override
        public void commit() throws IOException {
            closed = true;
            throw new IOException(DISK_FULL);
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    @Test
    void theDocumentWhoseCommitFailedIsNotStoredAndTheRouteGoesOn() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        // more documents than the route adds before its first commit
        int files = CommitPolicy.FEWEST + 5;
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("notat-" + i + ".txt"), "Notat nummer " + i + " om oppfølgingen av familien.");
        }
        List<BundleEntry> entries = new BundleReader().read(tmp.resolve("bundle"), tmp.resolve("work")).entries();
        ReceiptCollector receipts = new ReceiptCollector(ProgressListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService tagging = Executors.newFixedThreadPool(1);
        CamelContext camel = new DefaultCamelContext();
        try (DocumentAnalyser analyser = new DocumentAnalyser(new PlainTextExtractor())) {
            camel.addRoutes(new IngestRoute("sak", null, analyser, new FullDisk(), receipts, pool, tagging,
                    new FailureMemory(tmp.resolve("failed"), false), new IncompleteContainers(tmp.resolve("incomplete"), false),
                    Map.of(), entries, ChangedWhileRead.NONE, () -> false));
            camel.start();
            try (ProducerTemplate producer = camel.createProducerTemplate()) {
                producer.sendBody(IngestRoute.INGEST, entries);
            }
        } finally {
            camel.stop();
            pool.shutdownNow();
            tagging.shutdownNow();
        }

        List<ReceiptFile> lines = receipts.receipt("sak", "bundle", null).files();
        assertEquals(files, lines.size(), lines.toString());
        List<ReceiptFile> failed = lines.stream().filter(f -> ReceiptFile.FAILED.equals(f.status())).toList();
        // the document that made the commit, and those after it (one tagging thread adds them in turn)
        assertEquals(files - CommitPolicy.FEWEST + 1, failed.size(), lines.toString());
        for (ReceiptFile line : failed) {
            assertEquals(Reason.NOT_SAVED.text(), line.reason(), line.toString());
            assertTrue(line.detail().contains(DISK_FULL), line.detail());
            assertEquals("journal", line.type());
            assertEquals(64, line.sha256().length(), "its content hash is kept: " + line);
        }
        assertEquals(files - failed.size(), lines.stream().filter(f -> ReceiptFile.INDEXED.equals(f.status())).count());
    }
}

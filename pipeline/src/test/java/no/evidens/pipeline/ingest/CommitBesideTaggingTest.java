package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * A commit due in the middle of a bundle does not hold a tagging thread: while it is written (its flush and its
 * syncs to disk), the tagging thread indexes the next document, so the files read ahead, and the Tika worker behind
 * them, do not wait for the disk. Every document is still indexed, each once.
 */
class CommitBesideTaggingTest {
    @TempDir
    Path tmp;

    /** A commit that waits (at most 20 s) for a document to be added while it is under way, and says whether one was. */
    private static final class SlowDisk implements EvidenceSink {
        final AtomicBoolean committing = new AtomicBoolean();
        final CountDownLatch addedMeanwhile = new CountDownLatch(1);
        final AtomicBoolean sawAdd = new AtomicBoolean();
        final List<String> added = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public void add(IndexedDocument doc, List<Passage> passages) {
            added.add(doc.file());
            if (committing.get()) {
                addedMeanwhile.countDown();
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
        public void commit() throws java.io.IOException {
            if (committing.compareAndSet(false, true)) {
                try {
                    sawAdd.set(addedMeanwhile.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    @Test
    void theTaggingThreadIndexesTheNextDocumentWhileACommitIsWritten() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        int files = CommitPolicy.FEWEST + 10; // the first commit after the 25th document, with files left after it
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("notat-" + i + ".txt"), "Notat nummer " + i + " om oppfølgingen av familien.");
        }
        List<BundleEntry> entries = new BundleReader().read(tmp.resolve("bundle"), tmp.resolve("work")).entries();
        ReceiptCollector receipts = new ReceiptCollector(ProgressListener.NONE);
        SlowDisk index = new SlowDisk();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService tagging = Executors.newFixedThreadPool(1); // one tagging thread: the commit must not be on it
        CamelContext camel = new DefaultCamelContext();
        try (DocumentAnalyser analyser = new DocumentAnalyser(new PlainTextExtractor())) {
            camel.addRoutes(new IngestRoute("sak", null, analyser, index, receipts, pool, tagging,
                    new FailureMemory(tmp.resolve("failed"), false), new IncompleteContainers(tmp.resolve("incomplete"), false),
                    Map.of(), entries, ChangedWhileRead.NONE));
            camel.start();
            try (ProducerTemplate producer = camel.createProducerTemplate()) {
                producer.sendBody(IngestRoute.INGEST, entries);
            }
        } finally {
            camel.stop();
            pool.shutdownNow();
            tagging.shutdownNow();
        }

        assertTrue(index.sawAdd.get(), "a document indexed while the commit was written");
        List<ReceiptFile> lines = receipts.receipt("sak", "bundle", null).files();
        assertEquals(files, lines.stream().filter(f -> ReceiptFile.INDEXED.equals(f.status())).count(), lines.toString());
        assertEquals(files, index.added.stream().distinct().count());
        assertEquals(files, index.added.size());
    }
}

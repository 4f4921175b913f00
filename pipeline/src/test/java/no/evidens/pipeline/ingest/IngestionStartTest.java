package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * An ingest's start: the Tika worker's start (the longest step before the first file) begins while the index's writer
 * opens, not after it; and when the writer cannot be opened (another writer holds the index), the worker's start is
 * given up, not waited for. The models load on two threads.
 */
class IngestionStartTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkerStartsWhileTheIndexWriterOpens() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 2, "Notatet gjelder oppfølging nummer %d.");
        CountDownLatch workerStarting = new CountDownLatch(1);
        Extractor worker = new PlainTextExtractor() {
            @Override
            public void prepare() {
                workerStarting.countDown();
            }
        };
        AtomicBoolean startedBeforeOpen = new AtomicBoolean();
        Receipt receipt = new Ingestion(new EvidensHome(tmp.resolve("home")), new DocumentAnalyser(worker, Codebook::defaults), 1)
                .sinkAround(sink -> {
                    try {
                        // the writer's open lasts until the worker's start has begun: it began while the writer opened
                        startedBeforeOpen.set(workerStarting.await(5, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sink;
                })
                .ingest("sak", bundle, ProgressListener.NONE);
        assertTrue(startedBeforeOpen.get(), "the worker's start began before the index's writer was open");
        assertEquals(2, receipt.files().stream().filter(f -> ReceiptFile.INDEXED.equals(f.status())).count(), receipt.toString());
    }

    /**
     * The models load on two threads: the language detector's model and the indicator classifier are read while the
     * codebook is (here: a codebook that comes only once they are loaded), not after the tagger's models and codebook.
     */
    @Test
    void theClassifiersLoadWhileTheCodebookIsRead() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 2, "Notatet gjelder oppfølging nummer %d.");
        Path marks = tmp.resolve("marks.txt");
        System.setProperty(IngestMarks.PROPERTY, marks.toString());
        AtomicBoolean loadedBeside = new AtomicBoolean();
        try {
            Supplier<Codebook> slowCodebook = () -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!loadedBeside.get() && System.nanoTime() < until) {
                    try {
                        loadedBeside.set(Files.exists(marks) && Files.readString(marks).contains("\tclassifiers loaded\t"));
                        Thread.sleep(10);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return Codebook.defaults();
            };
            Receipt receipt = new Ingestion(new EvidensHome(tmp.resolve("home")),
                    new DocumentAnalyser(new PlainTextExtractor(), slowCodebook), 1).ingest("sak", bundle, ProgressListener.NONE);
            assertEquals(2, receipt.counts().indexed(), receipt.toString());
        } finally {
            System.clearProperty(IngestMarks.PROPERTY);
        }
        assertTrue(loadedBeside.get(), "the classifiers were loaded while the codebook was read");
    }

    @Test
    void anIndexHeldByAnotherWriterDoesNotWaitForTheWorkersStart() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 2, "Notatet gjelder oppfølging nummer %d.");
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean givenUp = new AtomicBoolean();
        Extractor starting = new PlainTextExtractor() {
            @Override
            public void prepare() {
                try {
                    ready.await(1, TimeUnit.MINUTES); // the worker's ready line, not come yet
                } catch (InterruptedException e) {
                    givenUp.set(true);
                    Thread.currentThread().interrupt();
                }
            }
        };
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        EvidenceIndexWriter held = IndexBackend.embeddedWriter(home); // another ingest's writer, open
        try {
            CompletableFuture<Receipt> ingested = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Ingestion(home, new DocumentAnalyser(starting, Codebook::defaults), 1)
                            .ingest("sak", bundle, ProgressListener.NONE);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            try {
                // waiting for the start, the refusal would come only when the worker is let be ready, a minute on
                ExecutionException refused = assertThrows(ExecutionException.class, () -> ingested.get(20, TimeUnit.SECONDS));
                assertInstanceOf(RuntimeException.class, refused.getCause());
                assertTrue(givenUp.get(), "the worker's start was given up");
            } finally {
                ready.countDown();
            }
        } finally {
            held.close();
        }
    }
}

package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * An ingest's start: the Tika worker's start (the longest step before the first file) begins while the index's writer
 * opens, not after it; the models load on two threads. (An index another writer holds as the ingest begins starts no
 * worker at all: {@code RefusedWriterTest}.)
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
     * The models load on two threads: the indicator classifier is read while the
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
}

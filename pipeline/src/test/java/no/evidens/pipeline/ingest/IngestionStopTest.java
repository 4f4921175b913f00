package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.PassageSchema;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * A stop asked before the first file is begun (while the zip is unpacked, or its files are looked up) is heard there: the
 * unpacking is given up between two entries and what was unpacked deleted, no index writer or extractor is started, and
 * the same bundle ingested again is read whole. Asked while the models load or Camel starts, it does not wait for them.
 */
class IngestionStopTest {
    private static final int FILES = 30;

    @TempDir
    Path tmp;

    /** Reads a file's bytes as its text, and says whether it was started (as a Tika worker would be). */
    private static class PlainText extends PlainTextExtractor {
        final AtomicBoolean started = new AtomicBoolean();

        @Override
        public void prepare() {
            started.set(true);
        }
    }

    /** A stop asked from its {@code n}th question on (counted from 0). */
    private static BooleanSupplier askedFrom(int n) {
        AtomicInteger asked = new AtomicInteger();
        return () -> asked.getAndIncrement() >= n;
    }

    @Test
    void aStopWhileTheZipIsUnpackedGivesUpTheUnpackingAndLeavesNothingHalfUnpacked() throws Exception {
        stoppedBeforeTheFirstFile(askedFrom(10)); // the 11th entry's question: in the middle of the unpacking
    }

    @Test
    void aStopAfterTheUnpackingStartsNoWriterAndNoWorker() throws Exception {
        // asked once per entry while unpacking: the next question is the one before the writer is opened
        stoppedBeforeTheFirstFile(askedFrom(FILES));
    }

    @Test
    void aStopWhileTheWorkerStartsLeavesNoTraceOfItsStartCutShort() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 3, "Notatet gjelder oppfølging nummer %d.");
        AtomicBoolean stop = new AtomicBoolean();
        Extractor stoppedWhileStarting = new PlainText() {
            @Override
            public void prepare() {
                stop.set(true); // Ctrl-C while the worker starts: Tika's classes cannot add their shutdown hook then
                throw new ExceptionInInitializerError(new IllegalStateException("Shutdown in progress"));
            }
        };
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e)); // what would print a trace on stderr
        try {
            EvidensHome home = new EvidensHome(tmp.resolve("home"));
            IngestionStopped e = assertThrows(IngestionStopped.class, () -> new Ingestion(home,
                    new DocumentAnalyser(stoppedWhileStarting), 1).stopWhen(stop::get).ingest("sak", bundle, ProgressListener.NONE));
            assertEquals(3, e.total());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught, "no trace of the worker's start cut short by the stop");
    }

    /**
     * A stop asked while the extractor's first worker starts (seconds: a JVM, Tika's classes, a class-data archive the
     * first worker of a build writes) does not wait for that start: it is given up (its thread interrupted), as no file
     * will be read.
     */
    @Test
    void aStopWhileTheWorkerStartsEndsTheIngestionWithoutWaitingForTheStart() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 3, "Notatet gjelder oppfølging nummer %d.");
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean givenUp = new AtomicBoolean();
        Extractor starting = new PlainText() {
            @Override
            public void prepare() {
                stop.set(true); // Ctrl-C while the worker starts
                try {
                    ready.await(1, TimeUnit.MINUTES); // the worker's ready line, not come yet
                } catch (InterruptedException e) {
                    givenUp.set(true);
                    Thread.currentThread().interrupt();
                }
            }
        };
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        CompletableFuture<Receipt> ingested = inBackground(() ->
                new Ingestion(home, new DocumentAnalyser(starting, Codebook::defaults), 1).stopWhen(stop::get)
                        .ingest("sak", bundle, ProgressListener.NONE));
        try {
            // waiting for the start, the ingestion would still run when the worker is let be ready, a minute on
            stoppedBeforeAFile(ingested, "the worker started");
            assertEquals(true, givenUp.get(), "the start was given up");
        } finally {
            ready.countDown();
        }
    }

    @Test
    void aStopWhileTheModelsLoadEndsTheIngestionWithoutWaitingForTheLoad() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 3, "Notatet gjelder oppfølging nummer %d.");
        AtomicBoolean loading = new AtomicBoolean();
        CountDownLatch loaded = new CountDownLatch(1);
        // the models' load, held until the test lets it end: asked as the models load, the stop is asked then
        DocumentAnalyser analyser = new DocumentAnalyser(new PlainText(), () -> {
            loading.set(true);
            try {
                loaded.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Codebook.defaults();
        });
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        CompletableFuture<Receipt> ingested = inBackground(() -> new Ingestion(home, analyser, 1).stopWhen(loading::get)
                .ingest("sak", bundle, ProgressListener.NONE));
        try {
            // waiting for the load, the ingestion would still run when the load is let end, a minute on
            IngestionStopped e = stoppedBeforeAFile(ingested, "the models loaded");
            assertEquals(3, e.total());
        } finally {
            loaded.countDown();
        }
    }

    /**
     * A stop asked while Camel's context starts (most of a second, more under load) does not wait for its start: the
     * ingestion ends as a stop before the first file does, with no file read, and the same bundle ingested again is read
     * whole (nothing was left half-written).
     */
    @Test
    void aStopWhileCamelStartsEndsTheIngestionWithoutWaitingForTheStart() throws Exception {
        Path bundle = tmp.resolve("notater");
        JournalNotes.write(bundle, 3, "Notatet gjelder oppfølging nummer %d.");
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch letStart = new CountDownLatch(1);
        PlainText extractor = new PlainText();
        // Camel's start, held until the test lets it end: the stop is asked while it starts
        StartupListener held = new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) throws InterruptedException {
                stop.set(true);
                letStart.await(1, TimeUnit.MINUTES);
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            }
        };
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        CompletableFuture<Receipt> ingested = inBackground(() ->
                new Ingestion(home, new DocumentAnalyser(extractor, Codebook::defaults), 1).stopWhen(stop::get)
                .beforeCamelStarts(camel -> {
                    try {
                        camel.addStartupListener(held);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .ingest("sak", bundle, ProgressListener.NONE));
        try {
            // waiting for the start, the ingestion would still run when the start is let end, a minute on
            IngestionStopped e = stoppedBeforeAFile(ingested, "Camel started");
            assertEquals(3, e.total());
        } finally {
            letStart.countDown();
        }
        Receipt again = new Ingestion(home, new DocumentAnalyser(new PlainText()), 1).ingest("sak", bundle, ProgressListener.NONE);
        assertEquals(3, again.counts().indexed(), "the same bundle again is read whole");
        assertEquals(3, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT));
    }

    private void stoppedBeforeTheFirstFile(BooleanSupplier stop) throws Exception {
        Path zip = tmp.resolve("notater.zip");
        Files.write(zip, JournalNotes.zip(FILES, "Notatet gjelder oppfølging nummer %d."));
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        PlainText extractor = new PlainText();
        int[] said = {-1, 0};
        ProgressListener progress = new ProgressListener() {
            @Override
            public void started(int files) {
                said[0] = files;
            }

            @Override
            public void fileDone(ReceiptFile file) {
            }

            @Override
            public void finished() {
            }

            @Override
            public void cutShort() {
                said[1]++;
            }
        };

        IngestionStopped e = assertThrows(IngestionStopped.class, () -> new Ingestion(home, new DocumentAnalyser(extractor), 1)
                .stopWhen(stop).ingest("sak", zip, progress));
        assertEquals(0, e.done());
        assertEquals(FILES, e.total());
        assertEquals(FILES, said[0], "the bundle's files said");
        assertEquals(1, said[1], "said cut short, not done");
        assertFalse(extractor.started.get(), "no extractor's worker started");
        assertFalse(Files.exists(home.index()), "no index writer opened");
        try (Stream<Path> left = Files.exists(home.work()) ? Files.list(home.work()) : Stream.empty()) {
            assertEquals(List.of(), left.toList(), "nothing unpacked left in the work folder");
        }

        Receipt again = new Ingestion(home, new DocumentAnalyser(new PlainText()), 1).ingest("sak", zip, ProgressListener.NONE);
        assertEquals(FILES, again.counts().indexed(), "the same bundle again is read whole");
        assertEquals(FILES, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT));
    }

    /** Runs an ingestion on a thread of its own, as a command's runs while Ctrl-C comes. */
    private static CompletableFuture<Receipt> inBackground(Callable<Receipt> ingestion) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ingestion.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The ingestion ended as a stop within 20 s (waiting, it would run a minute on), with no file begun. */
    private static IngestionStopped stoppedBeforeAFile(CompletableFuture<Receipt> ingested, String during) {
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> ingested.get(20, TimeUnit.SECONDS));
        IngestionStopped e = assertInstanceOf(IngestionStopped.class, stopped.getCause());
        assertEquals(0, e.done(), "no file begun while " + during);
        return e;
    }
}

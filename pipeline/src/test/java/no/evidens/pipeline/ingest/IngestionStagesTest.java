package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.Reason;

/**
 * A document's CPU stages run on the tagging threads, apart from the thread that read its file: a stage that fails
 * there still gives the document's own receipt line with its own reason, as a failure while reading does, and the
 * other files are indexed.
 */
class IngestionStagesTest {
    @TempDir
    Path tmp;

    /**
     * Reads a file's bytes as its text; a file named {@code unreadable*} fails as a damaged file, one named
     * {@code huge*} runs out of memory.
     */
    private static final class PlainText implements Extractor {
        @Override
        public Extraction extract(Path file) throws ExtractionException {
            if (file.getFileName().toString().startsWith("unreadable")) {
                throw new ExtractionException(Reason.DAMAGED, "made to fail");
            }
            if (file.getFileName().toString().startsWith("huge")) {
                // the worker's answer read on the split's thread, too big for the heap
                throw new OutOfMemoryError("Java heap space");
            }
            try {
                return new Extraction(Files.readString(file), List.of(0), "text/plain", null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aStageThatFailsOnATaggingThreadGivesItsOwnReasonAndTheOtherFilesAreIndexed() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/styringsdokumenter"));
        Files.writeString(folder.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        Files.writeString(folder.resolve("plan.txt"), "Tiltaksplanen evalueres hvert halvår sammen med familien.");
        Files.writeString(folder.resolve("blank.txt"), " \n\t \n");
        Files.writeString(folder.resolve("unreadable.txt"), "Denne filen leses ikke.");

        for (int threads : new int[] {1, 2}) {
            EvidensHome home = new EvidensHome(tmp.resolve("home-" + threads));
            Receipt receipt = new Ingestion(home, new DocumentAnalyser(new PlainText()), threads)
                    .ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);

            Map<String, String> outcome = new TreeMap<>();
            for (ReceiptFile f : receipt.files()) {
                outcome.put(f.path(), f.status() + (f.reason() == null ? "" : ": " + f.reason()));
            }
            assertEquals(Map.of(
                    "styringsdokumenter/blank.txt", ReceiptFile.FAILED + ": " + Reason.NO_TEXT.text(),
                    "styringsdokumenter/plan.txt", ReceiptFile.INDEXED,
                    "styringsdokumenter/rutine.txt", ReceiptFile.INDEXED,
                    "styringsdokumenter/unreadable.txt", ReceiptFile.FAILED + ": " + Reason.DAMAGED.text()),
                    outcome, "on " + threads + " thread(s)");
        }
    }

    /**
     * An error on a tagging thread (the heap too small for a huge text) is the document's failure, with what it was,
     * and the ingest ends: Camel's route handles exceptions, and an error thrown at it left the exchange unfinished and
     * the ingest waiting with every thread idle (round 51, a heap of 400 MB and the 18 MB log).
     */
    @Test
    void aDocumentWhoseTaggingRunsOutOfMemoryFailsWithWhatItWasAndTheIngestEnds() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("oom/styringsdokumenter"));
        Files.writeString(folder.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        // The codebook is asked for when the first document is tagged: on the tagging thread, the heap "runs out";
        // asked ahead by the models' loading, it fails as a load that the first document meets again.
        Supplier<Codebook> codebook = () -> {
            if (Thread.currentThread().getName().contains("ingest-tag")) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new IllegalStateException("not loaded ahead in this test");
        };
        EvidensHome home = new EvidensHome(tmp.resolve("home-oom"));
        Receipt receipt = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> new Ingestion(home,
                new DocumentAnalyser(new PlainText(), codebook), 1).ingest("sak", tmp.resolve("oom"), ProgressListener.NONE));
        ReceiptFile line = receipt.files().get(0);
        assertEquals(List.of(ReceiptFile.FAILED, Reason.UNEXPECTED.text()), List.of(line.status(), line.reason()));
        assertTrue(line.detail().contains("OutOfMemoryError: Java heap space"), line.detail());
    }

    /**
     * An error while a file is read (the worker's answer, on one of the split's threads, not a tagging thread) is the
     * file's failure, with what it was, and the other files are indexed: thrown at Camel, it left the exchange
     * unfinished and the ingest waiting for ever.
     */
    @Test
    void aFileWhoseReadingRunsOutOfMemoryFailsWithWhatItWasAndTheOthersAreIndexed() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("huge/styringsdokumenter"));
        Files.writeString(folder.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        Files.writeString(folder.resolve("huge.txt"), "Tiltaksplanen evalueres hvert halvår sammen med familien.");
        EvidensHome home = new EvidensHome(tmp.resolve("home-huge"));
        Receipt receipt = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new Ingestion(home,
                new DocumentAnalyser(new PlainText()), 2).ingest("sak", tmp.resolve("huge"), ProgressListener.NONE));
        Map<String, ReceiptFile> lines = new TreeMap<>();
        receipt.files().forEach(f -> lines.put(f.path(), f));
        ReceiptFile huge = lines.get("styringsdokumenter/huge.txt");
        assertEquals(List.of(ReceiptFile.FAILED, Reason.UNEXPECTED.text(), ReceiptFile.INDEXED),
                List.of(huge.status(), huge.reason(), lines.get("styringsdokumenter/rutine.txt").status()));
        assertTrue(huge.detail().contains("OutOfMemoryError: Java heap space"), huge.detail());
    }

    /** Shows progress; its {@code fileDone} for the named file fails with the error given (a collaborator of the recording). */
    private record FailingProgress(String path, Error error) implements ProgressListener {
        @Override
        public void started(int files) {
        }

        @Override
        public void fileDone(ReceiptFile file) {
            if (file.path().equals(path)) {
                throw error;
            }
        }

        @Override
        public void finished() {
        }
    }

    /**
     * An error while a document's line is recorded (in the route's own last step, not one of the document's stages) ends
     * that document's exchange, and the others go on: thrown at Camel, it left the ingest waiting for ever. The line was
     * recorded before the error (the first word on a path counts), so the file is indexed, as it is in the index.
     */
    @Test
    void anErrorWhileALineIsRecordedEndsThatFileAndTheOthersGoOn() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("rec/styringsdokumenter"));
        Files.writeString(folder.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        Files.writeString(folder.resolve("plan.txt"), "Tiltaksplanen evalueres hvert halvår sammen med familien.");
        EvidensHome home = new EvidensHome(tmp.resolve("home-rec"));
        ProgressListener progress = new FailingProgress("styringsdokumenter/plan.txt", new StackOverflowError());
        // the log (slf4j-simple writes to the System.err of the moment) says what the receipt says
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        Receipt receipt;
        try {
            receipt = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new Ingestion(home,
                    new DocumentAnalyser(new PlainText()), 2).ingest("sak", tmp.resolve("rec"), progress));
        } finally {
            System.setErr(err);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertFalse(logged.contains("failed: styringsdokumenter/plan.txt"), logged);
        assertTrue(logged.contains("indexed: styringsdokumenter/plan.txt: its line was recorded before an error"), logged);
        Map<String, String> outcome = new TreeMap<>();
        receipt.files().forEach(f -> outcome.put(f.path(), f.status()));
        assertEquals(Map.of("styringsdokumenter/plan.txt", ReceiptFile.INDEXED,
                "styringsdokumenter/rutine.txt", ReceiptFile.INDEXED), outcome);
    }

    /**
     * An error while a failed file's line is recorded (in the route's handler of failures) leaves that file without a
     * line: the ingest cannot give a whole receipt, so it stops and says why, once the other files are through; it
     * never waits for ever.
     */
    @Test
    void anErrorWhileAFailedFilesLineIsRecordedStopsTheIngestWithWhatItWas() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("lost/styringsdokumenter"));
        Files.writeString(folder.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        Files.writeString(folder.resolve("unreadable.txt"), "Denne filen leses ikke.");
        EvidensHome home = new EvidensHome(tmp.resolve("home-lost"));
        ProgressListener progress = new FailingProgress("styringsdokumenter/unreadable.txt",
                new OutOfMemoryError("Java heap space"));
        IllegalStateException stopped = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                IllegalStateException.class, () -> new Ingestion(home, new DocumentAnalyser(new PlainText()), 2)
                        .ingest("sak", tmp.resolve("lost"), progress)));
        assertTrue(stopped.getMessage().contains("receipt line could not be recorded (java.lang.OutOfMemoryError: Java heap space)"),
                stopped.getMessage());
    }
}

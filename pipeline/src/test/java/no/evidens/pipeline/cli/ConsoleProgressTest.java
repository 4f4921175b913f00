package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.IngestPhase;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/** A long unattended ingest says how fast it goes and how long it has left. */
class ConsoleProgressTest {
    @Test
    void tellsFilesPerSecondAndTheTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.started(100_000);
        ReceiptFile file = new ReceiptFile("a.txt", "sha", "annet", ReceiptFile.INDEXED, null, null, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            now.addAndGet(100_000_000L); // 10 files a second
            progress.fileDone(file);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("[###---------------------------] 10000/100000 files, 10.0 files/s, about 2.5 h left", lines[lines.length - 1]);
    }

    @Test
    void noPaceFromTheFirstFileAlone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.started(1_000);
        now.addAndGet(5_000_000_000L); // every file hashed first, then all known at once
        progress.fileDone(new ReceiptFile("a.txt", "sha", "annet", ReceiptFile.DUPLICATE, null, null, 0, 0));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("[------------------------------] 1/1000 files", lines[lines.length - 1]);
    }

    @Test
    void anIngestCutShortIsNotCalledDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.started(3);
        now.addAndGet(2_500_000_000L);
        progress.fileDone(new ReceiptFile("a.txt", "sha", "annet", ReceiptFile.INDEXED, null, null, 1, 1));
        progress.cutShort();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("Stopped after 2.5 s, not done (1 of 3 files read)", lines[lines.length - 1]);
    }

    @Test
    void filesShownAsReadThatTheFullDiskDidNotSaveAreToldAfterTheBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.started(3);
        ReceiptFile read = new ReceiptFile("a.txt", "sha", "journal", ReceiptFile.INDEXED, null, null, 1, 1);
        ReceiptFile lost = new ReceiptFile("a.txt", "sha", "journal", ReceiptFile.FAILED, Reason.NOT_SAVED.text(), null, 0, 0);
        progress.fileDone(read);
        progress.fileDone(read);
        progress.fileDone(lost); // the commit failed here: the two before it were lost with it
        progress.finished();
        progress.notSavedAfter(new Receipt("sak", "bunke", null, List.of(lost, lost, lost), new Receipt.Counts(0, 0, 3, 0)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("[##############################] 3/3 files, 1 failed", lines[lines.length - 3]);
        assertEquals("2 of the files shown as read were not saved after all (the disk is full): the receipt counts 3 failed",
                lines[lines.length - 1]);
    }

    @Test
    void aLongFileIsToldAsStillReadingNotAsSecondsLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.started(9);
        ReceiptFile file = new ReceiptFile("a.txt", "sha", "annet", ReceiptFile.INDEXED, null, null, 1, 1);
        for (int i = 0; i < 8; i++) {
            now.addAndGet(1_000_000_000L);
            progress.fileDone(file);
        }
        // the ninth, an 18 MB text, is read and tagged for minutes: the bar said "about 1 s left" all that time
        now.addAndGet(130_000_000_000L);
        progress.tick();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("[##########################----] 8/9 files, 0.1 files/s, still reading: no file finished for 2 min",
                lines[lines.length - 1]);
        progress.finished();
    }

    @Test
    void oneLargeFileAloneIsToldAsStillReadingOnceAMinuteInALog() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.started(1);
        for (int s = 0; s < 130; s += 5) {
            now.addAndGet(5_000_000_000L);
            progress.tick();
        }
        progress.finished();
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(List.of("Ingesting 1 file …",
                "[------------------------------] 0/1 files, still reading: no file finished for 60 s",
                "[------------------------------] 0/1 files, still reading: no file finished for 2 min",
                "Done in 130.0 s"), lines);
    }
    @Test
    void aColdStartSaysWhatEachStretchWithoutAFileWaitsFor() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        progress.phase(IngestPhase.UNPACKING);
        now.addAndGet(3_000_000_000L);
        progress.started(2);
        progress.phase(IngestPhase.STARTING);
        for (int s = 0; s < 65; s += 5) { // a worker's start on a busy machine: a minute
            now.addAndGet(5_000_000_000L);
            progress.tick();
        }
        progress.phase(IngestPhase.READING);
        ReceiptFile file = new ReceiptFile("a.txt", "sha", "annet", ReceiptFile.INDEXED, null, null, 1, 1);
        progress.fileDone(file);
        progress.fileDone(file);
        progress.phase(IngestPhase.SAVING);
        now.addAndGet(1_000_000_000L);
        progress.finished();
        assertEquals(List.of("Reading the bundle (a .zip is unpacked first) …",
                "Ingesting 2 files …",
                "Starting the text extractor (a Tika worker) and loading the language models …",
                "[------------------------------] 0/2 files, still starting the text extractor and the language models: 63 s",
                "Reading the files …",
                "[###############---------------] 1/2 files, 0.0 files/s, about 68 s left",
                "[##############################] 2/2 files, 0.0 files/s",
                "Saving: the last commit to the index, then the receipt …",
                "Done in 69.0 s"), List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")));
    }

    @Test
    void atATerminalAPhaseLineEndsTheBarsLineFirst() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, now::get);
        progress.started(1);
        progress.phase(IngestPhase.READING);
        progress.fileDone(new ReceiptFile("a.txt", "sha", "annet", ReceiptFile.INDEXED, null, null, 1, 1));
        progress.phase(IngestPhase.SAVING);
        progress.finished();
        assertEquals(List.of("Ingesting 1 file …", "Reading the files …", "\r[##############################] 1/1 files   ",
                "Saving: the last commit to the index, then the receipt …", "Done in 0.0 s"),
                List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")));
    }
}

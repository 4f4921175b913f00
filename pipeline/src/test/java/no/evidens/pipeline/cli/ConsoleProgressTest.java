package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

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
}

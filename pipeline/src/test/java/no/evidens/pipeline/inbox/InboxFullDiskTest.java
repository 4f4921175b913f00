package no.evidens.pipeline.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.fixture.FullDiskSink;
import no.evidens.pipeline.fixture.PlainTextExtractor;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * A bundle dropped into the inbox while the home's disk is full: before, it was moved to {@code done/} as finished, its
 * receipt all {@code not saved}, and never read again. Now it stays in the inbox, the state says why
 * ({@code waiting}, {@code disk-full}), {@code --once} answers false (exit 3), and the next run, with room, reads it
 * and moves it to {@code done/}. The full disk is faked (a mount needs root): the index's commit fails as on a full disk.
 */
class InboxFullDiskTest {
    @TempDir
    Path tmp;

    @Test
    void aBundleTheFullDiskCutShortStaysInTheInboxAndIsReadWhenThereIsRoom() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("innboks"));
        Path zip = inbox.resolve("fjordvik-2026.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(file)) {
            for (int i = 0; i < 3; i++) {
                z.putNextEntry(new ZipEntry("journaler/notat-" + i + ".txt"));
                z.write(("Notat nummer " + i + " om oppfølgingen av familien.").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        AtomicBoolean full = new AtomicBoolean(true);
        StringWriter lines = new StringWriter();
        try (InboxWatcher watcher = new InboxWatcher(home, inbox,
                h -> new Ingestion(h, new DocumentAnalyser(new PlainTextExtractor()), 1).sinkAround(real -> new FullDiskSink(real, commit -> full.get())),
                new PrintWriter(lines), Duration.ZERO)) {
            assertFalse(watcher.drain(), "a bundle left for want of room is not all well (--once: exit 3)");
            assertTrue(Files.isRegularFile(zip), "left in the inbox");
            assertFalse(Files.exists(inbox.resolve("done/fjordvik-2026.zip")), "not in done/ as if finished");
            InboxState.Finished left = InboxState.read(home).finished().get(0);
            assertEquals(InboxState.Finished.WAITING, left.status(), left.toString());
            assertEquals(InboxState.Finished.DISK_FULL, left.errorCode(), left.toString());
            assertEquals(3, left.failedFiles(), left.toString());
            assertNull(left.movedTo(), left.toString());
            assertEquals(List.of("fjordvik-2026.zip"), InboxState.waiting(inbox));
            assertTrue(lines.toString().contains("left in the inbox, read again when there is room"), lines.toString());
            // tried again with the disk still full (once a minute, in a long-running watch): still one line for it
            assertFalse(watcher.drain());
            assertEquals(1, InboxState.read(home).finished().size(), "one waiting line while it waits: " + InboxState.read(home).finished());

            full.set(false);
            assertTrue(watcher.drain(), lines.toString());
        }
        assertFalse(Files.exists(zip));
        assertTrue(Files.isRegularFile(inbox.resolve("done/fjordvik-2026.zip")));
        InboxState.Finished done = InboxState.read(home).finished().get(0);
        assertEquals(InboxWatcher.DONE, done.status(), done.toString());
        assertEquals(3, done.indexed(), done.toString());
        assertEquals(1, InboxState.read(home).finished().size(), "its outcome in place of its wait: " + InboxState.read(home).finished());
    }
}

package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;

/** Files read on ahead of the route, in the bundle's order, bounded, and handed to the route as read. */
class ReadAheadTest {

    @TempDir
    Path dir;

    private BundleEntry file(String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        return new BundleEntry(name, p, "styringsdokument", null, null, null);
    }

    /** Reads a file as its text; a file named {@code skadet*} fails as damaged. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private Extraction readFile(Path file) throws ExtractionException {
        read.add(file.getFileName().toString());
        if (file.getFileName().toString().startsWith("skadet")) {
            throw new ExtractionException(Reason.DAMAGED, "test");
        }
        try {
            return new Extraction(Files.readString(file), List.of(0), "text/plain", null);
        } catch (java.io.IOException e) {
            throw new ExtractionException(Reason.UNEXPECTED, e.getMessage(), e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void readsTheFilesTheRouteWouldReadAndHandsThemOverAsRead() throws Exception {
        List<BundleEntry> entries = List.of(file("a.txt", "første"), file("b.txt", "andre"), file("c.txt", "første"),
                file("skadet.pdf", "%PDF"), file("kjent.txt", "i saken fra før"),
                new BundleEntry("borte.txt", null, "styringsdokument", null, null, "kan ikke leses"));
        String known = Sha256.of(dir.resolve("kjent.txt"));
        Map<String, String> hashes = new ConcurrentHashMap<>();
        try (ReadAhead ahead = new ReadAhead(entries, hashes, sha -> !sha.equals(known), this::readFile, () -> true, 2)) {
            ahead.start();
            waitFor(() -> read.size() >= 3 && ahead.heldChars() == "første".length() + "andre".length());
            Thread.sleep(100);
            // c.txt holds a.txt's bytes (a duplicate), kjent.txt bytes in the case, borte.txt cannot be read: none read
            assertEquals(Set.of("a.txt", "b.txt", "skadet.pdf"), read);
            assertEquals(3, ahead.held());
            assertEquals("første", ahead.take("a.txt").text());
            assertEquals("andre", ahead.take("b.txt").text());
            ExtractionException damaged = assertThrows(ExtractionException.class, () -> ahead.take("skadet.pdf"));
            assertSame(Reason.DAMAGED, damaged.reason());
            assertNull(ahead.take("c.txt"), "a file not read ahead is the route's to read");
            assertNull(ahead.take("a.txt"), "a file is handed over once");
            assertEquals(0, ahead.held());
            assertEquals(0, ahead.heldChars());
            assertEquals(Sha256.of(dir.resolve("c.txt")), hashes.get("c.txt"), "the hashes made are the route's too");
        }
    }

    @Test
    void readsAtMostSoManyFilesAheadAndOnWhenOneIsTaken() throws Exception {
        List<BundleEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(file("f" + i + ".txt", "fil nummer " + i));
        }
        try (ReadAhead ahead = new ReadAhead(entries, new ConcurrentHashMap<>(), sha -> true, this::readFile, () -> true,
                2, 3, Long.MAX_VALUE)) {
            ahead.start();
            waitFor(() -> read.size() >= 3);
            Thread.sleep(200);
            assertEquals(Set.of("f0.txt", "f1.txt", "f2.txt"), read);
            ahead.take("f0.txt");
            waitFor(() -> read.size() >= 4);
            Thread.sleep(200);
            assertEquals(4, read.size(), "one more read once one was taken");
            ahead.drop("f1.txt");
            waitFor(() -> read.size() >= 5);
            assertEquals(5, read.size(), "one more read once one was dropped");
        }
    }

    @Test
    void stopsAtTheCharacterBoundAndWhenToldTo() throws Exception {
        List<BundleEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(file("f" + i + ".txt", "0123456789"));
        }
        try (ReadAhead ahead = new ReadAhead(entries, new ConcurrentHashMap<>(), sha -> true, this::readFile, () -> true,
                1, 100, 25)) {
            ahead.start();
            waitFor(() -> read.size() >= 3);
            Thread.sleep(200);
            // the same bytes in every file: only the first is new content, the rest are its duplicates
            assertEquals(Set.of("f0.txt"), read);
        }
        read.clear();
        entries.clear();
        for (int i = 0; i < 10; i++) {
            entries.add(file("g" + i + ".txt", "012345678" + i));
        }
        try (ReadAhead ahead = new ReadAhead(entries, new ConcurrentHashMap<>(), sha -> true, this::readFile, () -> true,
                1, 100, 25)) {
            ahead.start();
            waitFor(() -> read.size() >= 3);
            Thread.sleep(200);
            assertEquals(3, read.size(), "reading stops once 25 characters or more are held");
        }
        read.clear();
        AtomicBoolean reading = new AtomicBoolean(false);
        try (ReadAhead ahead = new ReadAhead(entries, new ConcurrentHashMap<>(), sha -> true, this::readFile, reading::get,
                2)) {
            ahead.start();
            Thread.sleep(200);
            assertTrue(read.isEmpty(), "nothing read ahead once the route can take the files");
            assertNull(ahead.take("g0.txt"));
        }
    }
}

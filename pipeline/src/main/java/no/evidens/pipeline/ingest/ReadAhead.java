package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;

/**
 * Reads the bundle's files on, in the bundle's order, while the route cannot take them yet: at an ingest's start the
 * tagger's models load for seconds on one thread, while the Tika worker is ready sooner and, once each route thread
 * holds a file waiting for the tagger, would stand idle. Each extraction is held until the route asks for that file
 * ({@link #take}), and the route then handles it exactly as one it read itself: the same failure memory, the same
 * receipt line, the same order of the duplicate check, since only the reading moved.
 *
 * <p>It reads only while {@code reading} says so (the models still loading), and holds at most {@link #MAX_FILES} files
 * (in flight or read) and about {@link #MAX_CHARS} characters of their text, so that the look-ahead's memory is bounded
 * whatever the bundle. It reads only files the route would read: none with a problem of its own, none whose bytes are
 * in the case already or failed before (the {@code newContent} test), none whose bytes an earlier file of the bundle
 * has. A file the route reaches first is the route's, and is passed over here.
 */
final class ReadAhead implements AutoCloseable {
    /** At most this many files read ahead and not yet taken (those in flight included). */
    static final int MAX_FILES = 512;
    /** Reading ahead stops while the text held reaches this many characters (some 16 MB at most, as UTF-16). */
    static final long MAX_CHARS = 8_000_000;
    /** How often a reader waiting for room looks again whether it should still read. */
    private static final long POLL_MILLIS = 50;

    /** Reads one file (the analyser's extractor). */
    interface Reader {
        Extraction extract(Path file) throws ExtractionException;
    }

    /** A file claimed here: its reading, and the characters it holds once read. */
    private static final class Slot {
        final CompletableFuture<Extraction> result = new CompletableFuture<>();
        long chars;
    }

    /** Marks a file the route took (or reads itself): never read here. */
    private static final Slot ROUTE = new Slot();

    private final List<BundleEntry> entries;
    private final Map<String, String> hashes;
    private final Predicate<String> newContent;
    private final Reader reader;
    private final BooleanSupplier reading;
    private final int maxFiles;
    private final long maxChars;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    /** Content hashes of the files claimed or passed over here: a later file with the same bytes is a duplicate. */
    private final Set<String> shas = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService threads;
    private final int count;
    /** Files claimed here and not yet taken or dropped, and the characters of those read (guarded by this). */
    private int held;
    private long heldChars;
    private volatile boolean closed;

    /**
     * @param entries    the bundle's files, in the order the route is given them
     * @param hashes     content hashes by path, shared with the route (a concurrent map): a hash made here is not made
     *                   again there
     * @param newContent whether the route would read a file with these bytes (not in the case, not failed before)
     * @param reader     reads a file as the route would
     * @param reading    whether to go on reading ahead
     * @param threads    files read at a time (as many as the extractor reads at a time)
     */
    ReadAhead(List<BundleEntry> entries, Map<String, String> hashes, Predicate<String> newContent, Reader reader,
              BooleanSupplier reading, int threads) {
        this(entries, hashes, newContent, reader, reading, threads, MAX_FILES, MAX_CHARS);
    }

    ReadAhead(List<BundleEntry> entries, Map<String, String> hashes, Predicate<String> newContent, Reader reader,
              BooleanSupplier reading, int threads, int maxFiles, long maxChars) {
        this.entries = entries;
        this.hashes = hashes;
        this.newContent = newContent;
        this.reader = reader;
        this.reading = reading;
        this.maxFiles = maxFiles;
        this.maxChars = maxChars;
        this.count = Math.max(1, threads);
        this.threads = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "ingest-read-ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading ahead. */
    ReadAhead start() {
        for (int i = 0; i < count; i++) {
            threads.execute(this::readOn);
        }
        return this;
    }

    private void readOn() {
        while (reserve()) {
            int i = next.getAndIncrement();
            if (i >= entries.size()) {
                unreserve();
                return;
            }
            BundleEntry entry = entries.get(i);
            Slot slot = claim(entry);
            if (slot == null) {
                unreserve();
                continue;
            }
            try {
                Extraction extraction = reader.extract(entry.file());
                synchronized (this) {
                    slot.chars = chars(extraction);
                    heldChars += slot.chars;
                }
                slot.result.complete(extraction);
            } catch (Exception | Error e) {
                slot.result.completeExceptionally(e);
            }
        }
    }

    /**
     * Waits until there is room to read one more file and counts it held; false (nothing counted) once reading ahead
     * is over.
     */
    private synchronized boolean reserve() {
        while (!closed && reading.getAsBoolean()) {
            if (held < maxFiles && heldChars < maxChars) {
                held++;
                return true;
            }
            try {
                wait(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** A place reserved and not used. */
    private synchronized void unreserve() {
        held--;
        notifyAll();
    }

    /** The file's slot, claimed here, or null when it is not one to read ahead. */
    private Slot claim(BundleEntry entry) {
        if (entry.problem() != null || entry.file() == null) {
            return null;
        }
        if (slots.containsKey(entry.path())) {
            String sha = hashes.get(entry.path()); // the route's: a later file with these bytes is a duplicate
            if (sha != null) {
                shas.add(sha);
            }
            return null;
        }
        String sha = hashes.get(entry.path());
        try {
            if (sha == null) {
                sha = Sha256.of(entry.file());
                hashes.put(entry.path(), sha);
            }
            if (!shas.add(sha) || !newContent.test(sha)) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null; // the route hashes it again and reports what fails
        }
        Slot slot = new Slot();
        return slots.putIfAbsent(entry.path(), slot) == null ? slot : null;
    }

    /**
     * The file's extraction when it was read ahead (waiting for it if it is being read), its failure thrown as the
     * extractor threw it; null when it was not, and will not be, read here (the route reads it).
     */
    Extraction take(String path) throws ExtractionException {
        Slot slot = slots.putIfAbsent(path, ROUTE);
        if (slot == null || slot == ROUTE || !slots.replace(path, slot, ROUTE)) {
            return null;
        }
        try {
            return slot.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.UNEXPECTED, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException x) {
                throw x;
            }
            if (cause instanceof RuntimeException x) {
                throw x;
            }
            if (cause instanceof Error x) {
                throw x;
            }
            throw new ExtractionException(Reason.UNEXPECTED, String.valueOf(cause), cause);
        } finally {
            slot.result.whenComplete((r, e) -> release(slot));
        }
    }

    /** The route will not take this file (a duplicate, or a failure before its reading): what was read is let go. */
    void drop(String path) {
        Slot slot = slots.putIfAbsent(path, ROUTE);
        if (slot != null && slot != ROUTE && slots.replace(path, slot, ROUTE)) {
            slot.result.whenComplete((r, e) -> release(slot));
        }
    }

    private synchronized void release(Slot slot) {
        held--;
        heldChars -= slot.chars;
        notifyAll();
    }

    /** Files claimed here and not yet taken or dropped. */
    synchronized int held() {
        return held;
    }

    /** Characters of text held (of files read, not yet taken or dropped). */
    synchronized long heldChars() {
        return heldChars;
    }

    /**
     * Stops reading ahead and waits for the readings under way (so that none runs on once the extractor is closed);
     * what is held and not taken is let go.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.HOURS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        slots.clear();
    }

    /** The characters of an extraction's text, with those of the documents it holds. */
    static long chars(Extraction extraction) {
        long n = extraction.text() == null ? 0 : extraction.text().length();
        for (Extraction.Embedded e : extraction.embedded()) {
            if (e.extraction() != null) {
                n += chars(e.extraction());
            }
        }
        return n;
    }
}

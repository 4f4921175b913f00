package no.evidens.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.IndexWriteLock;

/**
 * A writer of the embedded index letting go of it, as a server whose upload waits behind another writer (a command, the
 * inbox's watcher, another server) sees it within a second, rather than at its next look at the waiting jobs (30 s). Two
 * signs, read every second: the mark each writer leaves in the home when it closes ({@code ingest-jobs/index-released}, a
 * new word each time; written by the writer's close, {@link IndexBackend#embeddedWriter}, so an ingestion and
 * {@code case delete-records} alike), and, for a writer that dies without closing ({@code kill -9}, the OOM killer, a power
 * cut), its lock going free ({@link IndexWriteLock}): seen held at one look and free at the next.
 *
 * <p>The lock's look, weighed against a process id written beside the mark and asked whether it lives: the lock is what
 * a waiting writer needs, and the OS frees it at the death itself, so the look is right where an id is not (a home on a
 * share that two machines or containers use: another machine's id says nothing here; an id taken again by a new process;
 * a writer killed between taking the lock and writing its id). Its cost: Lucene's lock can be looked at only by taking
 * it for a moment, so every writer's open tries the lock again for a second before it is refused
 * ({@link IndexWriteLock#waitingForIt}). A read of small files each second, not {@link java.nio.file.WatchService}: on
 * macOS the JDK's watch service looks only every 10 s, and a read a second costs nothing.
 */
public final class IndexReleases {
    private static final Logger LOG = LoggerFactory.getLogger(IndexReleases.class);
    static final String FILE = "index-released";

    private final Path file;
    private final Path index;
    private String seen;
    /** Whether the last look found the index's lock held (by another process, or a writer of this one). */
    private boolean held;

    /** Watches the home's mark and its index's lock from now on (a mark left before does not count). */
    public IndexReleases(Path home) {
        this.file = of(home);
        this.index = new EvidensHome(home).index();
        this.seen = read();
        this.held = IndexWriteLock.look(index) == IndexWriteLock.Seen.HELD;
    }

    private static Path of(Path home) {
        return home.resolve("ingest-jobs").resolve(FILE);
    }

    /** Marks that this process let go of the home's index writer. A mark not written is a log line: the waiters look later. */
    public static void mark(Path home) {
        Path file = of(home);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.debug("the index's release not marked: {}", Messages.oneLine(e));
        }
    }

    /**
     * Whether a writer let go of the index since the last time asked (or since made): its mark was written, or the lock
     * held at the last look is free now (its writer closed, or died).
     */
    public synchronized boolean marked() {
        String now = read();
        boolean changed = !Objects.equals(now, seen);
        seen = now;
        boolean wasHeld = held;
        held = IndexWriteLock.look(index) == IndexWriteLock.Seen.HELD;
        return changed && now != null || wasHeld && !held;
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // none yet
        }
    }
}

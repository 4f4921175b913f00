package no.evidens.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.IndexWriteLock;

/**
 * A writer of the embedded index letting go of it, as a server whose upload waits behind another writer (a command, the
 * inbox's watcher, another server) sees it within a second, rather than at its next look at the waiting jobs (30 s). Two
 * signs, read every second: the mark each writer leaves in the home when it closes ({@code ingest-jobs/index-released}, a
 * new word each time; written by the writer's close, {@link IndexBackend#embeddedWriter}, so an ingestion and
 * {@code case delete-records} alike), and, for a writer that dies without closing ({@code kill -9}, the OOM killer, a power
 * cut), its lock going free ({@link IndexWriteLock}): held at one look (or when a waiting job tried it) and free at the next.
 *
 * <p>The lock's look, weighed against a process id written beside the mark and asked whether it lives: the lock is what
 * a waiting writer needs, and the OS frees it at the death itself, so the look is right where an id is not (a home on a
 * share that two machines or containers use: another machine's id says nothing here; an id taken again by a new process;
 * a writer killed between taking the lock and writing its id). Its cost: Lucene's lock can be looked at only by taking
 * it for a moment, so every writer's open tries the lock again for a second before it is refused
 * ({@link IndexWriteLock#waitingForIt}). The lock is therefore looked at only while a job waits ({@link Waiters}): with
 * none waiting, no look can refuse a writer opening in that moment. A read of small files each second, not
 * {@link java.nio.file.WatchService}: on macOS the JDK's watch service looks only every 10 s, and a read a second costs
 * nothing.
 */
public final class IndexReleases {
    private static final Logger LOG = LoggerFactory.getLogger(IndexReleases.class);
    static final String FILE = "index-released";

    /**
     * Who waits for the index, as a server knows it at once (no file read).
     *
     * @param any    whether a job waits for the index (none runs here meanwhile)
     * @param heldAt when ({@link System#nanoTime}) another writer was last known to hold the index against a waiting job
     *               (its lock refused the job, or another server ran a job as it came), if one was
     */
    public record Waiters(boolean any, OptionalLong heldAt) {
        /** No job waits: the lock is not looked at. */
        public static final Waiters NONE = new Waiters(false, OptionalLong.empty());
    }

    private final Path file;
    private final Path index;
    private final Function<Path, IndexWriteLock.Seen> lock;
    private String seen;
    /** Whether the last look found the index's lock held (by another process, or a writer of this one). */
    private boolean held;
    /** When ({@link System#nanoTime}) the lock was last looked at, or these releases made. */
    private long lastLook = System.nanoTime();

    /** Watches the home's mark and its index's lock from now on (a mark left before does not count). */
    public IndexReleases(Path home) {
        this(home, IndexWriteLock::look);
    }

    /** As {@link #IndexReleases(Path)}, with another look at the index's lock (a test's, which counts the looks). */
    public IndexReleases(Path home, Function<Path, IndexWriteLock.Seen> lock) {
        this.file = of(home);
        this.index = new EvidensHome(home).index();
        this.lock = lock;
        this.seen = read();
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

    /** Whether a writer let go of the index since last asked, for a job waiting for it: {@link #released}. */
    public boolean marked() {
        return released(new Waiters(true, OptionalLong.empty()));
    }

    /**
     * Whether a writer let go of the index since the last time asked (or since made): its mark was written; or, while a job
     * waits, the lock is free now and was held at the last look, or when a job tried it since (a writer killed before any
     * look saw it held). With no job waiting the lock is not looked at, and what was seen of it is forgotten.
     */
    public synchronized boolean released(Waiters waiters) {
        String now = read();
        boolean marked = !Objects.equals(now, seen) && now != null;
        seen = now;
        if (!waiters.any()) {
            held = false;
            return marked;
        }
        // a job kept out by another writer since the last look saw it held as a look would (that writer may be gone already)
        boolean wasHeld = held || waiters.heldAt().isPresent() && waiters.heldAt().getAsLong() - lastLook > 0;
        lastLook = System.nanoTime();
        held = lock.apply(index) == IndexWriteLock.Seen.HELD;
        return marked || wasHeld && !held;
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // none yet
        }
    }
}

package no.evidens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.SleepingLockWrapper;

/**
 * The embedded index's write lock ({@code write.lock}: Lucene's native lock, an OS lock on that file), seen from outside
 * its writer. The OS lets go of a process's locks the moment it dies, however it dies ({@code kill -9}, the OOM killer),
 * so a look at the lock tells a waiting server that a writer killed without a word is gone, where the writer's own
 * release mark is never written.
 *
 * <p>Lucene has no way to look at its lock without taking it: a look takes it and lets go at once. A writer opening in
 * that moment would be refused, so every writer of the index waits a little for the lock ({@link #waitingForIt}) rather
 * than being refused at once: a look holds it for a moment, a writer for its whole work.
 */
public final class IndexWriteLock {
    /** How long a writer's open waits for the lock before it is refused (the look that holds it meanwhile: microseconds). */
    static final long OPEN_WAIT_MS = 1_000;
    /** How often a waiting writer's open tries the lock again. */
    static final long OPEN_RETRY_MS = 20;

    /** What a look found. */
    public enum Seen {
        /** No lock file: no writer has ever opened the index (or there is none), so none holds it. */
        NONE,
        /** Another writer (another process, or a writer of this one) holds it. */
        HELD,
        /** The lock file is there and no one holds it: its last writer let go, or died. */
        FREE
    }

    private IndexWriteLock() {
    }

    /** Looks whether the index in {@code dir} is held by a writer now: the lock is taken and let go at once when free. */
    public static Seen look(Path dir) {
        if (!Files.isRegularFile(dir.resolve(IndexWriter.WRITE_LOCK_NAME))) {
            return Seen.NONE; // never made: and a look does not make it (nor the index's folder)
        }
        try (Directory d = new NIOFSDirectory(dir); Lock taken = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            taken.ensureValid();
            return Seen.FREE;
        } catch (LockObtainFailedException e) {
            return Seen.HELD;
        } catch (IOException e) {
            return Seen.NONE; // not readable now: not known to be held; the waiters' ordinary look decides
        }
    }

    /**
     * The directory a writer opens with: its lock is tried again for {@link #OPEN_WAIT_MS} when held. Lucene's own wrapper
     * for it (its javadoc warns against long waits: this one is a second, enough for a {@link #look} to let go).
     */
    static Directory waitingForIt(Directory d) {
        return new SleepingLockWrapper(d, OPEN_WAIT_MS, OPEN_RETRY_MS);
    }
}

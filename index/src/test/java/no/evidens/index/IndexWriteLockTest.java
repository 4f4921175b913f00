package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A look at the index's write lock says whether a writer holds it, and a writer opening while a look holds the lock for
 * its moment still opens (a server looks every second while an upload waits; a command may open its writer then).
 */
class IndexWriteLockTest {
    @TempDir
    Path tmp;

    @Test
    void aLookSaysWhetherAWriterHoldsTheIndexAndMakesNothing() throws Exception {
        Path dir = tmp.resolve("index");
        assertEquals(IndexWriteLock.Seen.NONE, IndexWriteLock.look(dir));
        assertFalse(Files.exists(dir), "a look makes no index folder");
        try (EvidenceIndexWriter writer = new EvidenceIndexWriter(dir)) {
            assertEquals(IndexWriteLock.Seen.HELD, IndexWriteLock.look(dir));
            writer.commit(); // the look let the writer keep it
            assertEquals(IndexWriteLock.Seen.HELD, IndexWriteLock.look(dir));
        }
        assertEquals(IndexWriteLock.Seen.FREE, IndexWriteLock.look(dir));
        try (EvidenceIndexWriter again = new EvidenceIndexWriter(dir)) { // a writer opens after looks
            again.commit();
            assertEquals(IndexWriteLock.Seen.HELD, IndexWriteLock.look(dir));
        }
    }

    @Test
    void aWriterOpeningWhileALookHoldsTheLockWaitsForItRatherThanBeingRefused() throws Exception {
        Path dir = tmp.resolve("index");
        new EvidenceIndexWriter(dir).close(); // an index there, and the writer's classes loaded: the next open is quick
        Directory d = new NIOFSDirectory(dir);
        Lock look = d.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        // the look lets go a moment after the writer began to open (a look on a loaded machine: this long at most)
        CompletableFuture<Void> letGo = CompletableFuture.runAsync(() -> {
            try {
                look.close();
                d.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        try (EvidenceIndexWriter writer = new EvidenceIndexWriter(dir)) { // refused at once, it threw LockObtainFailedException
            writer.commit();
            assertEquals(IndexWriteLock.Seen.HELD, IndexWriteLock.look(dir));
        }
        letGo.get(30, TimeUnit.SECONDS);
    }
}

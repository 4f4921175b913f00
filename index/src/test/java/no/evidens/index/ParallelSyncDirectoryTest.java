package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;

/** A commit's files are synced at the same time, every one of them, and a file that cannot be synced fails the sync. */
class ParallelSyncDirectoryTest {
    /** Records the files synced; each sync waits until {@code together} files are being synced at once, or gives up. */
    private static final class Disk extends FilterDirectory {
        final Set<String> synced = ConcurrentHashMap.newKeySet();
        final CountDownLatch together;
        final String failing;

        Disk(int together, String failing) {
            super(new ByteBuffersDirectory());
            this.together = new CountDownLatch(together);
            this.failing = failing;
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            together.countDown();
            try {
                if (!together.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("synced one after the other");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            for (String name : names) {
                if (name.equals(failing)) {
                    throw new IOException("cannot sync " + name);
                }
                synced.add(name);
            }
        }
    }

    private static final List<String> SEGMENT = List.of("_0.fdt", "_0.fdx", "_0.fnm", "_0.nvd", "_0.si", "_0_Lucene912_0.doc",
            "_0_Lucene912_0.pos", "_0_Lucene912_0.tim", "_0_Lucene912_0.tip", "_0_Lucene912_0.tmd");

    @Test
    void aCommitsFilesAreSyncedAtTheSameTimeEachOfThem() throws IOException {
        Disk disk = new Disk(ParallelSyncDirectory.AT_ONCE, null);
        try (ParallelSyncDirectory dir = new ParallelSyncDirectory(disk)) {
            dir.sync(SEGMENT);
        }
        assertEquals(Set.copyOf(SEGMENT), disk.synced);
    }

    @Test
    void aFileThatCannotBeSyncedFailsTheSyncOnceTheOthersAreSynced() throws IOException {
        Disk disk = new Disk(ParallelSyncDirectory.AT_ONCE, "_0.si");
        try (ParallelSyncDirectory dir = new ParallelSyncDirectory(disk)) {
            IOException e = assertThrows(IOException.class, () -> dir.sync(SEGMENT));
            assertEquals("cannot sync _0.si", e.getMessage());
        }
        assertEquals(SEGMENT.size() - 1, disk.synced.size());
    }
}

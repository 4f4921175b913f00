package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WorkerTempFoldersTest {
    /**
     * A worker's folder is its owner's alone; a folder left by a main process that was killed (its id no longer runs)
     * is swept when the next worker starts, with the page images in it; a folder of a main process still running is
     * left alone.
     */
    @Test
    void aNewFolderIsPrivateAndTheFoldersOfKilledMainProcessesAreSwept() throws Exception {
        Path system = Path.of(System.getProperty("java.io.tmpdir"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path orphan = Files.createDirectory(system.resolve(WorkerTempFolders.prefix(gone.pid()) + "test"));
        Files.writeString(orphan.resolve("apache-tika-1.png"), "side av en journal");
        Path living = Files.createDirectory(system.resolve(WorkerTempFolders.prefix(ProcessHandle.current().pid()) + "test"));
        Path made = null;
        try {
            made = WorkerTempFolders.create().orElseThrow();
            assertFalse(Files.exists(orphan), "the killed main process's folder is swept");
            assertTrue(Files.isDirectory(living), "a running main process's folder is kept");
            assertEquals(Optional.of(ProcessHandle.current().pid()), WorkerTempFolders.mainProcessOf(made.getFileName().toString()));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
        } finally {
            WorkerTempFolders.remove(living);
            WorkerTempFolders.remove(orphan);
            if (made != null) {
                WorkerTempFolders.remove(made);
            }
        }
    }

    @Test
    void onlyOurOwnFolderNamesGiveAMainProcess() {
        assertEquals(Optional.of(4711L), WorkerTempFolders.mainProcessOf("evidens-worker-4711-123456"));
        assertEquals(Optional.empty(), WorkerTempFolders.mainProcessOf("evidens-worker-x-1"));
        assertEquals(Optional.empty(), WorkerTempFolders.mainProcessOf("apache-tika-4711.png"));
    }
}

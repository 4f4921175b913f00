package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * A private temporary folder for each extraction worker, removed with everything in it when the worker has ended.
 *
 * <p>Tika writes temporary files while it reads (a PDF page rendered to an image for Tesseract, Tesseract's text of
 * it, an attachment copied out of its container) and deletes them when the parse ends. A worker stopped in the
 * middle (a file's time limit, a crash, memory exhausted) never gets there, and those files, images of a client's
 * record among them, stayed in the system's temporary folder, readable by every user of the machine. Each worker
 * is therefore given a folder of its own ({@code -Djava.io.tmpdir}), readable by its owner alone, and the folder is
 * deleted once the process has exited, however it ended, after the programs still reading files in it are stopped. Folders left by a main process that was itself killed are
 * deleted the next time a worker starts on the machine: their names carry the main process's id.
 */
final class WorkerTempFolders {
    /** The start of every worker folder's name; the main process's id follows. */
    static final String PREFIX = "evidens-worker-";

    private WorkerTempFolders() {
    }

    /**
     * A new folder for a worker about to start, in the system's temporary folder, after the folders of main
     * processes that no longer run are removed; empty when none can be made (the worker then uses the system's own).
     */
    static Optional<Path> create() {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        removeOrphans(base);
        try {
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(base, prefix(ProcessHandle.current().pid()),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(base, prefix(ProcessHandle.current().pid()));
            return Optional.of(folder);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The name's start of the folders made by the main process {@code pid}. */
    static String prefix(long pid) {
        return PREFIX + pid + "-";
    }

    /**
     * Once {@code worker} has exited, whichever way it ended: stops the programs still working in {@code folder}
     * (Tesseract, started by a worker that crashed or was stopped, runs on orphaned to the end of its page) and
     * deletes the folder.
     */
    static void removeWhenEnded(Process worker, Path folder) {
        worker.onExit().whenComplete((p, e) -> {
            stopProgramsIn(folder);
            remove(folder);
        });
    }

    /** Stops every process whose command line names a file in {@code folder}. */
    private static void stopProgramsIn(Path folder) {
        String name = folder.toString() + java.io.File.separator;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.stream(args).anyMatch(a -> a.contains(name))).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** Deletes a folder and everything in it; what cannot be deleted (gone already, in use) is left. */
    static void remove(Path folder) {
        // What is left (in use, gone already, unreadable) waits for the next sweep: a folder whose main process no
        // longer runs is removed then.
        org.apache.commons.io.FileUtils.deleteQuietly(folder.toFile());
    }

    /** Removes the worker folders whose main process no longer runs (it was killed before it could remove them). */
    private static void removeOrphans(Path base) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path folder : folders) {
                mainProcessOf(folder.getFileName().toString())
                        .filter(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true))
                        .ifPresent(pid -> remove(folder));
            }
        } catch (IOException | RuntimeException e) {
            // The system's temporary folder cannot be listed: nothing to sweep.
        }
    }

    /** The main process's id in a worker folder's name, if the name is one of ours. */
    static Optional<Long> mainProcessOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash <= 0 ? Optional.empty() : Optional.of(Long.parseLong(rest.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK's class-data sharing for the Tika workers: the classes a worker loads (Tika, its parsers, PDFBox,
 * POI, …) are written once to an archive beside the runnable jar, and every later worker maps them from
 * there instead of reading and verifying them from the jars again (measured: a worker's start-up, Tika
 * loaded, from about 3.5 to about 2 CPU seconds). JDK 17 makes such an archive only when a JVM ends
 * ({@code -XX:ArchiveClassesAtExit}), so the first worker of a build writes it to a file of its own, and
 * it becomes the archive once that worker has ended normally. The archive's name holds the class path
 * and the jar's size and time, so a new build makes a new one; the JVM checks it again and, should it not
 * match, runs without it. Without a runnable jar (tests run from class folders) nothing is shared.
 */
final class WorkerArchive {
    private final Path archive;
    private final AtomicBoolean dumping = new AtomicBoolean();
    private Path dump;

    private WorkerArchive(Path archive) {
        this.archive = archive;
    }

    /**
     * The class path a worker runs with: {@value #CLASS_PATH_PROPERTY} when set, else this process's. The integration
     * tests set it to the runnable jar: their JVM's own class path begins with the test classes' folder, from which the
     * JDK archives nothing, so each worker they started read and verified Tika's classes again (round 60: 4.0–4.8 CPU s to
     * start and end a worker, against 2.0–2.5 from the jar with the archive).
     */
    static String workerClassPath() {
        String set = System.getProperty(CLASS_PATH_PROPERTY);
        return set == null || set.isBlank() ? System.getProperty("java.class.path", "") : set;
    }

    /** The system property naming the workers' class path (see {@link #workerClassPath()}); not set by the launcher. */
    static final String CLASS_PATH_PROPERTY = "evidens.worker.classPath";

    /** For the workers' class path ({@link #workerClassPath()}), or empty when it has no writable runnable jar first. */
    static Optional<WorkerArchive> forClassPath() {
        return forClassPath(workerClassPath());
    }

    /** For the given class path, or empty when it has no writable runnable jar first. */
    static Optional<WorkerArchive> forClassPath(String classPath) {
        Path jar = Path.of(classPath.split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar) || jar.getParent() == null
                || !Files.isWritable(jar.getParent())) {
            return Optional.empty();
        }
        try {
            String key = classPath + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String name = "worker-" + HexFormat.of().formatHex(digest, 0, 8) + ".jsa";
            return Optional.of(new WorkerArchive(jar.getParent().resolve(name)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /**
     * The options of a worker about to start: map the archive when there is one; else the first worker
     * started writes it when it ends (see {@link #workerEnded}); the others run without.
     */
    synchronized List<String> options() {
        if (Files.isReadable(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (dumping.compareAndSet(false, true)) {
            dump = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            return List.of("-XX:ArchiveClassesAtExit=" + dump);
        }
        return List.of();
    }

    /**
     * After the worker that writes the archive has ended: its file becomes the archive if it ended
     * normally ({@code exitCode} 0), else it is deleted.
     */
    synchronized void workerEnded(int exitCode) {
        if (dump == null) {
            return;
        }
        try {
            if (exitCode == 0 && Files.size(dump) > 0) {
                try {
                    Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(dump, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.deleteIfExists(dump);
        } catch (IOException e) {
            // Only a speed-up: without the archive the workers start as before.
        }
        dump = null;
    }

    /** Whether {@code options} are those of the worker that writes the archive. */
    static boolean writes(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }
}

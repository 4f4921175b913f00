package no.evidens.pipeline.inbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;

/**
 * What the inbox watcher is doing, kept in {@code <home>/inbox.json} for the workspace to show: the inbox,
 * the bundle being ingested, and the bundles finished (newest first, the last {@value #KEPT}). The bundles
 * waiting are those still in the inbox ({@link #waiting}).
 */
public record InboxState(String inbox, Running running, List<Finished> finished) {
    static final int KEPT = 200;
    public static final String FILE = "inbox.json";
    static final String LOCK = "inbox.lock";
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** The bundle being ingested now. */
    public record Running(String bundle, String caseId, String started) {
    }

    /**
     * A bundle done ({@code done}: ingested, some files maybe failed, see its receipt), {@value #WAITING} (left in the
     * inbox because the disk was full, {@code errorCode} {@value #DISK_FULL}, or the SolrCloud cluster did not answer or
     * refused the writes, {@value #INDEX_UNREACHABLE}; no {@code movedTo}) or {@code failed} (not
     * ingested: {@code error} says why, in English, and {@code errorCode} names the kind of failure, so a view
     * can say it in the reader's language: {@value #DAMAGED_BUNDLE}, {@value #BAD_CASE_NAME}, {@value #CASE_CLOSED} or
     * {@value #UNEXPECTED};
     * null when done, and in a state written before the codes), with where it and its receipt now are.
     */
    public record Finished(String bundle, String caseId, String status, String finishedAt, int indexed, int duplicate,
                           int failedFiles, String error, String errorCode, String movedTo, String receipt) {
        /** The bundle (zip or manifest) could not be read. */
        public static final String DAMAGED_BUNDLE = "damaged-bundle";
        /** The case the bundle names is not a valid case id. */
        public static final String BAD_CASE_NAME = "bad-case-name";
        /** The case the bundle names is closed (read-only): nothing of it was ingested. */
        public static final String CASE_CLOSED = "case-closed";
        /** The ingest itself failed. */
        public static final String UNEXPECTED = "unexpected";
        /** The status of a bundle left in the inbox because the disk was full: it is read again when there is room. */
        public static final String WAITING = "waiting";
        /** The disk (the home's or the inbox's) was full: what was not saved is read again when there is room. */
        public static final String DISK_FULL = "disk-full";
        /** The SolrCloud cluster did not answer or refused the writes: the bundle is read again when it is back. */
        public static final String INDEX_UNREACHABLE = "index-unreachable";
    }

    public InboxState {
        finished = finished == null ? List.of() : List.copyOf(finished);
    }

    /** The state the watcher last wrote under this home, or none. */
    public static InboxState read(EvidensHome home) throws IOException {
        Path file = home.root().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return Json.mapper().readValue(file.toFile(), InboxState.class);
    }

    void write(EvidensHome home) throws IOException {
        Path file = home.root().resolve(FILE);
        Path tmp = home.root().resolve(FILE + ".tmp");
        Files.createDirectories(home.root());
        Json.write(this, tmp);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    InboxState withRunning(Running now) {
        return new InboxState(inbox, now, finished);
    }

    InboxState withFinished(Finished done) {
        List<Finished> all = new ArrayList<>();
        all.add(done);
        // a bundle that waited for room (a full disk, tried once a minute) replaces its last wait: one line while it waits
        // and then its outcome, not one a minute, which would push the bundles finished before it out of the last KEPT
        boolean againWaiting = !finished.isEmpty() && Finished.WAITING.equals(finished.get(0).status())
                && done.bundle().equals(finished.get(0).bundle());
        List<Finished> before = againWaiting ? finished.subList(1, finished.size()) : finished;
        all.addAll(before.subList(0, Math.min(before.size(), KEPT - 1)));
        return new InboxState(inbox, null, all);
    }

    /**
     * Whether a watcher runs on this home now: it holds a lock on {@code <home>/inbox.lock} while it runs, which the
     * system lets go when its process ends, killed or not (so a {@link #running} left in the state by a killed watcher
     * is told as cut short, not as running).
     */
    public static boolean watcherAlive(EvidensHome home) throws IOException {
        Path file = lockFile(home);
        if (HELD.contains(file)) {
            return true; // held in this JVM: a second channel on the file, once closed, would let go of that lock
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        // read-only and shared: a workspace that may not write the home still asks
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException held) {
            return true;
        }
    }

    /** The lock a watcher holds on this home while it runs, or null when another holds it. */
    static FileLock holdWatcherLock(EvidensHome home) throws IOException {
        Path file = lockFile(home);
        Files.createDirectories(home.root());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            HELD.add(file);
            return lock;
        } catch (OverlappingFileLockException held) {
            channel.close();
            return null;
        }
    }

    static void letGo(EvidensHome home, FileLock lock) throws IOException {
        if (lock != null) {
            HELD.remove(lockFile(home));
            lock.channel().close();
        }
    }

    private static Path lockFile(EvidensHome home) {
        return home.root().toAbsolutePath().normalize().resolve(LOCK);
    }

    /** The bundles in the inbox now, by name: a {@code .zip}, or a folder once its manifest.csv is there. */
    public static List<String> waiting(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(inbox)) {
            return list.filter(p -> (Files.isRegularFile(p) && BundleCase.isZip(p))
                            || (Files.isDirectory(p) && !InboxWatcher.DONE.equals(p.getFileName().toString())
                                && !InboxWatcher.FAILED.equals(p.getFileName().toString())
                                && Files.isRegularFile(p.resolve(no.evidens.pipeline.bundle.Manifest.FILE_NAME))))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

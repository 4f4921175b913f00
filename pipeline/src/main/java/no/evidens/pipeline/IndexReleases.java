package no.evidens.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mark a writer of the embedded index leaves in the home when it has let go of it ({@code ingest-jobs/index-released},
 * a new word each time; written by the writer's close, {@link IndexBackend#embeddedWriter}, so an ingestion and
 * {@code case delete-records} alike): a server whose upload waits behind another writer (a command, the inbox's watcher,
 * another server) reads it every second and goes on as soon as it changed, rather than at its next look at the waiting
 * jobs (30 s).
 *
 * <p>A mark, not a look at the write lock itself: Lucene's lock can be looked at only by taking it, and a writer that finds
 * it taken is refused at once (it does not wait), so a command starting at the instant a server held the lock for its look
 * would fail. A read of a small file each second, not {@link java.nio.file.WatchService}: on macOS the JDK's watch service
 * looks only every 10 s, and a read a second costs nothing. A writer killed leaves no mark: its waiters go on at their next
 * look, as before.
 */
public final class IndexReleases {
    private static final Logger LOG = LoggerFactory.getLogger(IndexReleases.class);
    static final String FILE = "index-released";

    private final Path file;
    private String seen;

    /** Watches the home's mark from now on (a mark left before does not count). */
    public IndexReleases(Path home) {
        this.file = of(home);
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

    /** Whether a release was marked since the last time asked (or since made). */
    public synchronized boolean marked() {
        String now = read();
        boolean changed = !Objects.equals(now, seen);
        seen = now;
        return changed && now != null;
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // none yet
        }
    }
}

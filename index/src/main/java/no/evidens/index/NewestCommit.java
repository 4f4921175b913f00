package no.evidens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.LongSupplier;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The generation of the newest commit in an index folder, for a searcher that must see commits made after it opened the
 * index, also by another process. Finding it lists the folder (Lucene reads the generation from the commit files'
 * names), which costs about 50 µs of processor time with the hundred files of a million passages: a few per cent of a
 * one-word search. A commit adds files to the folder, which changes the folder's modification time, so the folder is
 * listed again only when that time differs from the one seen at the last listing. Filesystems keep that time at a
 * coarse grain (a few milliseconds on Linux, seconds on some), so two changes close together can leave the same time:
 * a listing is trusted while the time stays the same only when the folder had not changed for {@link #SETTLED_MILLIS}
 * before it (as Git treats a file changed in the second its index was written); a folder that changed more recently is
 * listed at every look, as before.
 * <p>
 * Where this fails: the folder's time is written by the file system's clock (on a network file system, the server's)
 * and compared here with this machine's. When that time can lag this machine's clock by {@link #SETTLED_MILLIS} or
 * more (a server whose clock runs behind this one, or times kept at 2 s or coarser, as FAT keeps them), a folder changed
 * just now looks settled; a commit in the same tick of the folder's time then leaves the time as it was and is not
 * seen until the folder's time next changes. So that such a commit is never missed for long, a settled listing stands
 * for at most {@link #RELIST_MILLIS}; after that the folder is listed again at the next look (one listing every few
 * seconds costs nothing a search would notice). A server clock ahead of this one makes no listing settled: the folder is
 * listed at every look, which costs only time. Thread-safe.
 */
final class NewestCommit {
    /** How long before a listing the folder must have been unchanged for the listing to stand while the time stays the same. */
    static final long SETTLED_MILLIS = 2_000;
    /** How long a settled listing stands at most: the bound on a commit missed when the folder's clock lags this one's. */
    static final long RELIST_MILLIS = 5_000;

    /** A listing: the folder's modification time read before it, when it was made, the generation found, and whether it may stand. */
    private record Listed(FileTime modified, long listedAt, long generation, boolean settled) {
    }

    private final Path dir;
    private final Directory directory;
    private final LongSupplier clock;
    private volatile Listed last;

    NewestCommit(Path dir, Directory directory) {
        this(dir, directory, System::currentTimeMillis);
    }

    NewestCommit(Path dir, Directory directory, LongSupplier clock) {
        this.dir = dir;
        this.directory = directory;
        this.clock = clock;
    }

    /** The newest commit's generation (-1: none), the folder listed only when it may have changed since the last listing. */
    long generation() throws IOException {
        FileTime modified = Files.getLastModifiedTime(dir);
        Listed l = last;
        long now = clock.getAsLong();
        if (l != null && l.settled() && l.modified().equals(modified) && now - l.listedAt() < RELIST_MILLIS) {
            return l.generation();
        }
        // The time is read before the listing: a change during or after it leaves a later time (the folder then settled).
        long listedAt = now;
        long generation = SegmentInfos.getLastCommitGeneration(directory);
        last = new Listed(modified, listedAt, generation, listedAt - modified.toMillis() >= SETTLED_MILLIS);
        return generation;
    }
}

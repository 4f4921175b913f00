package no.evidens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.function.LongSupplier;

/**
 * What was read from a file or folder, taken again without reading it while the file cannot have changed since: its
 * modification time and size (a file's; a folder's time alone) are looked at (one {@code stat}), and it is read again when
 * either differs from the last reading. Filesystems keep that time at a coarse grain (a few milliseconds on Linux, seconds on some), so two writes
 * close together can leave the same time and size: a reading is trusted while they stay the same only when the file had
 * not changed for {@link #SETTLED_MILLIS} before it (as Git treats a file changed in the second its index was written);
 * a file changed more recently is read at every look.
 * <p>
 * Where this fails: the file's time is written by the file system's clock (on a network file system, the server's) and
 * compared here with this machine's. When that time can lag this machine's clock by {@link #SETTLED_MILLIS} or more (a
 * server whose clock runs behind this one, or times kept at 2 s or coarser, as FAT keeps them), a file changed just now
 * looks settled; a write in the same tick of the file's time, of the same size, then leaves it as it was and is not seen
 * until the time next changes. So that such a write is never missed for long, a settled reading stands for at most
 * {@link #REREAD_MILLIS}; after that the file is read again at the next look (one reading every few seconds costs
 * nothing a search would notice). A server clock ahead of this one makes no reading settled: the file is read at every
 * look, which costs only time. Thread-safe; two threads may both read when it changed, the last reading kept.
 *
 * @param <T> what is read
 */
public final class SettledRead<T> {
    /** How long before a reading the file must have been unchanged for the reading to stand while its time stays the same. */
    public static final long SETTLED_MILLIS = 2_000;
    /** How long a settled reading stands at most: the bound on a write missed when the file's clock lags this one's. */
    public static final long REREAD_MILLIS = 5_000;

    /** Reads the value from the file. */
    @FunctionalInterface
    public interface Reader<T> {
        T read() throws IOException;
    }

    /** A reading: the file's time and size looked at before it, when it was made, what it gave, and whether it may stand. */
    private record Reading<T>(FileTime modified, long size, long readAt, T value, boolean settled) {
    }

    private final Path path;
    private final Reader<T> reader;
    private final LongSupplier clock;
    private volatile Reading<T> last;

    /** @param clock this machine's time in milliseconds since the epoch (tests: a clock of their own) */
    public SettledRead(Path path, Reader<T> reader, LongSupplier clock) {
        this.path = path;
        this.reader = reader;
        this.clock = clock;
    }

    public SettledRead(Path path, Reader<T> reader) {
        this(path, reader, System::currentTimeMillis);
    }

    /** The value as the file has it now: the last reading when the file cannot have changed since, else read again. */
    public T get() throws IOException {
        BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
        long size = now.isDirectory() ? -1 : now.size(); // a folder's size is the file system's own affair
        Reading<T> l = last;
        long at = clock.getAsLong();
        if (l != null && l.settled() && l.modified().equals(now.lastModifiedTime()) && l.size() == size
                && at - l.readAt() < REREAD_MILLIS) {
            return l.value();
        }
        // The time is looked at before the reading: a write during or after it leaves a later time (or a reading not settled).
        T value = reader.read();
        last = new Reading<>(now.lastModifiedTime(), size, at, value, at - now.lastModifiedTime().toMillis() >= SETTLED_MILLIS);
        return value;
    }
}

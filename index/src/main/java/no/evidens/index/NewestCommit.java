package no.evidens.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The generation of the newest commit in an index folder, for a searcher that must see commits made after it opened the
 * index, also by another process. Finding it lists the folder (Lucene reads the generation from the commit files'
 * names), which costs about 50 µs of processor time with the hundred files of a million passages: a few per cent of a
 * one-word search. A commit adds files to the folder, which changes the folder's modification time, so the folder is
 * listed again only when that time may have changed since the last listing ({@link SettledRead}: a listing made within
 * {@link #SETTLED_MILLIS} of the folder's last change is not trusted, and a trusted one stands for at most
 * {@link #RELIST_MILLIS}). Thread-safe.
 */
final class NewestCommit {
    /** How long before a listing the folder must have been unchanged for the listing to stand while the time stays the same. */
    static final long SETTLED_MILLIS = SettledRead.SETTLED_MILLIS;
    /** How long a settled listing stands at most: the bound on a commit missed when the folder's clock lags this one's. */
    static final long RELIST_MILLIS = SettledRead.REREAD_MILLIS;

    private final SettledRead<Long> generation;

    NewestCommit(Path dir, Directory directory) {
        this(dir, directory, System::currentTimeMillis);
    }

    NewestCommit(Path dir, Directory directory, LongSupplier clock) {
        this.generation = new SettledRead<>(dir, () -> SegmentInfos.getLastCommitGeneration(directory), clock);
    }

    /** The newest commit's generation (-1: none), the folder listed only when it may have changed since the last listing. */
    long generation() throws IOException {
        return generation.get();
    }
}

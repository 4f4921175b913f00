package no.evidens.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time of a file of the home that is read, changed and written again (a case's version register): the
 * other processes on the home (the server, a command, the inbox's watcher) and the other threads of this one wait their
 * turn. Across processes by an OS lock on a file beside it ({@code <name>.lock}, left in place: a lock file taken away
 * while another process waits on it would let a third take a new one at once); within this process by a lock of its
 * own, as the OS lock belongs to the whole process (a second thread asking for it is refused, not made to wait). The JDK
 * has the two locks and no library joins them; this class only joins them.
 */
public final class HomeLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    /** A piece of work done while the lock is held. */
    public interface Work<T> {
        T run() throws IOException;
    }

    private HomeLock() {
    }

    /** The lock file of a file: beside it, its name and {@code .lock}. */
    public static Path of(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Does the work while holding the lock of {@code file} ({@link #of}), waiting for it as long as another holds it. A
     * thread that holds it already does the work at once (the OS lock is taken once).
     */
    public static <T> T holding(Path file, Work<T> work) throws IOException {
        Path lock = of(file).toAbsolutePath().normalize();
        ReentrantLock mine = IN_THIS_PROCESS.computeIfAbsent(lock, l -> new ReentrantLock());
        if (mine.isHeldByCurrentThread()) {
            return work.run();
        }
        mine.lock();
        try {
            Files.createDirectories(lock.getParent());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock(); // released when the channel closes
                return work.run();
            }
        } finally {
            mine.unlock();
        }
    }
}

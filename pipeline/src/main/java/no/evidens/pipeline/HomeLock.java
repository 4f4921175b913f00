package no.evidens.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
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
    /**
     * The locks {@link #tryHold} holds in this process, by lock file. Asked before any channel is opened on the file: closing
     * a second channel of this process on it would let go of the OS lock the first holds (POSIX locks are the process's).
     */
    private static final Map<Path, FileChannel> HELD = new HashMap<>();

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

    /**
     * A lock taken by {@link #tryHold}, held until {@link #close} (by any thread), or until the process ends however it
     * ends (killed, the machine gone): the OS lets go of a dead process's locks, so a lock held says its holder lives.
     */
    public static final class Held implements AutoCloseable {
        private final Path lock;
        private boolean closed;

        private Held(Path lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            synchronized (HELD) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    HELD.remove(lock).close(); // the OS lock goes with its channel
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot let go of " + lock, e);
                }
            }
        }
    }

    /**
     * Takes the lock of {@code file} ({@link #of}) now, without waiting, and keeps it until the answer is closed; null when
     * another process holds it, or this one does (another thread, or the same: it is not taken twice).
     */
    public static Held tryHold(Path file) throws IOException {
        Path lock = of(file).toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.containsKey(lock)) {
                return null;
            }
            Files.createDirectories(lock.getParent());
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (taken == null) {
                channel.close(); // held by another process; this one held no lock on it to lose by the close
                return null;
            }
            HELD.put(lock, channel);
            return new Held(lock);
        }
    }
}

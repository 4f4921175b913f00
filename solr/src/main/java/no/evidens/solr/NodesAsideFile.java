package no.evidens.solr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes set aside ({@link NodesSetAside}) written down in a small file of the home, so that the next command, a new
 * process, knows them too: a hung node then costs one command its time-out per while, not every command. One line per
 * node: when its while is over (milliseconds since 1970, the writer's clock) and its base URL.
 *
 * <p>Many processes may change it at once (commands, a server, on one machine or sharing the home): each change re-reads
 * it under the operating system's lock of a file beside it ({@code .lock}, released by the system when a process dies),
 * and writes it whole to a temporary file that is then moved over it, so a reader without the lock never sees half of it.
 * A file that cannot be read or written is never a reason to fail: the nodes are then set aside in this process only.
 */
final class NodesAsideFile {
    private static final Logger LOG = LoggerFactory.getLogger(NodesAsideFile.class);
    /** A node whose while ended longer ago than this is forgotten when the file is written (a node the cluster no longer has). */
    private static final long FORGET_MS = TimeUnit.DAYS.toMillis(1);
    /** The system's lock is the whole process's: its threads take turns here first. */
    private static final Object THIS_PROCESS = new Object();

    private final Path file;

    NodesAsideFile(Path file) {
        this.file = file;
    }

    /** What the file says: base URL → when its while is over; empty when there is no file or it cannot be read. */
    Map<String, Long> read() {
        Map<String, Long> until = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    try {
                        until.put(line.substring(space + 1).strip(), Long.parseLong(line.substring(0, space)));
                    } catch (NumberFormatException unreadable) {
                        // a line of something else: not a node set aside
                    }
                }
            }
        } catch (NoSuchFileException none) {
            // no node set aside yet
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the Solr nodes set aside in {}: {}", file, e.toString());
        }
        return until;
    }

    /**
     * Changes the file: {@code change} is given what it says now, changes that, and its answer is returned; the file is
     * written when it changed. When the file cannot be locked or written, {@code otherwise} is returned and nothing is.
     */
    <T> T change(Function<Map<String, Long>, T> change, T otherwise, long nowMs) {
        synchronized (THIS_PROCESS) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(file.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // released as the channel closes
                    Map<String, Long> before = read();
                    Map<String, Long> after = new HashMap<>(before);
                    T answer = change.apply(after);
                    after.values().removeIf(end -> end < nowMs - FORGET_MS);
                    if (!after.equals(before)) {
                        write(dir, after);
                    }
                    return answer;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("cannot write the Solr nodes set aside to {}: {}", file, e.toString());
                return otherwise;
            }
        }
    }

    private void write(Path dir, Map<String, Long> until) throws IOException {
        StringBuilder text = new StringBuilder();
        until.forEach((node, end) -> text.append(end).append(' ').append(node).append('\n'));
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

package no.evidens.pipeline.inbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import no.evidens.pipeline.EvidensHome;

/**
 * Whether the watcher's state ({@code inbox.json}) is being saved, for the workspace to tell the team when it is not:
 * {@code <home>/inbox.saved}, a file of a fixed size written when the watcher starts (the home has room then: the state
 * was just written) and afterwards only overwritten in place. On a disk too full for {@code inbox.json} (a new file,
 * moved into place) this file's blocks are already its own, so it can still say so. Ext4, XFS and tmpfs overwrite in
 * place; a copy-on-write file system (btrfs, ZFS) may need room even for that, and then the line is not written: the
 * page shows the state last saved, as it did before.
 */
public final class InboxSaving implements AutoCloseable {
    static final String FILE = "inbox.saved";
    /** The file's one line, padded with spaces to this many bytes (the longest line is about 50). */
    private static final int SIZE = 96;
    private static final String SAVED = "saved";
    private static final String NOT_SAVED = "not-saved";

    /**
     * The watcher's state is not being saved.
     *
     * @param since     when it first could not be saved (ISO-8601)
     * @param errorCode {@value InboxState.Finished#DISK_FULL} when the disk is full, else {@value InboxState.Finished#UNEXPECTED}
     */
    public record NotSaved(String since, String errorCode) {
    }

    private final FileChannel channel;

    private InboxSaving(FileChannel channel) {
        this.channel = channel;
    }

    /** Writes the file anew, saying the state is saved, and keeps it open for the watcher to overwrite. */
    static InboxSaving open(EvidensHome home) throws IOException {
        FileChannel c = FileChannel.open(file(home), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        InboxSaving s = new InboxSaving(c);
        try {
            s.write(SAVED);
            // the blocks allocated now, while there is room: the later lines overwrite them
            c.force(true);
        } catch (IOException e) {
            c.close();
            throw e;
        }
        return s;
    }

    /** Says the state is saved again; false when the line could not be written. */
    boolean saved() {
        return tryWrite(SAVED);
    }

    /** Says the state is not being saved, since when and why; false when the line could not be written. */
    boolean notSaved(Instant since, String errorCode) {
        return tryWrite(NOT_SAVED + " " + since + " " + errorCode);
    }

    private boolean tryWrite(String line) {
        try {
            write(line);
            channel.force(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void write(String line) throws IOException {
        byte[] padded = (line + " ".repeat(SIZE - 1 - line.length()) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.wrap(padded);
        for (long at = 0; b.hasRemaining(); ) {
            at += channel.write(b, at);
        }
    }

    /** What the watcher of this home last said: empty when its state is saved (or no watcher ever said otherwise). */
    public static Optional<NotSaved> read(EvidensHome home) {
        Path f = file(home);
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > SIZE) {
                return Optional.empty();
            }
            String[] words = Files.readString(f, StandardCharsets.US_ASCII).strip().split(" ");
            if (words.length == 3 && NOT_SAVED.equals(words[0])) {
                Instant.parse(words[1]);
                return Optional.of(new NotSaved(words[1], InboxState.Finished.DISK_FULL.equals(words[2])
                        ? InboxState.Finished.DISK_FULL : InboxState.Finished.UNEXPECTED));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a file written by hand or cut short tells nothing: the state is taken as saved, as before this file was
            return Optional.empty();
        }
    }

    private static Path file(EvidensHome home) {
        return home.root().toAbsolutePath().normalize().resolve(FILE);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

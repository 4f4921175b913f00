package no.evidens.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written beside and moved into place whole: a failure (a full disk) leaves the file as it was, and takes the
 * half-written one away. The file beside has a name of its own, so two writers of the same file (the server and a
 * command) never write into one temporary file; the last move wins, whole. Apart from {@link Json} so that a writer
 * with no need of Jackson's data binding (the receipt, {@code ReceiptJson}) does not start it.
 */
public final class WholeFile {
    /** What writes the file's bytes to the stream it is given (and need not close it). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private WholeFile() {
    }

    /** @throws UncheckedIOException naming the file, when it could not be written whole */
    public static void write(Path file, Body body) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName() + "-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException gone) {
                e.addSuppressed(gone);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package no.evidens.pipeline.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import no.evidens.pipeline.bundle.BundleZip;
import no.evidens.pipeline.extract.Sha256;

/**
 * The bytes of an indexed file, read again from its bundle (a folder or a .zip), and only when they are
 * still the bytes that were indexed (same SHA-256): a page image must show the file the citation names.
 * A document inside a container (an e-mail, an archive in the bundle) is not read: it has no file of its own.
 */
final class SourceBytes {
    /** Larger files are not rendered (a page image is read from memory). */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private SourceBytes() {
    }

    /** The file's bytes, or empty when the bundle no longer holds the same file there. */
    static Optional<byte[]> read(String bundle, String file, String sha256) throws IOException {
        if (bundle == null || file.contains("!/")) {
            return Optional.empty();
        }
        Path b = Path.of(bundle);
        byte[] bytes = null;
        if (Files.isDirectory(b)) {
            Path f = b.resolve(file).normalize();
            if (f.startsWith(b.normalize()) && Files.isRegularFile(f) && Files.size(f) <= MAX_BYTES) {
                bytes = Files.readAllBytes(f);
            }
        } else if (Files.isRegularFile(b)) {
            try (BundleZip zip = BundleZip.open(b)) {
                BundleZip.Entry e = zip.find(file).orElse(null);
                if (e != null && e.raw().getSize() <= MAX_BYTES) {
                    try (InputStream in = zip.open(e)) {
                        bytes = in.readNBytes((int) MAX_BYTES + 1);
                    }
                }
            }
        }
        if (bytes == null || bytes.length > MAX_BYTES || !Sha256.of(new ByteArrayInputStream(bytes)).equals(sha256)) {
            return Optional.empty();
        }
        return Optional.of(bytes);
    }
}

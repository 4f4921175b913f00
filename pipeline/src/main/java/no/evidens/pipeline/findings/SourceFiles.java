package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the source file of a quotation in its bundle (a folder, or a .zip) and hashes it, to compare
 * with the SHA-256 the store kept when the quotation was attached.
 */
final class SourceFiles {
    /** What was found: {@code ok} with the hash, or {@code missing} / {@code unchecked} with why. */
    record Source(String status, String sha256, String detail) {
        static final String FOUND = "found";
        static final String MISSING = "missing";
        static final String UNCHECKED = "unchecked";
    }

    private SourceFiles() {
    }

    static Source hash(String bundle, String file) {
        if (bundle == null) {
            return new Source(Source.UNCHECKED, null, "the store does not know which bundle the file came from (give --bundle)");
        }
        int container = file.indexOf("!/");
        if (container >= 0) {
            return new Source(Source.UNCHECKED, null, "the file is inside " + file.substring(0, container)
                    + ": only the indexed text was checked");
        }
        Path b = Path.of(bundle);
        try {
            if (Files.isDirectory(b)) {
                Path f = b.resolve(file).normalize();
                if (!f.startsWith(b.normalize()) || !Files.isRegularFile(f)) {
                    return new Source(Source.MISSING, null, "the source file " + f + " is gone");
                }
                try (InputStream in = Files.newInputStream(f)) {
                    return new Source(Source.FOUND, sha256(in), null);
                }
            }
            if (Files.isRegularFile(b)) {
                try (ZipFile zip = new ZipFile(b.toFile())) {
                    ZipEntry e = zip.getEntry(file);
                    if (e == null || e.isDirectory()) {
                        return new Source(Source.MISSING, null, "the source file " + file + " is gone from " + b);
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        return new Source(Source.FOUND, sha256(in), null);
                    }
                }
            }
            return new Source(Source.MISSING, null, "the bundle " + b + " is gone");
        } catch (IOException e) {
            return new Source(Source.MISSING, null, "the source file " + file + " in " + b + " cannot be read: " + e.getMessage());
        }
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        byte[] buf = new byte[64 * 1024];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

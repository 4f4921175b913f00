package no.evidens.pipeline.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import no.evidens.pipeline.bundle.BundleZip;
import no.evidens.pipeline.bundle.Manifest;

/**
 * The case a bundle dropped in the inbox goes to: the {@code case} column of its {@code manifest.csv} (the
 * first value given), else its name ({@code fjordvik-2026.zip} or the folder {@code fjordvik-2026/}).
 */
final class BundleCase {
    static final String COLUMN = "case";

    private BundleCase() {
    }

    static String of(Path bundle) throws IOException {
        String fromManifest = null;
        if (Files.isDirectory(bundle)) {
            Path manifest = bundle.resolve(Manifest.FILE_NAME);
            if (Files.isRegularFile(manifest)) {
                fromManifest = column(Files.readAllBytes(manifest));
            }
        } else if (isZip(bundle)) {
            // named as ingestion names a zip's entries (a Windows zip's manifest.csv may be stored as manifest.csv or
            // .\manifest.csv), and read as it reads a manifest (Excel's semicolons, code page, byte-order mark)
            try (BundleZip zip = BundleZip.open(bundle)) {
                BundleZip.Entry entry = zip.find(Manifest.FILE_NAME).orElse(null);
                if (entry != null) {
                    try (InputStream in = zip.open(entry)) {
                        fromManifest = column(in.readAllBytes());
                    }
                }
            }
        }
        if (fromManifest != null) {
            return fromManifest;
        }
        String name = bundle.getFileName().toString();
        return isZip(bundle) ? name.substring(0, name.length() - 4) : name;
    }

    static boolean isZip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String column(byte[] manifest) throws IOException {
        try (CSVParser parser = Manifest.parse(manifest)) {
            for (CSVRecord r : parser) {
                if (!r.isMapped(COLUMN)) {
                    return null;
                }
                if (r.isSet(COLUMN) && !r.get(COLUMN).isBlank()) {
                    return r.get(COLUMN).strip();
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("manifest.csv cannot be read: " + e.getMessage(), e);
        }
        return null;
    }
}

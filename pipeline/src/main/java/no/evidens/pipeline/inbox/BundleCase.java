package no.evidens.pipeline.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

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
                try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
                    fromManifest = column(in);
                }
            }
        } else if (isZip(bundle)) {
            try (ZipFile zip = new ZipFile(bundle.toFile())) {
                ZipEntry entry = zip.getEntry(Manifest.FILE_NAME);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        fromManifest = column(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw new IOException("the zip file is damaged or not a zip: " + bundle.getFileName(), e);
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

    private static String column(Reader in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try {
            for (CSVRecord r : format.parse(in)) {
                if (!r.isMapped(COLUMN)) {
                    return null;
                }
                if (r.isSet(COLUMN) && !r.get(COLUMN).isBlank()) {
                    return r.get(COLUMN).strip();
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("manifest.csv cannot be read: " + e.getMessage(), e);
        }
        return null;
    }
}

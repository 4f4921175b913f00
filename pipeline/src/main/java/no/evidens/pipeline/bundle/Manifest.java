package no.evidens.pipeline.bundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The optional {@code manifest.csv} at the top of a bundle: columns path, type, title, date, and
 * optionally service (tjeneste) and municipality (kommune); header row required, values may be empty. It overrides the type the folder gives.
 */
public final class Manifest {
    public static final String FILE_NAME = "manifest.csv";

    /** One file's line; any value may be null. */
    public record Row(String type, String title, String date, String service, String municipality) {
    }

    private final Map<String, Row> rows;

    private Manifest(Map<String, Row> rows) {
        this.rows = rows;
    }

    public static Manifest empty() {
        return new Manifest(Map.of());
    }

    public static Manifest read(Path csv) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                if (!r.isMapped("path")) {
                    throw new BundleRefused("error.bundle.manifest-path", "manifest.csv has no 'path' column (expected: path,type,title,date and optionally"
                            + " service,municipality)", null);
                }
                String type = get(r, "type");
                if (type != null && !DocumentTypes.ALL.contains(type.toLowerCase(Locale.ROOT))) {
                    String types = String.join(", ", DocumentTypes.ALL.stream().sorted().toList());
                    throw new BundleRefused("error.bundle.manifest-type", "manifest.csv line " + r.getRecordNumber() + ": unknown type '" + type
                            + "' (use one of " + types + ")", null, r.getRecordNumber(), type, types);
                }
                rows.put(normalise(r.get("path")), new Row(type == null ? null : type.toLowerCase(Locale.ROOT),
                        get(r, "title"), get(r, "date"), get(r, "service"), get(r, "municipality")));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BundleRefused("error.bundle.manifest", "manifest.csv cannot be read: " + e.getMessage(), e);
        }
        return new Manifest(rows);
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    public Row find(String pathInBundle) {
        return rows.get(pathInBundle);
    }

    /** The paths its rows name (as normalised for {@link #find}), in no particular order. */
    public Set<String> paths() {
        return Collections.unmodifiableSet(rows.keySet());
    }
}

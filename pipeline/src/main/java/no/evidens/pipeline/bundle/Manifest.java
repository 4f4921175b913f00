package no.evidens.pipeline.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The optional {@code manifest.csv} at the top of a bundle: columns path, type, title, date, and
 * optionally service (tjeneste) and municipality (kommune); header row required, in English or Norwegian
 * ({@link ManifestColumns}), values may be empty. It overrides the type the folder gives.
 *
 * <p>It is read as a spreadsheet saved it: Norwegian Excel separates columns with semicolons and saves "CSV" in
 * Windows-1252 and "CSV UTF-8" with a byte-order mark; dates come as Excel shows them ({@code 31.01.2026}) and paths
 * as Windows writes them (backslashes, any case). See {@link #text}, {@link #format} and {@link #resolve}.
 */
public final class Manifest {
    public static final String FILE_NAME = "manifest.csv";

    /** One file's line; any value may be null. */
    public record Row(String type, String title, String date, String service, String municipality) {
    }

    /** A Norwegian date as Excel shows it, day first ({@code 31.01.2026}, {@code 1.2.2026}), perhaps with a time after it. */
    private static final Pattern NORWEGIAN_DATE = Pattern.compile("(\\d{1,2}\\.\\d{1,2}\\.\\d{4})(?:\\s+\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?)?");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, Row> rows;

    private Manifest(Map<String, Row> rows) {
        this.rows = rows;
    }

    public static Manifest empty() {
        return new Manifest(Map.of());
    }

    public static Manifest read(Path csv) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        try (CSVParser parser = parse(Files.readAllBytes(csv))) {
            for (CSVRecord r : parser) {
                if (!r.isMapped("path")) {
                    throw new BundleRefused("error.bundle.manifest-path", "manifest.csv has no 'path' column (expected: path,type,title,date and optionally"
                            + " service,municipality; in Norwegian: " + ManifestColumns.accepted() + ")", null, ManifestColumns.accepted());
                }
                String path = get(r, "path");
                if (path == null) {
                    continue; // a row of empty cells, as Excel writes below a table it had formatting on
                }
                String type = get(r, "type");
                if (type != null && !DocumentTypes.ALL.contains(type.toLowerCase(Locale.ROOT))) {
                    String types = String.join(", ", DocumentTypes.ALL.stream().sorted().toList());
                    throw new BundleRefused("error.bundle.manifest-type", "manifest.csv line " + r.getRecordNumber() + ": unknown type '" + type
                            + "' (use one of " + types + ")", null, r.getRecordNumber(), type, types);
                }
                rows.put(normalise(path), new Row(type == null ? null : type.toLowerCase(Locale.ROOT),
                        get(r, "title"), isoDate(get(r, "date")), get(r, "service"), get(r, "municipality")));
            }
        } catch (RepeatedColumn e) {
            throw new BundleRefused("error.bundle.manifest-column-twice", "manifest.csv cannot be read: " + e.getMessage(), e,
                    e.first, e.second);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new BundleRefused("error.bundle.manifest", "manifest.csv cannot be read: " + e.getMessage(), e);
        }
        return new Manifest(rows);
    }

    /** A header row naming one column twice (fil;sti): which holds the paths cannot be told. */
    private static final class RepeatedColumn extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String first;
        private final String second;

        RepeatedColumn(String column, String first, String second) {
            super("the header names the column '" + column + "' twice ('" + first + "' and '" + second + "')");
            this.first = first;
            this.second = second;
        }
    }

    /**
     * A parser over a manifest's bytes, its header row read: the text decoded by {@link #text}, the columns separated as
     * {@link #format} finds. Also how the inbox reads a manifest's {@code case} column.
     */
    public static CSVParser parse(byte[] bytes) throws IOException {
        String text = text(bytes);
        return format(text).parse(new StringReader(text));
    }

    /**
     * A manifest's text: by its byte-order mark when it has one (Excel's "CSV UTF-8", or UTF-16), else UTF-8 when the
     * bytes are valid UTF-8, else Windows-1252 (Excel's plain "CSV" on Norwegian Windows: æ, ø, å one byte each). The
     * choice is between these alone, so bytes that are not UTF-8 are taken as the one other encoding a manifest comes in,
     * not guessed at by a statistical detector (a short manifest gives such a detector too little to go on).
     */
    static String text(byte[] bytes) throws IOException {
        try (BOMInputStream in = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(bytes))
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get()) {
            String marked = in.getBOMCharsetName();
            byte[] body = in.readAllBytes();
            if (marked != null) {
                return new String(body, Charset.forName(marked));
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException notUtf8) {
                return new String(body, Charset.forName("windows-1252"));
            }
        }
    }

    /**
     * The CSV format of a manifest: its header row gives the separator, a comma, a semicolon (Norwegian Excel, where the
     * comma is the decimal sign) or a tab, whichever the header has most of (the column names hold none of them).
     */
    static CSVFormat format(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char delimiter = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char other : new char[] {';', '\t'}) {
            long n = header.chars().filter(c -> c == other).count();
            if (n > most) {
                most = n;
                delimiter = other;
            }
        }
        CSVFormat rows = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setAllowMissingColumnNames(true).get();
        return rows.builder().setHeader(columns(rows, header)).setSkipHeaderRecord(true).setIgnoreHeaderCase(true).get();
    }

    /**
     * The header row's names as the code knows the columns: a Norwegian name ({@code fil}, {@code tittel}, {@code dato})
     * as its English one ({@link ManifestColumns}), any other name as written.
     */
    private static String[] columns(CSVFormat rows, String header) {
        try (CSVParser parser = rows.parse(new StringReader(header))) {
            java.util.List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return new String[0];
            }
            String[] names = records.get(0).values();
            String[] columns = new String[names.length];
            Map<String, String> known = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                columns[i] = ManifestColumns.canonical(names[i]);
                String before = ManifestColumns.isKnown(columns[i]) ? known.putIfAbsent(columns[i], names[i].strip()) : null;
                if (before != null) {
                    // two names of one column (fil;sti): which holds the paths cannot be told, so neither is taken
                    throw new RepeatedColumn(columns[i], before, names[i].strip());
                }
            }
            return columns;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a reader over a string in memory fails no read
        }
    }

    /**
     * A date as the index keeps it: a Norwegian day-first date ({@code 31.01.2026}, as Excel shows and saves it) as ISO
     * ({@code 2026-01-31}), so it gives the year facet and sorts by date; anything else as written.
     */
    static String isoDate(String written) {
        if (written == null) {
            return null;
        }
        Matcher m = NORWEGIAN_DATE.matcher(written.strip());
        if (!m.matches()) {
            return written;
        }
        try {
            return LocalDate.parse(m.group(1), DAY_FIRST).toString();
        } catch (DateTimeParseException notADay) {
            return written; // 31.02.2026: left as written, no year taken from it
        }
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    private static String normalise(String path) {
        String p = Normalizer.normalize(path.replace('\\', '/'), Normalizer.Form.NFC);
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

    /**
     * Which of the bundle's paths each row names: the path as written, else the one path that Windows would take it for,
     * case, composed characters and trailing dots and spaces of a name not counted (a manifest typed on Windows names
     * {@code Journaler\Notat.docx} for {@code journaler/notat.docx}, and Windows drops a name's trailing dots and spaces).
     * A row whose Windows spelling fits two paths of the bundle (twins that differ only in case) names neither of them
     * but by its exact spelling. A row naming a document inside a container ({@code post.eml!/vedlegg.pdf}) is resolved
     * by its container's path.
     *
     * @return each row's path (as in {@link #paths}) that names a path of the bundle, with that path
     */
    public Map<String, String> resolve(Collection<String> bundlePaths) {
        Map<String, String> byWindowsName = new HashMap<>();
        Set<String> twins = new java.util.HashSet<>();
        for (String p : bundlePaths) {
            String key = windowsName(p);
            if (byWindowsName.putIfAbsent(key, p) != null) {
                twins.add(key);
            }
        }
        Set<String> present = Set.copyOf(bundlePaths);
        Map<String, String> resolved = new HashMap<>();
        for (String named : rows.keySet()) {
            int inside = named.indexOf("!/");
            String path = inside < 0 ? named : named.substring(0, inside);
            String found = present.contains(path) ? path
                    : twins.contains(windowsName(path)) ? null : byWindowsName.get(windowsName(path));
            if (found != null) {
                resolved.put(named, inside < 0 ? found : found + named.substring(inside));
            }
        }
        return resolved;
    }

    /** A path as Windows compares names: each name without its trailing dots and spaces, composed, in lower case. */
    static String windowsName(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : Normalizer.normalize(path, Normalizer.Form.NFC).split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(part.replaceAll("[. ]+$", "").toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}

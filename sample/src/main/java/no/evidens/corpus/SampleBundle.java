package no.evidens.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fictional sample bundle of the invented municipality Fjordvik: governance documents, patient
 * journals and client records about collaboration on services to vulnerable children and youth.
 * All text was written for this project; every person, address and number in it is invented.
 *
 * <p>The bundle is described by {@code sample/fjordvik/bundle.tsv} on the classpath; each row names a
 * file in the bundle and the source text it is rendered from.
 */
public final class SampleBundle {

    /** The audit case the sample bundle belongs to. */
    public static final String CASE_ID = "fjordvik-2026";

    static final String RESOURCE_DIR = "sample/fjordvik/";
    static final String INDEX = RESOURCE_DIR + "bundle.tsv";
    static final String MANIFEST = "manifest.csv";

    private static final Map<String, DocumentRenderer> RENDERERS = Map.of(
        "pdf", new PdfRenderer(),
        "docx", new DocxRenderer(),
        "html", new HtmlRenderer(),
        "txt", new TxtRenderer());

    /** One row of bundle.tsv. */
    /** A line of bundle.tsv; service is the municipal service the document comes from (a search facet). */
    record Entry(String path, String source, String format, String title, LocalDate date, String service) {
    }

    private SampleBundle() {
    }

    /** Every document of the bundle, in the order of bundle.tsv, with its expected text and pages. */
    public static List<SampleDocument> documents() {
        List<SampleDocument> documents = new ArrayList<>();
        for (Entry entry : entries()) {
            SourceText text = SourceText.parse(readResource(entry.source()));
            List<Integer> pageStarts = List.of(0);
            if (entry.format().equals("pdf")) {
                try {
                    pageStarts = PdfRenderer.layout(text).pageStarts();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot lay out " + entry.path(), e);
                }
            }
            documents.add(new SampleDocument(entry.path(), entry.format(), entry.title(), entry.date(),
                SampleDocument.typeOf(entry.path()), text.expectedText(), pageStarts));
        }
        return List.copyOf(documents);
    }

    /**
     * Renders every document into {@code dir/<path>} and writes {@code dir/manifest.csv}.
     *
     * @return the document files written, in the order of bundle.tsv (the manifest is not included)
     */
    public static List<Path> writeTo(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("path,type,title,date,service\r\n");
        for (Entry entry : entries()) {
            SourceText text = SourceText.parse(readResource(entry.source()));
            byte[] bytes;
            try {
                bytes = RENDERERS.get(entry.format()).render(text, entry.title(), entry.date());
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot render " + entry.path() + ": " + e.getMessage(), e);
            }
            Path target = resolve(dir, entry.path());
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            written.add(target);
            manifest.append(csv(entry.path())).append(',')
                .append(csv(SampleDocument.typeOf(entry.path()))).append(',')
                .append(csv(entry.title())).append(',')
                .append(csv(entry.date().toString())).append(',')
                .append(csv(entry.service())).append("\r\n");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        return List.copyOf(written);
    }

    /** Renders the bundle into the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        BundleMain.run("SampleBundle", args, dir -> {
            List<Path> files = writeTo(dir);
            return "Wrote " + files.size() + " documents of case " + CASE_ID + " and "
                + MANIFEST + " to " + dir.toAbsolutePath();
        });
    }

    static List<Entry> entries() {
        String[] lines = readResource(INDEX).split("\\R");
        if (lines.length == 0 || !lines[0].equals("path\tsource\tformat\ttitle\tdate\tservice")) {
            throw new IllegalStateException(INDEX + ": unexpected header");
        }
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] cells = lines[n].split("\t", -1);
            if (cells.length != 6) {
                throw new IllegalStateException(INDEX + " line " + (n + 1) + ": expected 6 columns, got "
                    + cells.length);
            }
            String format = cells[2];
            if (!RENDERERS.containsKey(format)) {
                throw new IllegalStateException(INDEX + " line " + (n + 1) + ": unknown format " + format);
            }
            if (!cells[0].endsWith("." + format)) {
                throw new IllegalStateException(INDEX + " line " + (n + 1) + ": path does not end in ." + format);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[4]);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(INDEX + " line " + (n + 1) + ": bad date " + cells[4], e);
            }
            entries.add(new Entry(cells[0], cells[1], format, cells[3], date, cells[5]));
        }
        return List.copyOf(entries);
    }

    static String readResource(String name) {
        try (InputStream in = SampleBundle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    private static Path resolve(Path dir, String bundlePath) {
        Path target = dir;
        for (String segment : bundlePath.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalStateException("bad path in " + INDEX + ": " + bundlePath);
            }
            target = target.resolve(segment);
        }
        return target;
    }

    /** RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
            && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

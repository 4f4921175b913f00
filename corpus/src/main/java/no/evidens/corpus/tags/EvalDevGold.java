package no.evidens.corpus.tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gold tags for the real supervision-report excerpts in {@code ../shared/eval-dev/}, kept as
 * <b>offsets only</b>. Being made from that data, the offsets file ({@value #FILE}) is not in the repository
 * either: the caller gives it (from the gold folder), and the excerpts' folder, at run time.
 *
 * <p><b>Which text the offsets index into.</b> Each excerpt is read as UTF-8; its header is every line
 * up to the first blank line ({@code url:}, {@code query:}, {@code lang:}, {@code has_quote:}). The
 * <em>body</em> is everything after that blank line, exactly as in the file (line breaks, bullets and
 * non-breaking spaces kept, nothing normalised). Offsets are {@code char} indices into the body
 * (UTF-16 code units; the excerpts hold no character outside the BMP, so these are also code points),
 * {@code start} inclusive, {@code end} exclusive.
 *
 * <p><b>Format</b> (tab-separated, {@code #} starts a comment line):
 * <pre>
 *   FILE  annotated  KINDS                       the kinds of tag annotated completely in FILE (q l i p)
 *   FILE  KIND  START  END  LABEL  SECTIONS  CHECK
 * </pre>
 * {@code KIND} is {@code q} (quotation, inner text), {@code l} (legal reference), {@code i} (indicator
 * mention) or {@code p} (personal data); {@code LABEL} is, as in {@link TagsGold}, the law's short Bokmål
 * name ({@code ?} when the text does not say), the indicator id, the personal-data type, or quotation
 * flags ({@code -} for none); {@code SECTIONS} the normalised sections of a legal reference, comma-separated
 * ({@code -} otherwise); {@code CHECK} the first 8 hex digits of the SHA-1 of the span's text (UTF-8),
 * so that an excerpt that changed is reported instead of silently mis-scored.
 *
 * <p><b>Split.</b> Excerpts with an odd file number ({@code 003}, {@code 009}, …) are {@code dev}, even
 * ones ({@code 006}, {@code 012}, …) {@code test}.
 */
public final class EvalDevGold {
    /** The offsets file's name in the gold folder (offsets and checks only: no text of ../shared). */
    public static final String FILE = "eval-dev-offsets.tsv";

    /** The gold of one excerpt: its body, its tags, and which kinds of tag were annotated in it. */
    public record Excerpt(GoldDocument document, Set<String> annotated) {
        public Excerpt {
            annotated = Set.copyOf(annotated);
        }
    }

    private EvalDevGold() {
    }

    /**
     * The excerpts of one split ({@code dev}, {@code test} or {@code all}) with their gold ({@code offsets}), read
     * from {@code folder}. Throws {@link IllegalArgumentException} when the folder or a file is missing or a
     * span no longer matches its check.
     */
    public static List<Excerpt> load(Path folder, Path offsets, String split) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("eval-dev folder not found: " + folder.toAbsolutePath().normalize());
        }
        Map<String, Set<String>> annotated = new LinkedHashMap<>();
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        int line = 0;
        for (String l : read(offsets).split("\\R")) {
            line++;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t", -1);
            if (f.length == 3 && f[1].equals("annotated")) {
                annotated.put(f[0], new LinkedHashSet<>(Arrays.asList(f[2].strip().split("\\s+"))));
            } else if (f.length == 7) {
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            } else {
                throw new IllegalArgumentException(FILE + " line " + line + ": expected 3 or 7 tab-separated fields");
            }
        }
        List<Excerpt> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : annotated.entrySet()) {
            String name = e.getKey();
            String s = splitOf(name);
            if (!split.equals("all") && !split.equals(s)) {
                continue;
            }
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("eval-dev file not found: " + file.toAbsolutePath().normalize());
            }
            String body;
            try {
                body = body(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            List<GoldTag> tags = new ArrayList<>();
            for (String[] f : rows.getOrDefault(name, List.of())) {
                int start = Integer.parseInt(f[2]);
                int end = Integer.parseInt(f[3]);
                if (start < 0 || end > body.length() || start > end) {
                    throw new IllegalArgumentException(name + ": span " + start + "-" + end + " outside the body");
                }
                if (!check(body.substring(start, end)).equals(f[6])) {
                    throw new IllegalArgumentException(name + ": span " + start + "-" + end
                            + " no longer matches its check (the excerpt changed?)");
                }
                String label = f[4].equals("-") ? "" : f[4];
                List<String> sections = f[5].equals("-") ? List.of()
                        : Arrays.stream(f[5].split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
                tags.add(new GoldTag(f[1], label, sections, start, end));
            }
            out.add(new Excerpt(new GoldDocument(name, s, body, tags), e.getValue()));
        }
        return out;
    }

    /** {@code dev} for an odd file number, {@code test} for an even one. */
    public static String splitOf(String fileName) {
        String digits = fileName.replaceAll("\\D", "");
        return !digits.isEmpty() && Integer.parseInt(digits) % 2 == 1 ? "dev" : "test";
    }

    /** The body of an excerpt: everything after the first blank line (the header before it is skipped). */
    public static String body(String file) {
        String f = file.replace("\r\n", "\n");
        int blank = f.indexOf("\n\n");
        return blank < 0 ? f : f.substring(blank + 2);
    }

    /** The first 8 hex digits of the SHA-1 of a span's text (UTF-8). */
    public static String check(String span) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(span.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path offsets) {
        try {
            return Files.readString(offsets, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

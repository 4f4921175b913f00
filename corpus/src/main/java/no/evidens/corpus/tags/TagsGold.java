package no.evidens.corpus.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The tag gold data: fictional Norwegian governance text, journal notes, client records and audit
 * reports written for Evidens (Bokmål and Nynorsk), with quotations, indicator mentions, legal
 * references and personal data marked inline, so a reviewer reads them in context.
 *
 * <p>Files live in {@value #FOLDER} (UTF-8), listed in {@code index.txt}; the prefix {@code dev-} or
 * {@code test-} is the split (tune on dev only). Paragraphs are separated by blank lines, as in
 * normalised text. Markup, nestable:
 * <pre>
 *   «{q|inner text of a quotation}»          {q:unclosed|…} for a quotation without its closing mark
 *   {i:taushetsplikt|taushetsplikten}         an indicator mention (codebook id)
 *   {l:barnevernloven=4-3, 6-4|bvl. §§ 4-3 og 6-4}   a legal reference (law = sections, comma-separated;
 *                                             law ? when the text does not say)
 *   {p:FODSELSNUMMER|12031243007}             personal data (PERSON, FODSELSNUMMER, D_NUMMER, PHONE, EMAIL, ADDRESS)
 * </pre>
 * The characters {@code {}, {@code |} (inside a tag's head) and {@code }} are markup only.
 */
public final class TagsGold {
    public static final String FOLDER = "/tags-gold/";

    /**
     * A development split of its own: fictional news articles, blog posts, a government report and parliament
     * minutes written for Evidens in the genres of the treebank's test files, with only their quotations marked
     * (by the rules of {@code gold/README.md}). It is in neither {@link #all()} nor any model's training data.
     */
    public static final String NEWS_FOLDER = "/tags-gold-news/";

    /** The split name of {@link #NEWS_FOLDER}'s documents. */
    public static final String NEWS = "news";

    private TagsGold() {
    }

    /** Every gold document, in index order. */
    public static List<GoldDocument> all() {
        List<GoldDocument> out = new ArrayList<>();
        for (String name : index(FOLDER)) {
            out.add(parse(name, read(FOLDER, name)));
        }
        return out;
    }

    /** The documents of {@link #NEWS_FOLDER}, split {@value #NEWS}, in index order; their gold covers quotations only. */
    public static List<GoldDocument> news() {
        List<GoldDocument> out = new ArrayList<>();
        for (String name : index(NEWS_FOLDER)) {
            GoldDocument d = parse(name, read(NEWS_FOLDER, name));
            out.add(new GoldDocument(d.name(), NEWS, d.text(), d.tags()));
        }
        return out;
    }

    /** The documents of one split: {@code dev} or {@code test}. */
    public static List<GoldDocument> split(String split) {
        return all().stream().filter(d -> d.split().equals(split)).toList();
    }

    private static List<String> index(String folder) {
        return Arrays.stream(read(folder, "index.txt").split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(String folder, String name) {
        try (InputStream in = TagsGold.class.getResourceAsStream(folder + name)) {
            if (in == null) {
                throw new IllegalStateException("missing gold file " + folder + name);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", r.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Open(String kind, String head, int start) {
    }

    /** Parses marked-up text; throws with the line number on malformed markup. */
    public static GoldDocument parse(String name, String marked) {
        String split = name.startsWith("test-") ? "test" : "dev";
        StringBuilder text = new StringBuilder();
        List<GoldTag> tags = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        int line = 1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                int bar = marked.indexOf('|', i);
                if (bar < 0 || i + 1 >= marked.length() || "qilp".indexOf(marked.charAt(i + 1)) < 0) {
                    throw new IllegalArgumentException(name + " line " + line + ": '{' that opens no tag");
                }
                String head = marked.substring(i + 1, bar);
                if (head.contains("{") || head.contains("}") || head.contains("\n")) {
                    throw new IllegalArgumentException(name + " line " + line + ": bad tag head " + head);
                }
                stack.push(new Open(head.substring(0, 1), head.length() > 1 ? head.substring(2) : "", text.length()));
                i = bar;
            } else if (c == '}') {
                if (stack.isEmpty()) {
                    throw new IllegalArgumentException(name + " line " + line + ": '}' closes no tag");
                }
                Open o = stack.pop();
                tags.add(tag(name, line, o, text.length()));
            } else {
                text.append(c);
            }
        }
        if (!stack.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + stack.size() + " tag(s) never closed");
        }
        tags.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return new GoldDocument(name, split, text.toString().stripTrailing(), tags);
    }

    private static GoldTag tag(String name, int line, Open o, int end) {
        if (o.kind().equals("l")) {
            int eq = o.head().indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(name + " line " + line + ": legal reference without '=': " + o.head());
            }
            List<String> sections = Arrays.stream(o.head().substring(eq + 1).split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new GoldTag("l", o.head().substring(0, eq).strip(), sections, o.start(), end);
        }
        if (!o.kind().equals("q") && o.head().isBlank()) {
            throw new IllegalArgumentException(name + " line " + line + ": tag " + o.kind() + " needs a label");
        }
        return new GoldTag(o.kind(), o.head().strip(), List.of(), o.start(), end);
    }
}

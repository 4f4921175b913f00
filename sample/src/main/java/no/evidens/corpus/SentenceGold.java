package no.evidens.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Gold sentence spans of the sample bundle, written by hand: for each distinct source text,
 * {@code sample/fjordvik/gold/<source path without .txt>.sentences.txt} holds the sentences of its
 * expected text, one a line, in order, exactly as they appear in the text (a blank line between
 * paragraphs is allowed and ignored). The loader maps each line to its offsets: after white space, the
 * text must continue with exactly that line, and nothing but white space may be left over at the end.
 */
public final class SentenceGold {

    static final String GOLD_DIR = SampleBundle.RESOURCE_DIR + "gold/";
    static final String SUFFIX = ".sentences.txt";

    /** One gold sentence: {@code text.substring(start, end)}. */
    public record Sentence(int start, int end) {
        public Sentence {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad sentence span " + start + ".." + end);
            }
        }

        public String cut(String text) {
            return text.substring(start, end);
        }
    }

    /**
     * The gold sentences of one distinct sample document.
     *
     * @param document the first document of the bundle rendered from the source
     * @param resource the classpath resource the gold was read from
     * @param sentences in text order, not overlapping
     */
    public record Document(SampleDocument document, String resource, List<Sentence> sentences) {
        public Document {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(resource, "resource");
            sentences = List.copyOf(sentences);
        }

        public String text() {
            return document.expectedText();
        }
    }

    private SentenceGold() {
    }

    /** The gold of every distinct document of the sample bundle (duplicates skipped), in bundle order. */
    public static List<Document> sample() {
        List<SampleBundle.Entry> entries = SampleBundle.entries();
        List<SampleDocument> documents = SampleBundle.documents();
        Set<String> seen = new LinkedHashSet<>();
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String source = entries.get(i).source();
            if (!seen.add(source)) {
                continue;
            }
            String resource = resourceFor(source);
            SampleDocument document = documents.get(i);
            out.add(new Document(document, resource, align(document.expectedText(), read(resource), resource)));
        }
        return List.copyOf(out);
    }

    /** Classpath name of the gold file of a source text ({@code sample/fjordvik/x/y.txt}). */
    static String resourceFor(String source) {
        if (!source.startsWith(SampleBundle.RESOURCE_DIR) || !source.endsWith(".txt")) {
            throw new IllegalStateException("unexpected source path " + source);
        }
        String relative = source.substring(SampleBundle.RESOURCE_DIR.length(), source.length() - 4);
        return GOLD_DIR + relative + SUFFIX;
    }

    /**
     * Offsets of {@code lines} (one sentence each; blank lines ignored) in {@code text}.
     *
     * @throws IllegalStateException when a line is not the next sentence of the text, or text is left over
     */
    static List<Sentence> align(String text, String lines, String name) {
        List<Sentence> out = new ArrayList<>();
        int cursor = 0;
        int lineNumber = 0;
        for (String line : lines.split("\\R", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (!line.equals(line.strip())) {
                throw new IllegalStateException(name + " line " + lineNumber + ": leading or trailing white space");
            }
            int start = skipWhiteSpace(text, cursor);
            if (!text.startsWith(line, start)) {
                String found = text.substring(start, Math.min(text.length(), start + line.length()));
                throw new IllegalStateException(name + " line " + lineNumber + ": expected «" + line
                    + "» at offset " + start + ", the text has «" + found + "»");
            }
            out.add(new Sentence(start, start + line.length()));
            cursor = start + line.length();
        }
        if (skipWhiteSpace(text, cursor) != text.length()) {
            throw new IllegalStateException(name + ": text from offset " + cursor + " has no gold sentence");
        }
        return out;
    }

    private static int skipWhiteSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String read(String resource) {
        try (InputStream in = SentenceGold.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sentence gold on the classpath: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

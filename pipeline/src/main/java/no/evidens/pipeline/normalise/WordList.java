package no.evidens.pipeline.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hyphenated Norwegian word forms that keep their hyphen at a line end, shipped in the jar
 * ({@link #RESOURCE}, written for Evidens), loaded once on first use. Nothing a machine happens to have installed is read, so the normalised text, and
 * every offset into it, is the same on every machine.
 */
final class WordList {
    static final String RESOURCE = "words.txt";

    private static volatile WordList shared;

    private final Set<String> words;

    WordList(Set<String> words) {
        this.words = words;
    }

    static WordList shared() {
        WordList w = shared;
        if (w == null) {
            synchronized (WordList.class) {
                if (shared == null) {
                    shared = load();
                }
                w = shared;
            }
        }
        return w;
    }

    /** The shipped list, read afresh. */
    static WordList load() {
        Set<String> words = new HashSet<>();
        try (InputStream raw = WordList.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the word list " + RESOURCE + " is missing from the build");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the word list " + RESOURCE, e);
        }
        return new WordList(words);
    }

    boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    int size() {
        return words.size();
    }
}

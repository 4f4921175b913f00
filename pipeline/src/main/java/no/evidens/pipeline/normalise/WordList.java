package no.evidens.pipeline.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Norwegian word forms, Bokmål and Nynorsk, from Debian's {@code wnorwegian} package
 * ({@code /usr/share/dict/bokmaal} and {@code nynorsk}, ISO-8859-1), loaded once on first use. Where
 * the package is missing the list is empty and callers fall back to their rules.
 */
final class WordList {
    private static final Logger LOG = LoggerFactory.getLogger(WordList.class);
    static final List<Path> DEBIAN = List.of(Path.of("/usr/share/dict/bokmaal"), Path.of("/usr/share/dict/nynorsk"));

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
                    shared = load(DEBIAN);
                }
                w = shared;
            }
        }
        return w;
    }

    static WordList load(List<Path> files) {
        Set<String> words = new HashSet<>(2_000_000);
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                LOG.info("word list {} not found (Debian package wnorwegian); hyphen joins use rules only", f);
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        words.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot read word list {}: {}", f, e.getMessage());
            }
        }
        return new WordList(words);
    }

    boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }
}

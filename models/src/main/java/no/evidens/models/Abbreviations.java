package no.evidens.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.StringList;

/**
 * The Norwegian abbreviation list ({@code abbreviations-nb.txt}): each abbreviation is either
 * {@link Kind#INNER} (never ends a sentence) or {@link Kind#FINAL} (may end one).
 */
public final class Abbreviations {
    /** Whether an abbreviation may end a sentence. */
    public enum Kind { INNER, FINAL }

    private static final String RESOURCE = "abbreviations-nb.txt";
    private static final Abbreviations NORWEGIAN = load();

    private final Map<String, Kind> kinds;

    private Abbreviations(Map<String, Kind> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    /** The bundled Norwegian list. */
    public static Abbreviations norwegian() {
        return NORWEGIAN;
    }

    /** The kind of {@code word} (with its final period, any case), or {@code null} if it is no abbreviation. */
    public Kind kindOf(String word) {
        return kinds.get(word.toLowerCase(Locale.ROOT));
    }

    /** All abbreviations, lower case, with their kinds. */
    public Map<String, Kind> all() {
        return kinds;
    }

    /**
     * The list as an OpenNLP dictionary for the sentence detector and tokenizer factories; each entry is
     * given in lower case and with an upper-case first letter, since OpenNLP matches it case-sensitively.
     */
    public Dictionary toDictionary() {
        Dictionary dictionary = new Dictionary(true);
        for (String abbreviation : kinds.keySet()) {
            dictionary.put(new StringList(abbreviation));
            String capitalised = Character.toUpperCase(abbreviation.charAt(0)) + abbreviation.substring(1);
            dictionary.put(new StringList(capitalised));
        }
        return dictionary;
    }

    private static Abbreviations load() {
        Map<String, Kind> kinds = new TreeMap<>();
        try (InputStream in = Abbreviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalStateException(RESOURCE + ": bad line: " + line);
                }
                kinds.put(parts[0].toLowerCase(Locale.ROOT), Kind.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Abbreviations(kinds);
    }
}

package no.evidens.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 357 municipalities of Norway (the 2024 division) with their counties, in the order of
 * {@code names/municipalities-nb.txt}, the list {@link DomainNames} reads for the names alone: a full-size
 * nationwide audit is generated from it. Våler and Herøy are there twice, in two counties each.
 */
public final class Municipalities {
    private static final String RESOURCE = "/no/evidens/models/names/municipalities-nb.txt";
    private static final List<Municipality> ALL = load();

    /** A municipality and the county it lies in, as Norwegians write them. */
    public record Municipality(String name, String county) {
    }

    private Municipalities() {
    }

    /** All of them, county by county (Oslo first, Finnmark last). */
    public static List<Municipality> all() {
        return ALL;
    }

    private static List<Municipality> load() {
        List<Municipality> out = new ArrayList<>();
        try (InputStream in = Municipalities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            // The file's comment lines are its preamble and the county headings: the last comment before a name is its county.
            String county = null;
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip).toList()) {
                if (line.startsWith("#")) {
                    county = line.substring(1).strip();
                } else if (!line.isEmpty()) {
                    out.add(new Municipality(line.startsWith("~") ? line.substring(1) : line, county));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}

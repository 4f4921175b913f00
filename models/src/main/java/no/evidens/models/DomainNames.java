package no.evidens.models;

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
 * Place and organisation names of the domain that are never person names (lists written for Evidens
 * from public facts: {@code names/places-nb.txt}, {@code names/organisations-nb.txt}). Matching is on
 * the whole name, case-insensitive, with a genitive -s allowed ({@code Bergens}, {@code NAVs}).
 */
public final class DomainNames {
    private static final DomainNames SHARED = new DomainNames(load("places-nb.txt"), load("organisations-nb.txt"));

    private final Set<String> places;
    private final Set<String> organisations;

    private DomainNames(Set<String> places, Set<String> organisations) {
        this.places = places;
        this.organisations = organisations;
    }

    public static DomainNames shared() {
        return SHARED;
    }

    /** {@code LOC}, {@code ORG}, or null when the name is in neither list. */
    public String typeOf(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (String form : new String[] {n, n.endsWith("s") ? n.substring(0, n.length() - 1) : n}) {
            if (places.contains(form)) {
                return "LOC";
            }
            if (organisations.contains(form)) {
                return "ORG";
            }
        }
        return null;
    }

    private static Set<String> load(String file) {
        String resource = "/no/evidens/models/names/" + file;
        Set<String> out = new HashSet<>();
        try (InputStream in = DomainNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}

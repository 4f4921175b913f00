package no.evidens.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Place and organisation names of the domain that are never person names (lists written for Evidens
 * from public facts: {@code names/places-nb.txt}, {@code names/municipalities-nb.txt} — all 357
 * municipalities of the 2024 division —, {@code names/organisations-nb.txt}), and the domain's patterned
 * organisation names: NAV offices ({@code NAV Grünerløkka}, {@code Nav Fjordvik}), county governors
 * ({@code Statsforvalteren i Vestland}, {@code Fylkesmannen i Oslo og Viken}), health trusts
 * ({@code Helse Bergen HF}), municipal services ({@code Barneverntjenesten i Fjordvik}, {@code Fjordvik
 * kommune}). Matching is on the whole name, case-insensitive, with a genitive -s allowed ({@code Bergens},
 * {@code NAVs}). A municipality that is also a common person name ({@code ~} in the list: Moss, Lund,
 * Time) is known as a municipality ({@link #isMunicipality}) but gets no type here, unless the hand-made
 * {@code places-nb.txt} lists it (it already leaves out the names that are mostly surnames).
 */
public final class DomainNames {
    private static final DomainNames SHARED = load();

    /** Organisation names made of a head word and a place, or a place and a tail word. */
    private static final List<Pattern> ORGANISATION_PATTERNS = List.of(
            Pattern.compile("(?u)(?:NAV|Nav)(?:-kontoret)?(?: i)? \\p{Lu}[\\p{L} -]*"),
            Pattern.compile("(?u)(?:[Ss]tatsforvalteren|[Ss]tatsforvaltaren|[Ff]ylkesmannen|[Ff]ylkesmann) (?:i|for) \\p{Lu}[\\p{L} ,-]*"),
            Pattern.compile("(?u)(?:[Bb]arneverntjenesten|[Bb]arnevernstjenesten|[Bb]arnevernstenesta|[Bb]arneverntenesta|[Hh]elsestasjonen"
                    + "|[Ll]egevakten|[Pp]olitiet|[Tt]ingretten) i \\p{Lu}[\\p{L} -]*"),
            Pattern.compile("(?u)\\p{Lu}[\\p{L} -]* (?:kommune|fylkeskommune|tingrett|lagmannsrett|politidistrikt|sykehus|sjukehus"
                    + "|universitetssykehus|universitetssjukehus|HF|RHF)"));

    private final Set<String> places;
    private final Set<String> organisations;
    private final Set<String> municipalities;

    private DomainNames(Set<String> places, Set<String> organisations, Set<String> municipalities) {
        this.places = places;
        this.organisations = organisations;
        this.municipalities = municipalities;
    }

    public static DomainNames shared() {
        return SHARED;
    }

    /** {@code LOC}, {@code ORG}, or null when the name is in neither list nor pattern. */
    public String typeOf(String name) {
        String s = name.strip();
        String n = s.toLowerCase(Locale.ROOT);
        // the name, then without a genitive -s: asked for most capitalised words of a document, so no array or stream
        String type = listedType(n);
        if (type == null && n.endsWith("s")) {
            type = listedType(n.substring(0, n.length() - 1));
        }
        if (type != null) {
            return type;
        }
        if (s.indexOf(' ') > 0) {
            for (Pattern p : ORGANISATION_PATTERNS) {
                if (p.matcher(s).matches()) {
                    return "ORG";
                }
            }
        }
        return null;
    }

    private String listedType(String form) {
        return places.contains(form) ? "LOC" : organisations.contains(form) ? "ORG" : null;
    }

    /** Whether the name is one of the 357 municipalities (also those that are common person names). */
    public boolean isMunicipality(String name) {
        return municipalities.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    private static DomainNames load() {
        Set<String> places = new HashSet<>(read("places-nb.txt"));
        Set<String> municipalities = new HashSet<>();
        for (String line : read("municipalities-nb.txt")) {
            boolean personLike = line.startsWith("~");
            String name = personLike ? line.substring(1) : line;
            municipalities.add(name);
            if (!personLike) {
                places.add(name);
            }
        }
        return new DomainNames(Set.copyOf(places), Set.copyOf(read("organisations-nb.txt")), Set.copyOf(municipalities));
    }

    private static List<String> read(String file) {
        String resource = "/no/evidens/models/names/" + file;
        try (InputStream in = DomainNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

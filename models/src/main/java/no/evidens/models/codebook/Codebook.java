package no.evidens.models.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The indicator codebook: which audit indicators exist and the words that mention them. The project
 * ships a default ({@value #DEFAULT_RESOURCE}); a file in the home folder ({@code codebook.yaml},
 * {@code codebook.yml} or {@code codebook.json}) or one given explicitly replaces it as a whole.
 *
 * @param source      where it was read from (a path or {@code default}), for messages
 * @param indicators  the indicators, in file order
 */
public record Codebook(String source, List<IndicatorDefinition> indicators) {
    public static final String DEFAULT_RESOURCE = "/no/evidens/models/codebook/codebook.yaml";
    /** File names looked for in the home folder, in this order. */
    public static final List<String> HOME_FILES = List.of("codebook.yaml", "codebook.yml", "codebook.json");

    private static final Pattern ID = Pattern.compile("[a-z0-9æøå][a-z0-9æøå-]*");

    /** The file's shape: a top-level {@code indicators} list. */
    record FileShape(List<IndicatorDefinition> indicators) {
    }

    public Codebook {
        indicators = List.copyOf(indicators);
        validate(source, indicators);
    }

    /**
     * The codebook shipped with Evidens. It is read as a tree of YAML nodes, each indicator's fields taken from it by
     * name ({@link #indicatorOf}), not bound by Jackson's data binding as a user's file is ({@link #read}): binding
     * first works out how to build the two records (their constructors, fields and annotations), which took more
     * thread CPU than reading the YAML itself in a fresh process, a fixed cost of every ingest. The shipped file needs
     * none of binding's checks for a user (unknown fields with their line); a test checks that both ways give the
     * same codebook.
     */
    public static Codebook defaults() {
        try (InputStream in = Codebook.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(in).get("indicators");
            List<IndicatorDefinition> indicators = new ArrayList<>(list.size());
            for (JsonNode indicator : list) {
                indicators.add(indicatorOf(indicator));
            }
            return new Codebook("default", indicators);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default codebook", e);
        }
    }

    private static IndicatorDefinition indicatorOf(JsonNode node) {
        return new IndicatorDefinition(text(node, "id"), text(node, "label"), text(node, "description"),
                texts(node, "patterns"), texts(node, "exclude"), text(node, "category"), texts(node, "context"));
    }

    /** A scalar field's text, null where the field is missing or empty. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A list field's texts, null where the field is missing or empty. */
    private static List<String> texts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            out.add(item.asText());
        }
        return out;
    }

    /** Reads a codebook file: YAML unless the name ends in {@code .json}. */
    public static Codebook read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such codebook file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return parse(Files.readAllBytes(file), file.toString(), !name.endsWith(".json"));
    }

    /** The codebook file in a home folder, if there is one. */
    public static Optional<Path> inHome(Path home) {
        if (home == null) {
            return Optional.empty();
        }
        return HOME_FILES.stream().map(home::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * The codebook in force: {@code explicit} if given, else the one in {@code home}, else the default.
     */
    public static Codebook resolve(Path explicit, Path home) throws IOException {
        if (explicit != null) {
            return read(explicit);
        }
        Optional<Path> inHome = inHome(home);
        return inHome.isPresent() ? read(inHome.get()) : defaults();
    }

    private static Codebook parse(byte[] bytes, String source, boolean yaml) throws IOException {
        ObjectMapper mapper = (yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        FileShape shape;
        try {
            shape = mapper.readValue(bytes, FileShape.class);
        } catch (JacksonException e) {
            throw new IOException("codebook " + source + " cannot be read: " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (shape == null || shape.indicators() == null) {
            throw new IOException("codebook " + source + " has no 'indicators:' list");
        }
        try {
            return new Codebook(source, shape.indicators());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static void validate(String source, List<IndicatorDefinition> indicators) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDefinition d = indicators.get(i);
            String where = "codebook " + source + ", indicator " + (i + 1);
            if (d == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            if (d.id() == null || !ID.matcher(d.id()).matches()) {
                throw new IllegalArgumentException(where + ": id '" + d.id()
                        + "' must be lower case letters, digits and hyphens (e.g. taushetsplikt)");
            }
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException(where + ": id '" + d.id() + "' is used twice");
            }
            if (d.label() == null || d.label().isBlank()) {
                throw new IllegalArgumentException(where + " (" + d.id() + ") has no label");
            }
            if (d.patterns().isEmpty()) {
                throw new IllegalArgumentException(where + " (" + d.id() + ") has no patterns");
            }
            for (String p : d.patterns()) {
                if (p == null || p.isBlank()) {
                    throw new IllegalArgumentException(where + " (" + d.id() + ") has an empty pattern");
                }
            }
        }
    }

    public Optional<IndicatorDefinition> indicator(String id) {
        return indicators.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}

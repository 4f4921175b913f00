package no.evidens.findings;

import java.util.Map;
import java.util.TreeMap;

/**
 * How an evidence item was found: the search query and its filters ({@code case}, {@code type}, …).
 * A passage attached by its id without a search has a null query.
 */
public record Provenance(String query, Map<String, String> filters) {
    public Provenance {
        // Sorted by name, and kept so: Map.copyOf would iterate in an order that changes from run to run.
        filters = filters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(filters));
    }

    public static Provenance none() {
        return new Provenance(null, Map.of());
    }
}

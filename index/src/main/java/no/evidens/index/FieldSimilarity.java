package no.evidens.index;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 with its k1 and b set per field, for measuring them: the passage text, its compound parts and its heading may
 * each have their own. Every BM25Similarity encodes a field's length the same way whatever its k1 and b, so they are
 * search-time settings: an index written with Lucene's default needs no re-ingest. A setting is given as the system
 * property {@value #PROPERTY}, {@code field:k1:b} separated by commas ({@code text:0.9:0.5,heading:1.2:0.3}); unset,
 * searches use Lucene's default BM25 (k1 1.2, b 0.75) for every field, which the thirty-fourth round's grid on the
 * real-text dev queries found no reason to change (docs/relevance-rounds.md, "Real report text").
 */
final class FieldSimilarity extends PerFieldSimilarityWrapper {
    static final String PROPERTY = "evidens.bm25";
    private static final Similarity DEFAULT = new BM25Similarity();

    private final Map<String, Similarity> perField;

    private FieldSimilarity(Map<String, Similarity> perField) {
        this.perField = perField;
    }

    /** The similarity the system property sets, or empty when it is unset or blank (Lucene's default then holds). */
    static Optional<Similarity> fromSystemProperty() {
        String setting = System.getProperty(PROPERTY, "");
        return setting.isBlank() ? Optional.empty() : Optional.of(parse(setting));
    }

    /** {@code field:k1:b} entries separated by commas; a field not named keeps Lucene's default. */
    static FieldSimilarity parse(String setting) {
        Map<String, Similarity> fields = new HashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] p = entry.trim().split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException(PROPERTY + ": expected field:k1:b, got " + entry);
            }
            fields.put(p[0], new BM25Similarity(Float.parseFloat(p[1]), Float.parseFloat(p[2])));
        }
        return new FieldSimilarity(Map.copyOf(fields));
    }

    @Override
    public Similarity get(String field) {
        return perField.getOrDefault(field, DEFAULT);
    }
}

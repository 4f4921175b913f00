package no.evidens.pipeline.reindex;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.evidens.index.Passage;

/**
 * The tags a case's passages carry, counted as search counts them: each passage's indicators, quotations and laws.
 *
 * @param indicators  indicators over all passages (a passage counts each of its indicators once)
 * @param quotations  quotations over all passages
 * @param laws        legal references' laws over all passages
 * @param byIndicator the indicators' count per indicator id
 */
public record TagCounts(int indicators, int quotations, int laws, Map<String, Integer> byIndicator) {
    public static final TagCounts NONE = new TagCounts(0, 0, 0, Map.of());

    public TagCounts {
        byIndicator = Map.copyOf(byIndicator);
    }

    /** What these passages carry. */
    public static TagCounts of(List<Passage> passages) {
        int indicators = 0;
        int quotations = 0;
        int laws = 0;
        Map<String, Integer> by = new TreeMap<>();
        for (Passage p : passages) {
            indicators += p.indicators().size();
            quotations += p.quotes().size();
            laws += p.laws().size();
            p.indicators().forEach(i -> by.merge(i, 1, Integer::sum));
        }
        return new TagCounts(indicators, quotations, laws, by);
    }

    /** These and those together. */
    public TagCounts plus(TagCounts other) {
        Map<String, Integer> by = new TreeMap<>(byIndicator);
        other.byIndicator.forEach((k, v) -> by.merge(k, v, Integer::sum));
        return new TagCounts(indicators + other.indicators, quotations + other.quotations, laws + other.laws, by);
    }

    /** Per indicator id, how many more (or, below zero, fewer) {@code after} has than these; indicators unchanged left out. */
    public Map<String, Integer> changesTo(TagCounts after) {
        Map<String, Integer> out = new TreeMap<>();
        byIndicator.forEach((k, v) -> out.put(k, -v));
        after.byIndicator.forEach((k, v) -> out.merge(k, v, Integer::sum));
        out.values().removeIf(v -> v == 0);
        return out;
    }
}

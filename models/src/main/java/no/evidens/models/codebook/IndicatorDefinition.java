package no.evidens.models.codebook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One indicator (kjennetegn) of the codebook.
 *
 * @param id          short id, lower case letters, digits and hyphens (what auditors filter on)
 * @param label       Norwegian label
 * @param description what the indicator looks for
 * @param patterns    words and phrases in Bokmål and Nynorsk (syntax in the default codebook's header)
 * @param exclude     patterns whose matches are not this indicator even where a pattern matches
 * @param category    the paragraph-level category it counts for (one of the 17 of the supervisors' gold,
 *                    e.g. {@code FUNN}); an indicator without one counts as its own id in upper case
 * @param context     patterns of which one must occur in the same paragraph for a mention to count (empty:
 *                    no condition), e.g. a child or young person for the investigation of a child
 */
public record IndicatorDefinition(String id, String label, String description, List<String> patterns,
                                  List<String> exclude, String category,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> context) {
    public IndicatorDefinition {
        category = category == null || category.isBlank()
                ? (id == null ? null : id.toUpperCase(java.util.Locale.ROOT)) : category.strip();
        description = description == null ? "" : description;
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        context = context == null ? List.of() : List.copyOf(context);
    }
}

package no.evidens.models.indicator;

import java.util.Set;

/**
 * A paragraph with the indicator categories a person gave it (possibly none).
 *
 * @param id     where it comes from (file and number), for error lists
 * @param text   the paragraph's text
 * @param labels categories of {@link IndicatorCategories#ALL}
 */
public record LabelledParagraph(String id, String text, Set<String> labels) {
    public LabelledParagraph {
        labels = Set.copyOf(labels);
    }
}

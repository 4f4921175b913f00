package no.evidens.pipeline.group;

import java.util.List;
import java.util.Map;

/**
 * What the summary report of a group holds: its overview, and for each legal requirement the quotations
 * the report writer chose, with their sources.
 *
 * @param anonymised whether personal data was taken out of the quotations (a fødselsnummer never is in them)
 * @param examples   requirement (as in {@link GroupOverview.RequirementRow#requirement()}) → its chosen quotations
 */
public record GroupReport(GroupOverview overview, boolean anonymised, String madeBy, String madeAt, Map<String, List<Example>> examples) {
    public GroupReport {
        examples = Map.copyOf(examples);
    }

    /** A chosen quotation: from which municipality and finding, the words, and where they stand. */
    public record Example(String municipality, String finding, String quote, String source) {
    }

    /** The chosen quotations of a requirement, or none. */
    public List<Example> examplesOf(String requirement) {
        return examples.getOrDefault(requirement, List.of());
    }
}

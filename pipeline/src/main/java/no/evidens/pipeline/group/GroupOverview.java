package no.evidens.pipeline.group;

import java.util.List;
import java.util.Map;

/**
 * A group of cases at a glance: indicators × municipalities (passages and findings per cell), findings by
 * legal requirement, and the municipalities with no finding. Only the cases the user may read count.
 *
 * @param municipalities the group's cases the user may read, by county and municipality
 * @param indicators     one row per indicator of the codebook
 * @param requirements   one row per legal requirement findings rest on, most municipalities with an avvik first
 * @param withoutFindings the municipalities with neither avvik nor merknad (by {@link Place#label()}, as the requirements name them)
 */
public record GroupOverview(String group, String title, Totals totals, List<Place> municipalities, List<IndicatorRow> indicators,
                            List<RequirementRow> requirements, List<String> withoutFindings) {
    public GroupOverview {
        municipalities = List.copyOf(municipalities);
        indicators = List.copyOf(indicators);
        requirements = List.copyOf(requirements);
        withoutFindings = List.copyOf(withoutFindings);
    }

    /** The counts a summary opens with. */
    public record Totals(int municipalities, int withAvvik, int withMerknadOnly, int withoutFindings, int avvik, int merknader) {
    }

    /**
     * One audited municipality: its case, and how many avvik and merknader it got.
     *
     * @param label what the overview and the report call it: its name, with the county where two of the group's
     *              municipalities share the name ({@code Våler (Innlandet)}, {@code Våler (Østfold)})
     */
    public record Place(String caseId, String municipality, String county, int avvik, int merknader, String label) {
    }

    /** One cell: the passages of the case that mention the indicator, and its findings that quote such a passage. */
    public record Cell(int passages, int findings) {
    }

    /** An indicator across the municipalities; {@code cells} by case id (a case with nothing has no entry). */
    public record IndicatorRow(String id, String label, int passages, int findings, Map<String, Cell> cells) {
        public IndicatorRow {
            cells = Map.copyOf(cells);
        }
    }

    /**
     * A legal requirement: the municipalities that got an avvik on it, and those that got a merknad.
     *
     * @param requirement as a report cites it: {@code barnevernloven § 15-8}
     * @param law         the law's short name, to search with ({@code lov:barnevernloven})
     */
    public record RequirementRow(String requirement, String law, List<String> avvik, List<String> merknad) {
        public RequirementRow {
            avvik = List.copyOf(avvik);
            merknad = List.copyOf(merknad);
        }
    }
}

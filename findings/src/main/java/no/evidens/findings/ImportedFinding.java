package no.evidens.findings;

import java.util.List;

/**
 * A finding with its evidence as read from an export, to import into a store.
 *
 * @param finding  the finding; its id is the one it had in the store it came from (history refers to it)
 * @param evidence its evidence items in order; their ids are those of the store they came from
 */
public record ImportedFinding(Finding finding, List<EvidenceItem> evidence) {
    public ImportedFinding {
        evidence = List.copyOf(evidence);
    }
}

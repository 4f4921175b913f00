package no.evidens.findings;

import java.util.List;

/** What a person writes to create or edit a finding; a null field in an edit leaves it as it is. */
public record FindingDraft(String title, List<LegalRequirement> requirements, String text, String status) {
    public FindingDraft {
        requirements = requirements == null ? null : List.copyOf(requirements);
    }
}

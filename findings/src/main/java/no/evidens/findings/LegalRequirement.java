package no.evidens.findings;

import java.util.List;

/**
 * A legal requirement a finding rests on, as the legal-reference tagger reads it.
 *
 * @param law      the law's short name in lower case ({@code barnevernloven})
 * @param sections the sections, in order ({@code 4-3}, {@code 13 (1) nr. 1})
 * @param text     the reference as written ({@code barnevernloven § 4-3})
 */
public record LegalRequirement(String law, List<String> sections, String text) {
    public LegalRequirement {
        sections = List.copyOf(sections);
        if (law == null || law.isBlank() || text == null || text.isBlank()) {
            throw new FindingsRefusal("error.requirement.empty", "a legal requirement needs a law and its text");
        }
    }
}

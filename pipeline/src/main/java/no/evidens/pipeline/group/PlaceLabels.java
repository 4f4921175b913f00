package no.evidens.pipeline.group;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import no.evidens.findings.CaseGroups;

/**
 * What the group's pages and report call each case's municipality: its name, with its county where two of the group's
 * cases share the name (Norway has two Våler and two Herøy): «Våler (Innlandet)».
 */
final class PlaceLabels {
    private PlaceLabels() {
    }

    /** Each member's label, by its case id. */
    static Map<String, String> of(List<CaseGroups.Member> members) {
        Map<String, Long> named = members.stream()
                .collect(Collectors.groupingBy(m -> m.municipality().toLowerCase(Locale.ROOT), Collectors.counting()));
        Map<String, String> out = new HashMap<>();
        for (CaseGroups.Member m : members) {
            out.put(m.caseId(), named.get(m.municipality().toLowerCase(Locale.ROOT)) > 1 ? m.municipality() + " (" + m.county() + ")"
                    : m.municipality());
        }
        return out;
    }
}

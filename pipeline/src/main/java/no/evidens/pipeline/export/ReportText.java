package no.evidens.pipeline.export;

import java.util.List;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;

/** The Norwegian wording of the findings section, shared by the DOCX and Markdown reports. */
final class ReportText {
    static final String HEADING = "Tilsynets funn";

    private ReportText() {
    }

    static String requirementLabel(FindingOut f) {
        return "avvik".equals(f.kind()) ? "Avvik fra følgende myndighetskrav:" : "Myndighetskrav:";
    }

    static String requirements(FindingOut f) {
        return String.join("; ", f.requirements().stream().map(RequirementOut::text).toList());
    }

    static String evidenceLabel(FindingOut f) {
        return switch (f.kind()) {
            case "avvik" -> "Avviket bygger på følgende:";
            case "merknad" -> "Merknaden bygger på følgende:";
            default -> "Observasjonen bygger på følgende:";
        };
    }

    static String quoted(EvidenceOut e) {
        return "«" + e.quote() + "»";
    }

    static String stance(EvidenceOut e) {
        return "contradicts".equals(e.stance()) ? "Taler imot: " : "";
    }

    static String source(EvidenceOut e) {
        return "Kilde: " + e.source();
    }

    static String note(EvidenceOut e) {
        return "Revisors notat: " + e.note();
    }

    /** The paragraphs of a finding's text (split at blank lines). */
    static List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of()
                : java.util.Arrays.stream(text.strip().split("\\n\\s*\\n")).map(p -> p.strip().replaceAll("\\s*\\n\\s*", " ")).toList();
    }
}

package no.evidens.pipeline.export;

import java.util.List;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * The wording of the findings section in Bokmål or Nynorsk (the catalogue's {@code export.*} words),
 * shared by the DOCX and Markdown reports and the spreadsheet.
 */
final class ReportText {
    private final Texts t;

    private ReportText(Texts t) {
        this.t = t;
    }

    static ReportText of(Language language) {
        return new ReportText(Texts.of(language));
    }

    /** A spreadsheet column's heading, for the CSV's column {@code id} ({@code quote} → «Sitat»). */
    String column(String id) {
        return t.get("export.column." + id);
    }

    String heading() {
        return t.get("export.heading");
    }

    /** {@code Sak: id}, and that personal data is removed when it is. */
    String caseLine(CaseExport export) {
        return t.get("export.case") + ": " + export.caseId() + (export.anonymised() ? " (" + t.get("export.anonymised") + ")" : "");
    }

    String requirementLabel(FindingOut f) {
        return "avvik".equals(f.kind()) ? t.get("export.requirements.avvik") : t.get("export.requirements");
    }

    static String requirements(FindingOut f) {
        return String.join("; ", f.requirements().stream().map(RequirementOut::text).toList());
    }

    String evidenceLabel(FindingOut f) {
        return switch (f.kind()) {
            case "avvik" -> t.get("export.evidence.avvik");
            case "merknad" -> t.get("export.evidence.merknad");
            default -> t.get("export.evidence.observasjon");
        };
    }

    static String quoted(EvidenceOut e) {
        return "«" + e.quote() + "»";
    }

    String stance(EvidenceOut e) {
        return "contradicts".equals(e.stance()) ? t.get("export.contradicts") + " " : "";
    }

    /**
     * The spreadsheet's words for a quotation's stance, the CSV's {@code supports} or {@code contradicts}: the workspace's
     * («støtter funnet», «taler mot funnet»).
     */
    String stanceWords(String stance) {
        return t.get("contradicts".equals(stance) ? "value.stance.contradicts" : "value.stance.supports");
    }

    /** {@code Kilde: title (vedlegg til e-posten …), type, side 1} ({@link SourceWords}). */
    String source(EvidenceOut e) {
        return t.get("export.source") + " " + SourceWords.source(e, t);
    }

    /** Where the quotation stands in its file: {@code (file, tegn 10–20)}. */
    String place(EvidenceOut e) {
        return "(" + e.citation().file() + ", " + t.get("export.characters") + " " + e.citation().start() + "–" + e.citation().end() + ")";
    }

    String note(EvidenceOut e) {
        return t.get("export.note") + " " + e.note();
    }

    /** The paragraphs of a finding's text (split at blank lines). */
    static List<String> paragraphs(String text) {
        return text == null || text.isBlank() ? List.of()
                : java.util.Arrays.stream(text.strip().split("\\n\\s*\\n")).map(p -> p.strip().replaceAll("\\s*\\n\\s*", " ")).toList();
    }
}

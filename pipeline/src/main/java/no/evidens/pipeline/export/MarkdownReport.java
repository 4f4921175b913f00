package no.evidens.pipeline.export;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.lang.Language;

/** The findings section as Markdown, with the same content as the Word report. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(CaseExport export, Language language) {
        ReportText words = ReportText.of(language);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(words.heading()).append("\n\n");
        md.append(words.caseLine(export)).append("\n");
        for (FindingOut f : export.findings()) {
            md.append("\n## ").append(f.label()).append("\n\n");
            md.append("**").append(oneLine(f.title())).append("**\n\n");
            if (!f.requirements().isEmpty()) {
                md.append("*").append(words.requirementLabel(f)).append("* ").append(ReportText.requirements(f)).append("\n\n");
            }
            for (String p : ReportText.paragraphs(f.text())) {
                md.append(p).append("\n\n");
            }
            if (!f.evidence().isEmpty()) {
                md.append("*").append(words.evidenceLabel(f)).append("*\n\n");
                for (EvidenceOut e : f.evidence()) {
                    md.append("> ").append(words.stance(e).isEmpty() ? "" : "**" + words.stance(e).strip() + "** ")
                            .append(oneLine(ReportText.quoted(e))).append("  \n");
                    md.append("> ").append(words.source(e)).append(" ").append(words.place(e)).append("\n");
                    if (e.note() != null && !e.note().isBlank()) {
                        md.append(">  \n> ").append(oneLine(words.note(e))).append("\n");
                    }
                    md.append("\n");
                }
            }
        }
        return md.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ");
    }
}

package no.evidens.pipeline.export;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;

/** The findings section as Markdown, with the same content as the Word report. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(CaseExport export) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(ReportText.HEADING).append("\n\n");
        md.append("Sak: ").append(export.caseId());
        if (export.anonymised()) {
            md.append(" (personopplysninger er fjernet fra sitatene)");
        }
        md.append("\n");
        for (FindingOut f : export.findings()) {
            md.append("\n## ").append(f.label()).append("\n\n");
            md.append("**").append(oneLine(f.title())).append("**\n\n");
            if (!f.requirements().isEmpty()) {
                md.append("*").append(ReportText.requirementLabel(f)).append("* ").append(ReportText.requirements(f)).append("\n\n");
            }
            for (String p : ReportText.paragraphs(f.text())) {
                md.append(p).append("\n\n");
            }
            if (!f.evidence().isEmpty()) {
                md.append("*").append(ReportText.evidenceLabel(f)).append("*\n\n");
                for (EvidenceOut e : f.evidence()) {
                    md.append("> ").append(ReportText.stance(e).isEmpty() ? "" : "**" + ReportText.stance(e).strip() + "** ")
                            .append(oneLine(ReportText.quoted(e))).append("  \n");
                    md.append("> ").append(ReportText.source(e)).append(" (").append(e.citation().file()).append(", tegn ")
                            .append(e.citation().start()).append("–").append(e.citation().end()).append(")\n");
                    if (e.note() != null && !e.note().isBlank()) {
                        md.append(">  \n> ").append(oneLine(ReportText.note(e))).append("\n");
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

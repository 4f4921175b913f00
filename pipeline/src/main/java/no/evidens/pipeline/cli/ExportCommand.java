package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.export.OwnWords;
import no.evidens.pipeline.export.ExportFormat;
import no.evidens.pipeline.findings.CaseReports;
import no.evidens.pipeline.findings.CheckNote;
import no.evidens.pipeline.findings.FailedCheck;
import no.evidens.pipeline.findings.LastCheck;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;
import no.evidens.pipeline.search.SavedSearchService;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the findings of a case with their quotations and sources.",
                "Formats: docx (the findings section of a supervision report), md, csv, xlsx (the CSV's rows as an Excel workbook), "
                        + "or json (also the backup that evidens "
                        + "import reads).",
                "The report's own words («Kilde», «Kjelde» …) in the language chosen for the case in the workspace, else "
                        + "Bokmål, or as --language says.",
                "A line on stderr says when the quotations were last checked (evidens verify) and how it went; with --anonymise, "
                        + "a line (in the report's language) per finding whose own title or text names a person the quotations "
                        + "mask: the findings' own words are exported as written.",
                "The findings stand in the report's order (evidens finding order), each kind numbered in it."})
final class ExportCommand extends CliAction {
    @Mixin
    FindingsOptions opts;
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "docx, md, csv, xlsx or json.")
    String format;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;
    @Option(names = "--anonymise", description = "Replace person names, fødselsnummer, phone numbers, e-mail and street "
            + "addresses in the quotations with [navn 1], [fødselsnummer], …")
    boolean anonymise;
    @Option(names = "--language", paramLabel = "nb|nn", description = "The report's own words in Bokmål (nb) or Nynorsk (nn); "
            + "default: the language chosen for the case in the workspace, else nb.")
    String language;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = ExportFormat.of(format);
        if (language != null && !Language.known(language.strip())) {
            throw new IllegalArgumentException("unknown language '" + language + "': use nb (Bokmål) or nn (Nynorsk)");
        }
        CaseExports.Anonymised anonymised = anonymise ? opts.service().reports().anonymised(opts.caseId, opts.user()) : null;
        CaseExport export = anonymised != null ? anonymised.export() : opts.service().reports().export(opts.caseId, false, opts.user());
        // the same words as the workspace's download of the case: as asked, else as chosen for the case, else Bokmål
        Language words = language != null ? Language.of(language)
                : new SavedSearchService(opts.evidensHome(), FindingStore.DEFAULT_LOCK_WAIT).exportLanguage(opts.caseId);
        f.write(export, out, words);
        opts.service().audit().exported(opts.user(), opts.caseId, format, anonymise, out.getFileName().toString());
        int quotes = export.findings().stream().mapToInt(x -> x.evidence().size()).sum();
        int code = say("Exported %d finding%s with %d quotation%s of case %s to %s%s",
                export.findings().size(), export.findings().size() == 1 ? "" : "s", quotes, quotes == 1 ? "" : "s",
                opts.caseId, out, anonymise ? " (anonymised)" : "");
        // how the quotations last stood, on stderr: the export and stdout stay as they were, pipes keep working
        PrintWriter err = spec.commandLine().getErr();
        err.println(checkLine(opts.caseId, opts.service().reports()));
        if (anonymised != null) {
            ownWordsLines(anonymised.namesInOwnWords(), Texts.of(words)).forEach(err::println);
        }
        err.flush();
        return code;
    }

    /**
     * One line per finding whose own title or text names a person the anonymised export masked (the finding's words go out
     * as written), in the report's language: the finding, the field and the name, as the finding writes it.
     */
    static List<String> ownWordsLines(List<OwnWords.Named> named, Texts texts) {
        Map<String, List<OwnWords.Named>> byFinding = new LinkedHashMap<>();
        named.forEach(n -> byFinding.computeIfAbsent(n.ref(), k -> new ArrayList<>()).add(n));
        List<String> out = new ArrayList<>();
        byFinding.forEach((ref, fields) -> {
            List<String> parts = fields.stream().map(n -> texts.get("export.own-words." + n.field(),
                    String.join(", ", n.names().stream().map(name -> "«" + name + "»").toList()))).toList();
            out.add(texts.get("export.own-words.finding", ref, fields.get(0).label(),
                    String.join(texts.get("export.own-words.and"), parts)));
        });
        return out;
    }

    /** One line on the case's last check of its quotations; the export goes on whatever it says. */
    static String checkLine(String caseId, CaseReports reports) {
        try {
            return checkLine(caseId, reports.checkNote(caseId));
        } catch (IOException | RuntimeException e) {
            return "note: cannot tell whether the quotations of case " + caseId + " were checked: " + e.getMessage();
        }
    }

    static String checkLine(String caseId, CheckNote note) {
        return lastFinished(caseId, note) + (note.failed() == null ? "" : "; " + (note.checked() ? "a later check (" : "a check (")
                + moment(note.failed().failedAt()) + " by " + note.failed().by() + ") failed: " + FailedCheck.inEnglish(note.failed().reason()));
    }

    private static String lastFinished(String caseId, CheckNote note) {
        if (!note.checked()) {
            return "note: the quotations of case " + caseId + " have not been checked (see: evidens verify --case " + caseId + ")";
        }
        LastCheck last = note.last();
        int n = last.quotations().size();
        String outcome = n == 0 ? "the case had no quotations"
                : last.problems() == 0 ? (n == 1 ? "the quotation matches its source" : "all " + n + " match their source")
                : last.problems() + " of " + n + " do not match their source";
        return "note: the quotations of case " + caseId + " were last checked " + moment(last.finishedAt()) + " by " + last.by()
                + ": " + outcome + (note.added() > 0 ? "; " + note.added() + " quotation" + (note.added() == 1 ? " was" : "s were")
                + " attached after it" : "") + (note.beforeIngestion() ? "; a bundle was ingested into the case after that check ("
                + moment(note.ingested()) + "): run evidens verify again" : "");
    }

    private static String moment(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}

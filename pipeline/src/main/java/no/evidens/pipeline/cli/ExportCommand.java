package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.ExportFormat;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the findings of a case with their quotations and sources.",
                "Formats: docx (the findings section of a supervision report), md, csv, or json (also the backup that evidens "
                        + "import reads)."})
final class ExportCommand extends CliAction {
    @Mixin
    FindingsOptions opts;
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "docx, md, csv or json.")
    String format;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;
    @Option(names = "--anonymise", description = "Replace person names, fødselsnummer, phone numbers, e-mail and street "
            + "addresses in the quotations with [navn 1], [fødselsnummer], …")
    boolean anonymise;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = ExportFormat.of(format);
        CaseExport export = opts.service().reports().export(opts.caseId, anonymise, opts.user());
        f.write(export, out);
        opts.service().audit().exported(opts.user(), opts.caseId, format, anonymise, out.getFileName().toString());
        int quotes = export.findings().stream().mapToInt(x -> x.evidence().size()).sum();
        return say("Exported %d finding%s with %d quotation%s of case %s to %s%s",
                export.findings().size(), export.findings().size() == 1 ? "" : "s", quotes, quotes == 1 ? "" : "s",
                opts.caseId, out, anonymise ? " (anonymised)" : "");
    }
}

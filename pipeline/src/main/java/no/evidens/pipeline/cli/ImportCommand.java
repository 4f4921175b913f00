package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.pipeline.findings.CaseReports;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import the findings of a case from a file made by evidens export --format json (not --anonymise).",
                "Findings, quotations and history, as one transaction. The case must have no findings in this store yet."})
final class ImportCommand extends CliAction {
    @Mixin
    HomeOption home;
    @Parameters(paramLabel = "FILE", description = "The exported JSON file.")
    Path file;
    @Option(names = "--user", paramLabel = "NAME", description = "Who imports, for the history (default: $USER).")
    String user;

    @Override
    public Integer call() {
        String who = user != null ? user : System.getenv().getOrDefault("USER", System.getProperty("user.name", "unknown"));
        CaseReports.Imported imported = FindingsOptions.service(home.resolve()).reports().importFile(file, who);
        return say("Imported %d finding%s of case %s from %s", imported.findings(),
                imported.findings() == 1 ? "" : "s", imported.caseId(), file);
    }
}

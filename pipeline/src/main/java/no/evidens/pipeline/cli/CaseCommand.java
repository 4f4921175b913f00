package no.evidens.pipeline.cli;

import java.util.List;

import picocli.CommandLine.Command;

import no.evidens.findings.CaseLifecycle.Closed;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.findings.CaseService;

/** {@code evidens case close|delete-records}: the end of a case. The command line acts as the case's lead. */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Close a case (read-only from then on) and delete its journals and client records when their time is up.",
        subcommands = {CaseCommand.Close.class, CaseCommand.DeleteRecords.class})
final class CaseCommand extends CommandGroup {

    static CaseService service(FindingsOptions opts) {
        return new CaseService(opts.evidensHome(), FindingStore.DEFAULT_LOCK_WAIT);
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close the case: no more ingestion, findings or quotations; reading, export and verify go on.")
    static final class Close extends FindingsAction {

        @Override
        public Integer call() throws java.io.IOException {
            opts.requireKnownCase();
            Closed c = service(opts).close(opts.caseId, opts.user(), true);
            return say("Closed case %s (%s, %s): it is read-only now", c.caseId(), c.closedBy(), c.closedAt());
        }
    }

    @Command(name = "delete-records", mixinStandardHelpOptions = true,
            description = {"Delete the journals and client records of a closed case: from the index, and their files from the bundles.",
                    "The findings keep their quotations; verify reports their sources as deleted."})
    static final class DeleteRecords extends FindingsAction {

        @Override
        public Integer call() throws Exception {
            opts.requireKnownCase();
            List<CaseService.Deleted> gone = service(opts).deleteRecords(opts.caseId, opts.user(), true);
            return text(out -> {
                for (CaseService.Deleted d : gone) {
                    out.printf("%-19s %s (%s): file %s%n", d.type(), d.file(), d.docId(), d.source());
                }
                out.printf("Deleted %d journal%s and client record%s of case %s%n", gone.size(), gone.size() == 1 ? "" : "s",
                        gone.size() == 1 ? "" : "s", opts.caseId);
            });
        }
    }
}

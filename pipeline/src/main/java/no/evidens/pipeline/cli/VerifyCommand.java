package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.findings.CaseReports;
import no.evidens.pipeline.findings.FailedCheck;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Verification;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-check every quotation of a case against the index and its source file.",
                "The indexed text at its offsets, and the SHA-256 of its source file (found in the bundle it was ingested "
                        + "from, or in --bundle). Reports what changed or vanished; changes no finding.",
                "The outcome is kept as the case's last check (the web workspace and evidens export tell it); a check that "
                        + "fails is kept beside it; the audit trail records who checked (verify-quotations).",
                "Exit 0 when every quotation holds, 3 when some do not."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    FindingsOptions opts;
    @Option(names = "--bundle", paramLabel = "DIR|ZIP", description = "Where the case's bundle is now (if it has moved).")
    Path bundle;
    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        opts.requireKnownCase();
        FindingsService service = opts.service();
        // in the trail before it starts, as the workspace's check; a check whose line cannot be written does not run
        service.audit().quotationsChecked(opts.user(), opts.caseId, "evidens verify");
        List<Verification> checks;
        try {
            checks = service.reports().check(opts.caseId, bundle == null ? null : bundle.toAbsolutePath().normalize().toString(),
                    opts.user(), CaseReports.Progress.NONE).quotations();
        } catch (java.io.IOException | RuntimeException e) {
            // the failure is kept beside the last finished check (the workspace and export tell both); the error line follows
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: this check of case " + opts.caseId + " failed (" + FailedCheck.inEnglish(FailedCheck.reason(e))
                    + "); kept beside the last finished check, which stands");
            err.flush();
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Integer> counts = new TreeMap<>();
        checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        if (json) {
            out.println(Json.write(Map.of("case", opts.caseId, "counts", counts, "quotations", checks)));
        } else {
            for (Verification v : checks) {
                out.printf("%-9s %s #%d (quotation %d) %s, characters %d–%d%n", v.status(), v.finding(), v.item(), v.position(),
                        v.file(), v.start(), v.end());
                for (String p : v.problems()) {
                    out.println("          " + p);
                }
                if (v.normaliserNote() != null) {
                    out.println("          " + v.normaliserNote());
                }
            }
            out.printf("%d quotation%s checked: %s%n", checks.size(), checks.size() == 1 ? "" : "s", counts.isEmpty() ? "none" : counts);
        }
        out.flush();
        return checks.stream().allMatch(Verification::stands) ? 0 : 3;
    }
}

package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.TrailCheck;
import no.evidens.pipeline.findings.AuditCsv;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.AuditTime;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit trail of a case, and its check (evidens audit verify).",
                "Who was shown which journal or client record, searched, exported, changed which finding.",
                "'evidens audit verify' checks that no entry was changed or removed."},
        subcommands = AuditCommand.Verify.class)
final class AuditCommand extends CliAction {
    @Mixin
    HomeOption home;
    @Option(names = "--case", paramLabel = "CASE", description = "The audit case (required unless verify).")
    String caseId;
    @Option(names = "--user", paramLabel = "NAME", description = "Only this person's entries.")
    String user;
    @Option(names = "--since", paramLabel = "DATE", description = "Only entries from this date (2026-11-30) or instant on.")
    String since;
    @Option(names = "--csv", description = "Print CSV (with the hashes) instead of lines.")
    boolean csv;

    @Override
    public Integer call() {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("say which case: evidens audit --case CASE (or: evidens audit verify)");
        }
        Instant from = since == null ? null : AuditTime.since(since);
        List<AuditEntry> entries = service(home).entries(caseId, user, from);
        if (csv) {
            return text(out -> out.print(AuditCsv.write(entries)));
        }
        if (entries.isEmpty()) {
            return say("No audit entries for case %s%s", caseId, user == null ? "" : " by " + user);
        }
        return text(out -> entries.forEach(e -> out.printf("#%d %s %s %s%s%s%n", e.id(), e.at(), e.actor(), e.action(),
                e.target() == null ? "" : " " + e.targetKind() + " " + e.target(), e.detail() == null ? "" : " (" + e.detail() + ")")));
    }

    static AuditService service(HomeOption home) {
        return new AuditService(home.resolve(), FindingStore.DEFAULT_LOCK_WAIT);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every entry against its hash, the entry before it and audit-chain.log; exit 1 when one was changed.")
    static final class Verify extends CliAction {
        @Mixin
        HomeOption home;

        @Override
        public Integer call() {
            TrailCheck check = service(home).verify();
            if (check.intact()) {
                return say("The audit trail is intact: %d entr%s, %d confirmed by %s", check.entries(), check.entries() == 1 ? "y" : "ies",
                        check.anchored(), AuditService.CHAIN_FILE);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("The audit trail was tampered with from entry #%d on:%n", check.firstBad());
            check.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return 1;
        }
    }
}

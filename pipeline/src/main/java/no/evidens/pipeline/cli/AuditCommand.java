package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
    @Option(names = "--case", paramLabel = "CASE", description = "The audit case (without it, --user lists the person's entries in every case and their sign-ins).")
    String caseId;
    @Option(names = "--user", paramLabel = "NAME", description = "Only this person's entries.")
    String user;
    @Option(names = "--since", paramLabel = "DATE", description = "Only entries from this date (2026-11-30 or 30.11.2026) or instant on.")
    String since;
    @Option(names = "--csv", description = "Print CSV (with the hashes) instead of lines.")
    boolean csv;

    @Override
    public Integer call() throws java.io.IOException {
        boolean oneCase = caseId != null && !caseId.isBlank();
        if (!oneCase && (user == null || user.isBlank())) {
            throw new IllegalArgumentException("say which case or person: evidens audit --case CASE, evidens audit --user NAME"
                    + " (or: evidens audit verify)");
        }
        Instant from = since == null ? null : AuditTime.since(since);
        AuditService trail = service(home);
        List<AuditEntry> entries = trail.entries(oneCase ? caseId : null, user, from);
        if (entries.isEmpty() && oneCase && trail.entries(caseId, null, null).isEmpty()) {
            // a misspelt case has no trail either: said as the other commands say it, not as a case nobody read
            String unknown = new HomeCases(home.resolve()).unknown(caseId);
            if (unknown != null) {
                throw new IllegalArgumentException(unknown);
            }
        }
        if (csv) {
            return text(out -> out.print(AuditCsv.write(entries)));
        }
        if (entries.isEmpty()) {
            return say("No audit entries %s%s%s%s", oneCase ? "for case " + caseId : "in any case", user == null ? "" : " by " + user,
                    from == null ? "" : " since " + since.strip(), whoElse(trail, oneCase));
        }
        return text(out -> entries.forEach(e -> out.printf("#%d %s %s %s%s%s%s%n", e.id(), e.at(), e.actor(), e.action(),
                oneCase || e.caseId() == null ? "" : " case " + e.caseId(),
                e.target() == null ? "" : " " + e.targetKind() + " " + e.target(), e.detail() == null ? "" : " (" + e.detail() + ")")));
    }

    /** When a person's entries were asked for and there are none: who the entries are by (a misspelt name is seen at once). */
    private String whoElse(AuditService trail, boolean oneCase) {
        if (user == null) {
            return "";
        }
        java.util.TreeSet<String> actors = new java.util.TreeSet<>();
        trail.entries(oneCase ? caseId : null, null, null).forEach(e -> actors.add(e.actor()));
        return actors.isEmpty() ? "" : " (entries " + (oneCase ? "in this case " : "") + "are by: " + String.join(", ", actors) + ")";
    }

    static AuditService service(HomeOption home) {
        return new AuditService(home.resolve(), FindingStore.DEFAULT_LOCK_WAIT);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every entry against its hash, the entry before it and audit-chain.log; exit 1 when one was changed.")
    static final class Verify extends CliAction {
        @Mixin
        HomeOption home;

        @Option(names = "--chain", paramLabel = "FILE",
                description = "Another home's audit-chain.log to check against too (repeatable): with a store server, each home that "
                        + "writes the trail anchors its own entries in its own file.")
        List<Path> chains = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            for (Path c : chains) {
                if (!java.nio.file.Files.isRegularFile(c)) {
                    throw new IllegalArgumentException("no file " + c + " (--chain)");
                }
            }
            AuditService trail = service(home);
            TrailCheck check = trail.verify(chains);
            if (check.intact()) {
                say("The audit trail is intact: %d entr%s, %d confirmed by %s", check.entries(), check.entries() == 1 ? "y" : "ies",
                        check.anchored(), AuditService.CHAIN_FILE);
                if (!check.unconfirmed().isEmpty()) {
                    // not a change of the trail (the database's chain holds), but a reader should know which entries the file
                    // outside the database does not vouch for, and why that may be
                    String them = check.unconfirmed().size() == 1 ? "it" : "them";
                    if (trail.shared()) {
                        return say("  not in %s: %s (the database's own chain holds %s; another home on the store server wrote %s,"
                                + " or the line was not written, as on a full disk or at a crash: give the other homes' %s with"
                                + " --chain to confirm %s)", AuditService.CHAIN_FILE, ids(check), them, them, AuditService.CHAIN_FILE,
                                them);
                    }
                    return say("  not in %s: %s (the database's own chain holds %s; the line was not written, as on a full disk or"
                            + " at a crash, or was taken out of the file by hand)", AuditService.CHAIN_FILE, ids(check), them);
                }
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("The audit trail was tampered with from entry #%d on:%n", check.firstBad());
            check.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return 1;
        }

        /** The unconfirmed entries as runs ({@code #3, #7–#9}), the first ten and how many more. */
        static String ids(TrailCheck check) {
            List<String> runs = check.unconfirmedRuns().stream().map(r -> "#" + r.replace("–", "–#")).toList();
            return runs.size() <= 10 ? String.join(", ", runs) : String.join(", ", runs.subList(0, 10)) + " and " + (runs.size() - 10) + " more";
        }
    }
}

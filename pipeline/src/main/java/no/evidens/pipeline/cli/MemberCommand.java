package no.evidens.pipeline.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.access.Membership;
import no.evidens.access.Role;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.ingest.Ingestion;

@Command(name = "member", mixinStandardHelpOptions = true,
        description = {"Who belongs to a case, and in which role: lead (leder), auditor (revisor), writer (skribent), reader (leser).",
                "Run on the server, this acts as an administrator (named by --by, default: $USER); in the workspace a case's lead does the same.",
                "A closed case's members still change (a new reader of the archive, a leaver taken out); the audit trail says the case is closed."},
        subcommands = {MemberCommand.Add.class, MemberCommand.Remove.class, MemberCommand.ListMembers.class})
final class MemberCommand extends CommandGroup {

    static String caseId(String c) {
        Ingestion.checkCaseId(c);
        return c;
    }

    /** What every member command takes: the home and the case; the access store it reads or changes. */
    abstract static class MemberAction extends AccessAction {
        @Option(names = "--case", required = true, paramLabel = "CASE")
        String caseId;

        /** The change in the case's audit trail, its target the account (a closed case's members still change: the trail says it is closed). */
        final void record(String actor, String action, String user, String detail) {
            String id = caseId(caseId);
            String said = new CaseService(home.resolve(), FindingStore.DEFAULT_LOCK_WAIT).memberChangeDetail(id, detail);
            AuditCommand.service(home).record(actor, action, id, "account", user, said);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user to the case, or change their role.")
    static final class Add extends MemberAction {
        @Parameters(index = "0", paramLabel = "USER")
        String user;
        @Parameters(index = "1", paramLabel = "ROLE", description = "lead, auditor, writer or reader.")
        String role;
        @Option(names = "--by", paramLabel = "NAME", description = "The administrator making the change (default: $USER).")
        String by;

        @Override
        public Integer call() {
            Role r = Role.of(role);
            String id = caseId(caseId);
            // A lead may be named before the bundle is ingested, so an unknown case is allowed; but a mistyped one would
            // give access to nothing, quietly: said on stderr (a case started on the web has its lead as a member).
            boolean hadMembers = inStore(s -> {
                boolean had = !s.members(id).isEmpty();
                s.addMember(id, user, r, "cli:" + FindingsOptions.user(by));
                return had;
            });
            boolean known = hadMembers || ingested(id);
            record(FindingsOptions.user(by), "member-set", user, r.label());
            if (!known) {
                spec.commandLine().getErr().printf("Note: case %s has no ingested bundle and no members yet; check its name"
                        + " (%s is added all the same).%n", id, user);
                spec.commandLine().getErr().flush();
            }
            return say("%s is %s of case %s.", user, r.id(), caseId);
        }

        private boolean ingested(String id) {
            try {
                return new Receipts(home.resolve().receipts()).cases().contains(id);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the ingestion receipts: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take a user out of the case.")
    static final class Remove extends MemberAction {
        @Parameters(paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            if (!inStore(s -> s.removeMember(caseId(caseId), user))) {
                throw new IllegalArgumentException(user + " is not a member of case " + caseId);
            }
            record(FindingsOptions.user(null), "member-remove", user, null);
            return say("Removed %s from case %s.", user, caseId);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The case's members and their roles.")
    static final class ListMembers extends MemberAction {
        @Override
        public Integer call() {
            List<Membership> members = inStore(s -> s.members(caseId(caseId)));
            return text(out -> {
                if (members.isEmpty()) {
                    out.println("Case " + caseId + " has no members: add its lead with evidens member add --case " + caseId + " USER lead");
                }
                members.forEach(m -> out.println(UserCommand.line(m)));
            });
        }
    }
}

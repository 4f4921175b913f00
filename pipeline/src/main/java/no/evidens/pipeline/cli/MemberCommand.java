package no.evidens.pipeline.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.access.Membership;
import no.evidens.access.Role;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.findings.CaseService;
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
        public Integer call() throws java.io.IOException {
            Role r = Role.of(role);
            String id = caseId(caseId);
            HomeCases cases = new HomeCases(home.resolve());
            // Case ids tell capitals apart, but no team keeps Fjordvik-2026 beside fjordvik-2026: the member would see
            // nothing of the case meant, and the slip could then be closed for good (a new case stays allowed: below).
            java.util.Optional<String> meant = cases.sameButForCapitals(id);
            if (meant.isPresent()) {
                throw new IllegalArgumentException("there is no case " + id + ", but there is " + meant.get()
                        + " (case names tell capital letters apart): evidens member add --case " + meant.get() + " " + user + " " + role);
            }
            // A lead may be named before the bundle is ingested, so an unknown case is allowed; but a mistyped one would
            // give access to nothing, quietly: said on stderr, with the cases there are and how to take it back.
            String unknown = cases.unknown(id);
            inStore(s -> s.addMember(id, user, r, "cli:" + FindingsOptions.user(by)));
            record(FindingsOptions.user(by), "member-set", user, r.label());
            if (unknown != null) {
                spec.commandLine().getErr().printf("note: %s; %s is added all the same, which starts it (a misspelt --case?"
                        + " evidens member remove --case %s %s takes it away)%n", unknown, user, id, user);
                spec.commandLine().getErr().flush();
            }
            return say("%s is %s of case %s.", user, r.id(), caseId);
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

package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.access.AccessStore;
import no.evidens.access.Membership;
import no.evidens.access.Role;
import no.evidens.pipeline.ingest.Ingestion;

@Command(name = "member", mixinStandardHelpOptions = true,
        description = {"Who belongs to a case, and in which role: lead (leder), auditor (revisor), writer (skribent), reader (leser).",
                "Run on the server, this acts as an administrator (named by --by, default: $USER); in the workspace a case's lead does the same."},
        subcommands = {MemberCommand.Add.class, MemberCommand.Remove.class, MemberCommand.ListMembers.class})
final class MemberCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String caseId(String c) {
        Ingestion.checkCaseId(c);
        return c;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user to the case, or change their role.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--case", required = true, paramLabel = "CASE")
        String caseId;
        @Parameters(index = "0", paramLabel = "USER")
        String user;
        @Parameters(index = "1", paramLabel = "ROLE", description = "lead, auditor, writer or reader.")
        String role;
        @Option(names = "--by", paramLabel = "NAME", description = "The administrator making the change (default: $USER).")
        String by;

        @Override
        public Integer call() {
            Role r = Role.of(role);
            try (AccessStore s = AccessStore.open(home.resolve().access())) {
                s.addMember(caseId(caseId), user, r, "cli:" + ServeCommand.user(by));
            }
            AuditCommand.service(home).record(ServeCommand.user(by), "member-set", caseId(caseId), "account", user, r.label());
            spec.commandLine().getOut().println(user + " is " + r.id() + " of case " + caseId + ".");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take a user out of the case.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--case", required = true, paramLabel = "CASE")
        String caseId;
        @Parameters(paramLabel = "USER")
        String user;

        @Override
        public Integer call() {
            boolean removed;
            try (AccessStore s = AccessStore.open(home.resolve().access())) {
                removed = s.removeMember(caseId(caseId), user);
            }
            if (!removed) {
                throw new IllegalArgumentException(user + " is not a member of case " + caseId);
            }
            AuditCommand.service(home).record(ServeCommand.user(null), "member-remove", caseId(caseId), "account", user, null);
            spec.commandLine().getOut().println("Removed " + user + " from case " + caseId + ".");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The case's members and their roles.")
    static final class ListMembers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HomeOption home;
        @Option(names = "--case", required = true, paramLabel = "CASE")
        String caseId;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Membership> members;
            try (AccessStore s = AccessStore.open(home.resolve().access())) {
                members = s.members(caseId(caseId));
            }
            if (members.isEmpty()) {
                out.println("Case " + caseId + " has no members: add its lead with evidens member add --case " + caseId + " USER lead");
            }
            members.forEach(m -> out.println(UserCommand.line(m)));
            out.flush();
            return 0;
        }
    }
}

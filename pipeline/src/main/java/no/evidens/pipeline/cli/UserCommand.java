package no.evidens.pipeline.cli;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.access.AccessStore;
import no.evidens.access.Account;
import no.evidens.access.Membership;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Accounts for the workspace with sign-in (serve --sign-in), in <home>/access/.",
                "Passwords are asked for at the terminal, or read from standard input with --password-stdin; never given as an argument."},
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Disable.class, UserCommand.Enable.class,
                UserCommand.ListUsers.class})
final class UserCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account (lower-case name: kari.nordmann).")
    static final class Add extends AccessAction {
        @Parameters(paramLabel = "NAME", description = "The sign-in name.")
        String name;
        @Option(names = "--admin", description = "The account administers accounts and may add members to any case.")
        boolean admin;
        @Option(names = "--email", paramLabel = "ADDRESS", description = "Matches a user signing in through the organisation's identity provider.")
        String email;
        @Option(names = "--password-stdin", description = "Read the password from one line of standard input.")
        boolean stdin;
        @Option(names = "--no-password", description = "No local password: the user signs in through the identity provider only.")
        boolean noPassword;

        @Override
        public Integer call() {
            AccessStore.checkName(name);
            char[] pw = noPassword ? null : PasswordInput.read(stdin, name);
            try {
                withStore(s -> {
                    s.addUser(name, pw, admin);
                    if (email != null) {
                        s.link(name, null, email.strip());
                    }
                });
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
            return say("Added user %s%s.", name, admin ? " (administrator)" : "");
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a new password (also lifts a lock-out).")
    static final class Passwd extends AccessAction {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin", description = "Read the password from one line of standard input.")
        boolean stdin;

        @Override
        public Integer call() {
            char[] pw = PasswordInput.read(stdin, name);
            try {
                withStore(s -> s.setPassword(name, pw));
            } finally {
                Arrays.fill(pw, '\0');
            }
            return say("New password set for %s.", name);
        }
    }

    /** Disable and enable: one switch on the account, said back to the user. */
    abstract static class Switch extends AccessAction {
        @Parameters(paramLabel = "NAME")
        String name;

        private final boolean disabled;
        private final String done;

        Switch(boolean disabled, String done) {
            this.disabled = disabled;
            this.done = done;
        }

        @Override
        public Integer call() {
            List<String> leftLeadless = new java.util.ArrayList<>();
            List<String> roles = inStore(s -> {
                s.setDisabled(name, disabled);
                List<Membership> of = s.membershipsOf(name);
                for (Membership m : of) {
                    if (disabled && m.role() == no.evidens.access.Role.LEAD && s.members(m.caseId()).stream().noneMatch(o ->
                            o.role() == no.evidens.access.Role.LEAD && !o.user().equals(name)
                                    && s.find(o.user()).map(a -> !a.disabled()).orElse(false))) {
                        leftLeadless.add(m.caseId());
                    }
                }
                return of.stream().map(m -> m.caseId() + " (" + m.role().id() + ")").toList();
            });
            if (!disabled || roles.isEmpty()) {
                return say("%s %s.", done, name);
            }
            // A disabled account keeps its roles (enable gives them back): said, so that an administrator taking a leaver
            // out sees what is left to do, and which cases now have no lead who can sign in.
            say("%s %s: still a member of %s (evidens member remove --case CASE %s takes them out).", done, name,
                    String.join(", ", roles), name);
            if (!leftLeadless.isEmpty()) {
                spec.commandLine().getErr().printf("note: %s no other lead who can sign in: give %s one with evidens member add"
                        + " --case %s USER lead%n", leftLeadless.size() == 1 ? "case " + leftLeadless.get(0) + " has"
                        : "cases " + String.join(", ", leftLeadless) + " have", leftLeadless.size() == 1 ? "it" : "each",
                        leftLeadless.get(0));
                spec.commandLine().getErr().flush();
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop an account from signing in (its sessions end within seconds).")
    static final class Disable extends Switch {
        Disable() {
            super(true, "Disabled");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account sign in again.")
    static final class Enable extends Switch {
        Enable() {
            super(false, "Enabled");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The accounts and their cases.")
    static final class ListUsers extends AccessAction {
        @Override
        public Integer call() {
            return text(out -> withStore(s -> {
                List<Account> users = s.users();
                if (users.isEmpty()) {
                    out.println("No users yet: add one with evidens user add NAME --admin");
                }
                for (Account a : users) {
                    List<String> cases = s.membershipsOf(a.name()).stream().map(m -> m.caseId() + " (" + m.role().id() + ")").toList();
                    out.printf("%-24s %-8s %-9s %s%n", a.name(), a.admin() ? "admin" : "", a.disabled() ? "disabled" : "",
                            cases.isEmpty() ? "-" : String.join(", ", cases));
                }
            }));
        }
    }

    /** One member line, as {@code member list} prints it. */
    static String line(Membership m) {
        return String.format("%-24s %s", m.user(), m.role().id());
    }
}

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
            withStore(s -> s.setDisabled(name, disabled));
            return say("%s %s.", done, name);
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

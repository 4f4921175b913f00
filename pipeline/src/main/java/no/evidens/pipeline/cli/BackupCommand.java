package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.findings.HomeBackup;
import no.evidens.pipeline.store.StorePassword;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up a whole home while the server may run.",
                "The index's latest commit, the findings store (H2 online backup, with the history and the audit trail), "
                        + "the accounts and roles per case (H2 online backup too), audit-chain.log, receipts, uploaded bundles, "
                        + "the settings and the store server's certificate the home trusts."})
final class BackupCommand extends CliAction {
    @Mixin
    HomeOption home;
    @Option(names = "--to", required = true, paramLabel = "DIR", description = "A new (or empty) folder for the backup.")
    Path to;

    @Override
    public Integer call() throws Exception {
        HomeBackup.Summary s = new HomeBackup(FindingStore.DEFAULT_LOCK_WAIT).backup(home.resolve(), to.toAbsolutePath().normalize());
        say("Backed up %s to %s: %s", s.home(), s.dir(), s.contents());
        String left = s.server() == null ? null : StorePassword.adminFileLeft(home.resolve().root());
        return left == null ? 0 : say("%s", left);
    }
}

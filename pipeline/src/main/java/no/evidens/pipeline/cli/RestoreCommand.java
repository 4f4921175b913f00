package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.findings.HomeBackup;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup (evidens backup) into a new home; then check it with evidens verify and evidens audit verify."})
final class RestoreCommand extends CliAction {
    @Mixin
    HomeOption home;
    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The backup folder.")
    Path from;

    @Override
    public Integer call() throws Exception {
        if (home.home == null) {
            throw new IllegalArgumentException("say where to restore to: --home NEW (a new or empty folder)");
        }
        HomeBackup.Summary s = new HomeBackup(FindingStore.DEFAULT_LOCK_WAIT).restore(from.toAbsolutePath().normalize(), home.resolve());
        say("Restored the backup of %s (made %s) into %s: %s", s.home(), s.at(), s.dir(), s.contents());
        s.trustMoved().forEach((named, now) -> say("  the store server's certificate it trusted from outside the home, %s, is restored"
                + " as %s: its 'store-trust:' line now names that", named, now));
        if (s.server() != null) {
            return say("  it uses the findings and accounts restored into its folders, not the store server %s: its 'store:' line in"
                    + " evidens.properties is now a comment (to put them onto an empty store server, take the '# ' away and run"
                    + " 'evidens store move-to-server')", s.server());
        }
        return 0;
    }
}

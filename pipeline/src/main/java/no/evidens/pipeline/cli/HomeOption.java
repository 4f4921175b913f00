package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import no.evidens.pipeline.EvidensHome;

/** The {@code --home} option shared by the commands that use local data. */
final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Home folder for the index and receipts (default: $EVIDENS_HOME, else ./evidens-data).")
    Path home;

    EvidensHome resolve() {
        return EvidensHome.resolve(home);
    }
}

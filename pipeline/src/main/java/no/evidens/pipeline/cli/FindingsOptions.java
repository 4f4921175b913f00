package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.index.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;

/** The options every findings command has: the home folder, the case and who is working. */
final class FindingsOptions {
    @Mixin
    HomeOption home;

    @Option(names = "--case", paramLabel = "CASE", required = true, description = "The audit case.")
    String caseId;

    @Option(names = "--user", paramLabel = "NAME", description = "Who makes the change, for the history (default: $USER).")
    String user;

    EvidensHome evidensHome() {
        return home.resolve();
    }

    /** The findings store of the home folder: {@code <home>/findings/}. */
    static Path storeDir(EvidensHome home) {
        return home.root().resolve("findings");
    }

    FindingStore open() {
        return FindingStore.open(storeDir(evidensHome()));
    }

    String user() {
        if (user != null && !user.isBlank()) {
            return user.strip();
        }
        String env = System.getenv("USER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name", "unknown");
    }
}

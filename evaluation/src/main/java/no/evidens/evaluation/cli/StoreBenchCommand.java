package no.evidens.evaluation.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import no.evidens.evaluation.team.StoreBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evidens bench store}: a subcommand of {@link BenchCommand}. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Signed-in auditors on the team server with the findings and accounts in the home, then on a store server"
                + " (tcp://, then --tls).",
                "Search, open a document, list findings, attach a quotation: requests/s, p50/p95 per kind, CPU per request, the "
                        + "store server's new connections per request, and each server's ratio to the file store, in one run on a new "
                        + "sample home."})
final class StoreBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "8", paramLabel = "N", description = "Signed-in users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S", description = "Measured seconds per store (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "S",
            description = "Seconds of load before measuring, per store (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
            description = "Rounds, each measuring the file store, the store server and the TLS store server (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        StoreBench.run(new StoreBench.Settings(users, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rounds),
                spec.commandLine().getOut());
        return 0;
    }
}

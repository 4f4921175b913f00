package no.evidens.evaluation.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import no.evidens.evaluation.team.TeamBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evidens bench team}: a subcommand of {@link BenchCommand}. */
@Command(name = "team", mixinStandardHelpOptions = true,
        description = {"Signed-in users searching and reading over HTTP while an ingest runs, beside the single-user server.",
                "The team server (sign-in, roles, audit trail) beside the same load on the single-user server, in one "
                        + "run on a new sample home: requests/s and latency p50/p95/p99 of both, and their ratio."})
final class TeamBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "20", paramLabel = "N", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S", description = "Measured seconds per server (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "S",
            description = "Seconds of load before measuring, per server (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "2", paramLabel = "N",
            description = "Rounds, each measuring the single-user server and then the team server (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        TeamBench.run(new TeamBench.Settings(users, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rounds),
                spec.commandLine().getOut());
        return 0;
    }
}

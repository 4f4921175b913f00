package no.evidens.evaluation.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import no.evidens.evaluation.team.WebBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evidens bench web}: a subcommand of {@link BenchCommand}. */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = {"The workspace over HTTP on an index of generated passages, beside the same searches in process.",
                "evidens serve started on it, the first grouped, faceted search after it is ready, then users searching at once (grouped and "
                        + "faceted, with filters): requests/s and p50/p95/p99, beside the same searches on the searcher in this process, "
                        + "in one run."})
final class WebBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--passages", defaultValue = "1000000", paramLabel = "N",
            description = "Generated passages of the index (default: ${DEFAULT-VALUE}).")
    int passages;

    @Option(names = "--users", defaultValue = "20", paramLabel = "N", description = "Users searching at once (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S",
            description = "Measured seconds, over HTTP and in-process each (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "S",
            description = "Seconds of load before measuring, each, at least (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-max", defaultValue = "120", paramLabel = "S",
            description = "Seconds of load before measuring, each, at most: after --warmup, until the JIT of the process that"
                    + " answers has settled (its compiler threads at most 3 %% of the process's processor time in two 5 s windows in a row). Not more than"
                    + " --warmup: a fixed warm-up (default: ${DEFAULT-VALUE}).")
    int warmupMax;

    @Option(names = "--no-in-process", description = "Only over HTTP: not the same searches in this process after them (the baseline).")
    boolean noInProcess;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Use and keep this home: its index is made the first time and reused after (default: a temporary one).")
    Path home;

    @Option(names = "--server-jfr", paramLabel = "FILE", description = "Record the server with Java Flight Recorder into FILE (to profile it).")
    Path jfr;

    @Override
    public Integer call() throws Exception {
        WebBench.run(new WebBench.Settings(passages, users, Duration.ofSeconds(warmup), Duration.ofSeconds(warmupMax),
                        Duration.ofSeconds(seconds), home, jfr, !noInProcess),
                spec.commandLine().getOut());
        return 0;
    }
}

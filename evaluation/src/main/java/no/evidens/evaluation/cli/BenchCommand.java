package no.evidens.evaluation.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.evaluation.extraction.ExtractionBench;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Extraction.class, SearchBenchCommand.class, TeamBenchCommand.class},
        description = "Benchmarks that print figures (run them with a fixed heap, e.g. EVIDENS_JAVA_OPTS=-Xmx1g).")
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Pages/s and MB/s of extraction + normalisation beside Tika's plain AutoDetectParser.")
    static final class Extraction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--docs", defaultValue = "1000", description = "How many documents (default: ${DEFAULT-VALUE}).")
        int docs;

        @Override
        public Integer call() throws Exception {
            if (docs < 1) {
                throw new IllegalArgumentException("--docs must be at least 1");
            }
            ExtractionBench.run(docs, spec.commandLine().getOut());
            return 0;
        }
    }
}

package no.evidens.evaluation.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.evaluation.extraction.ExtractionBench;
import no.evidens.evaluation.ingest.IngestBench;
import no.evidens.evaluation.ingest.TaggingBench;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Extraction.class, BenchCommand.Ingest.class, BenchCommand.Tagging.class, SearchBenchCommand.class,
        TeamBenchCommand.class, WebBenchCommand.class, StoreBenchCommand.class},
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

        @Option(names = "--docs", paramLabel = "N", defaultValue = "1000", description = "How many documents (default: ${DEFAULT-VALUE}).")
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

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "A whole ingest beside Tika alone (same files, same threads, OCR off), then again unchanged: "
                    + "documents/s, MB/s, CPU s per document, peak memory of each process tree, ratios.")
    static final class Ingest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--docs", paramLabel = "N", defaultValue = "1000", description = "Documents of the generated bundle (default: ${DEFAULT-VALUE}).")
        int docs;

        @Option(names = "--threads", paramLabel = "T", description = "Threads, and Evidens's worker processes (default: the cores).")
        Integer threads;

        @Option(names = "--dir", paramLabel = "DIR", description = "Read this folder instead of a generated bundle (e.g. ../shared/peer-corpus).")
        java.nio.file.Path dir;

        @Override
        public Integer call() throws Exception {
            if (docs < 1 || (threads != null && threads < 1)) {
                throw new IllegalArgumentException("--docs and --threads must be at least 1");
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            IngestBench.run(new IngestBench.Options(dir, docs, t), spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "tagging", mixinStandardHelpOptions = true,
            description = "CPU time of tagging alone (one thread) over the texts of the generated bundle of bench ingest, "
                    + "stage by stage.")
    static final class Tagging implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--docs", paramLabel = "N", defaultValue = "300", description = "Documents of the generated bundle (default: ${DEFAULT-VALUE}).")
        int docs;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Timed rounds after one to warm up (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Override
        public Integer call() throws Exception {
            if (docs < 1 || rounds < 1) {
                throw new IllegalArgumentException("--docs and --rounds must be at least 1");
            }
            TaggingBench.run(docs, rounds, spec.commandLine().getOut());
            return 0;
        }
    }
}

package no.evidens.evaluation.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.commons.io.FileUtils;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.evaluation.scale.EngineBench;
import no.evidens.evaluation.scale.SearchBench;
import no.evidens.solr.SolrTarget;

/** {@code evidens bench search}: a subcommand of {@link BenchCommand}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Index generated passages and measure indexing and query speed beside a bare Lucene TermQuery.",
                "The passages are made from the sample corpus vocabulary; it prints indexing passages/s, "
                        + "index size and query latency p50/p95/p99 beside a bare Lucene TermQuery, timed in this JVM and again "
                        + "in a JVM of its own (the term target is judged against the faster of the two).",
                "Run with a fixed heap: EVIDENS_JAVA_OPTS=-Xmx1g ./evidens bench search."})
final class SearchBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--passages", defaultValue = "1000000", paramLabel = "N",
            description = "How many passages to index (default: ${DEFAULT-VALUE}).")
    int passages;

    @Option(names = "--queries", defaultValue = "200", paramLabel = "N",
            description = "Distinct queries of each kind (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Measured rounds over the queries, after the warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-passes", defaultValue = "12", paramLabel = "N",
            description = "At most so many passes of the whole query mix before measuring; fewer once the JIT has settled "
                    + "(two passes in a row compiling at most 3%% of their time; default: ${DEFAULT-VALUE}).")
    int warmupPasses;

    @Option(names = "--threads", paramLabel = "N",
            description = "Indexing threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Build the index in DIR (must not exist) and keep it; default: a temporary folder, deleted after.")
    Path dir;

    @Option(names = "--solr", paramLabel = "ZK_HOST[/chroot][#collection]",
            description = "Also index and search the same passages on this SolrCloud (collection 'bench' unless #name, "
                    + "created with 2 shards × 2 replicas), beside the embedded index in the same run.")
    String solr;

    @Override
    public Integer call() throws Exception {
        if (passages < 1 || queries < 1 || rounds < 1 || warmupPasses < 1 || (threads != null && threads < 1)) {
            throw new IllegalArgumentException("--passages, --queries, --rounds, --warmup-passes and --threads must be at least 1");
        }
        if (dir != null && Files.exists(dir)) {
            throw new IllegalArgumentException("--dir " + dir + " exists already: give a new folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path index = dir != null ? dir : Files.createTempDirectory("evidens-bench-search");
        Thread hook = new Thread(onStop(index, System.err), "bench-search-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (solr != null) {
                SolrTarget target = SolrTarget.parse(solr.contains("#") ? solr : solr + "#bench");
                EngineBench.print(new EngineBench(passages, queries, rounds, t).run(index, target, out), out);
                return 0;
            }
            SearchBench.Report report = new SearchBench(passages, queries, rounds, t, warmupPasses, true).run(index, out);
            SearchBench.print(report, out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // Ctrl-C or SIGTERM: the hook deletes the index and says so; this thread waits for the JVM's end
                // rather than report the index it lost as a failure.
                Thread.currentThread().join();
            }
            if (dir == null) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(index);
            }
        }
        return 0;
    }

    /**
     * What Ctrl-C or SIGTERM before the bench's end does: its index goes, the temporary one (at a million passages some
     * 400 MB, left in the temporary folder before) and a {@code --dir} one too, which cannot be told whole from half
     * built and would make the same command refuse the folder; the line says so.
     */
    static Runnable onStop(Path index, PrintStream err) {
        return () -> {
            FileUtils.deleteQuietly(index.toFile());
            err.println("evidens: bench search stopped before its end, no figures; its index deleted (" + index + ")");
        };
    }
}

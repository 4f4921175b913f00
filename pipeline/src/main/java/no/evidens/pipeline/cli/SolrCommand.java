package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.pipeline.Json;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTarget;

/** {@code evidens solr init}: the evidence index on an existing SolrCloud. */
@Command(name = "solr", mixinStandardHelpOptions = true, subcommands = SolrCommand.Init.class,
        description = "The evidence index on SolrCloud (see: evidens solr init --help).")
final class SolrCommand extends CommandGroup {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Upload the Evidens config set to a SolrCloud and create the collection, routed by case.",
                "Every node needs the Evidens plugin jars in its lib folder first (see the README). Then run any command "
                        + "with --solr, or put 'solr: ZK_HOST' in <home>/evidens.properties."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--solr", required = true, paramLabel = "ZK_HOST[/chroot][#collection]",
                description = "The SolrCloud's ZooKeeper, e.g. zk1:2181,zk2:2181/solr (collection: 'evidens' unless #name).")
        String address;

        @Option(names = "--shards", paramLabel = "N", defaultValue = "2",
                description = "Shards of a new collection (default: ${DEFAULT-VALUE}).")
        int shards;

        @Option(names = "--replicas", paramLabel = "N", defaultValue = "2",
                description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
        int replicas;

        @Option(names = "--synonyms", paramLabel = "FILE",
                description = "A synonyms.txt to upload instead of the shipped one (a home's own, as the embedded index uses it).")
        java.nio.file.Path synonyms;

        @Option(names = "--json", description = "Print what was done as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (shards < 1 || shards > 1000 || replicas < 1 || replicas > 10) {
                throw new IllegalArgumentException("--shards must be between 1 and 1000 and --replicas between 1 and 10");
            }
            if (synonyms != null && !java.nio.file.Files.isRegularFile(synonyms)) {
                throw new IllegalArgumentException("no file " + synonyms + " (--synonyms)");
            }
            SolrSetup.Outcome o = SolrSetup.init(SolrTarget.parse(address), shards, replicas, synonyms);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(o));
            } else {
                out.println(said(o));
            }
            out.flush();
            return 0;
        }

        /** What {@code solr init} did, in one line. */
        static String said(SolrSetup.Outcome o) {
            return String.format("config set '%s' uploaded; collection '%s' %s (%s)", o.configSet(), o.collection(),
                    o.created() ? "created with " + count(o.shards(), "shard") + " × " + count(o.replicas(), "replica") + ", routed by case"
                            : "already there (kept, reloaded with the new config set)", count(o.liveNodes().size(), "live node"));
        }

        private static String count(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }
}

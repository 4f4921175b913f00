package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.index.IndexHealth;
import no.evidens.pipeline.ClusterWords;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.Json;
import no.evidens.solr.ClusterHealth;
import no.evidens.solr.SolrHalfWritten;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTarget;
import no.evidens.solr.SolrTextUpgrade;

/**
 * {@code evidens solr init}: the evidence index on an existing SolrCloud; {@code evidens solr status}: what of it fails;
 * {@code evidens solr upgrade-text}: documents stored before round 51 into pieces; {@code evidens solr clean-half-written}:
 * what documents left half-written hold.
 */
@Command(name = "solr", mixinStandardHelpOptions = true, subcommands = {SolrCommand.Init.class, SolrCommand.Status.class,
        SolrCommand.UpgradeText.class, SolrCommand.CleanHalfWritten.class}, description = "The evidence index on SolrCloud (see: "
        + "evidens solr init --help, evidens solr status --help, evidens solr upgrade-text --help, evidens solr clean-half-written --help).")
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

        private static String count(long n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Look at the SolrCloud the home's index lives on: ZooKeeper, the collection, each shard's leader and "
                    + "each live node's answer (2 s each). Says what fails, what still works and what to do.",
                "Exit status 0 when nothing fails, 3 when something does (the same look as the web server's GET /health)."})
    static final class Status implements Callable<Integer> {
        /** The exit status when some part of the cluster fails. */
        static final int FAILING = 3;

        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption home;

        @Option(names = "--json", description = "Print the state as JSON: {\"solr\", \"code\", \"nodes\", \"shards\", \"text\"}.")
        boolean json;

        @Override
        public Integer call() {
            IndexBackend backend = IndexBackend.of(home.resolve());
            if (!backend.isSolr()) {
                throw new IllegalArgumentException("this home's index is embedded, not on SolrCloud: give --solr ZK_HOST[/chroot][#collection], "
                        + "or put 'solr: ZK_HOST' in " + home.resolve().root().resolve(IndexBackend.SETTINGS));
            }
            IndexHealth h = ClusterHealth.check(backend.solr());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("solr", backend.solr().toString());
                o.put("code", h.state().code());
                o.put("nodes", h.nodes());
                o.put("shards", h.shards());
                o.put("text", said(h));
                out.println(Json.write(o));
            } else {
                out.println("SolrCloud " + backend.solr() + ": " + h.state().code());
                out.println(said(h));
            }
            out.flush();
            return h.state() == IndexHealth.State.OK ? 0 : FAILING;
        }

        /** What the state means, what still works and what to do, in English (the web's /health says it in Norwegian). */
        static String said(IndexHealth h) {
            return ClusterWords.said(h);
        }
    }

    @Command(name = "upgrade-text", mixinStandardHelpOptions = true,
            description = {"Rewrite the documents stored before this version (each one's whole text in one stored value, slow to "
                    + "read a window of) into pieces, as new documents are stored. Each document is readable all along; "
                    + "stopped (Ctrl-C), run it again and it goes on. Run it after the nodes' jars and solr init, while no "
                    + "ingestion writes to the collection.",
                "Prints its progress on stderr, then what it did."})
    static final class UpgradeText implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption home;

        @Option(names = "--case", paramLabel = "CASE", description = "Only this case's documents (default: every case).")
        String caseId;

        @Option(names = "--json", description = "Print what was done as JSON: {\"documents\", \"alreadyInPieces\", \"upgraded\", "
                + "\"pieces\", \"characters\", \"failed\"}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            IndexBackend backend = IndexBackend.of(home.resolve());
            if (!backend.isSolr()) {
                throw new IllegalArgumentException("this home's index is embedded, not on SolrCloud (nothing to upgrade): give --solr "
                        + "ZK_HOST[/chroot][#collection], or put 'solr: ZK_HOST' in " + home.resolve().root().resolve(IndexBackend.SETTINGS));
            }
            PrintWriter err = spec.commandLine().getErr();
            SolrTextUpgrade.Outcome o;
            // Ctrl-C (or a service manager's stop) is answered after the group being written is committed
            AtomicBoolean stopAsked = new AtomicBoolean();
            StopHook hook = new StopHook(() -> stopAsked.set(true), WatchCommand.STOP_WAIT);
            try (SolrTextUpgrade upgrade = new SolrTextUpgrade(backend.solr())) {
                o = upgrade.run(caseId, (done, toDo) -> {
                    err.println("upgrade-text: " + done + " of " + toDo + " documents");
                    err.flush();
                    if (stopAsked.get() && done < toDo) {
                        throw new Stopped(done, toDo);
                    }
                });
            } catch (Stopped e) {
                err.println("evidens: stopped after " + e.done + " of " + e.toDo + " documents (those are in pieces); run the same "
                        + "command again to go on");
                err.flush();
                return IngestCommand.STOPPED;
            } finally {
                hook.close();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(o));
            } else {
                out.println(said(o));
                o.failed().forEach(f -> out.println("  not upgraded: " + f));
            }
            out.flush();
            return o.failed().isEmpty() ? 0 : 1;
        }

        /** The upgrade stopped by a signal, after a group was committed. */
        private static final class Stopped extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final long done;
            final long toDo;

            Stopped(long done, long toDo) {
                super(null, null, false, false);
                this.done = done;
                this.toDo = toDo;
            }
        }

        /** What a run did, in one line. */
        static String said(SolrTextUpgrade.Outcome o) {
            return String.format("%s looked at: %d upgraded into pieces (%s, %s), %d already in pieces%s",
                    Init.count(o.documents(), "document"), o.upgraded(), Init.count(o.pieces(), "piece"),
                    Init.count(o.characters(), "character"), o.alreadyInPieces(),
                    o.failed().isEmpty() ? "" : ", " + o.failed().size() + " refused by Solr (left as they were; see below)");
        }
    }

    @Command(name = "clean-half-written", mixinStandardHelpOptions = true,
            description = {"Delete what documents left half-written hold (the cluster went away while a large document was "
                    + "written: some of its passages and text, kept out of search until its file is ingested again). Needed only "
                    + "for a file that will not be ingested again. Run it while no ingestion writes to the collection: a document "
                    + "being written looks the same.",
                "Prints the documents deleted, as case/document."})
    static final class CleanHalfWritten implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption home;

        @Option(names = "--case", paramLabel = "CASE", description = "Only this case's documents (default: every case).")
        String caseId;

        @Option(names = "--dry-run", description = "Only list them.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            IndexBackend backend = IndexBackend.of(home.resolve());
            if (!backend.isSolr()) {
                throw new IllegalArgumentException("this home's index is embedded, not on SolrCloud (nothing is half-written there): "
                        + "give --solr ZK_HOST[/chroot][#collection], or put 'solr: ZK_HOST' in "
                        + home.resolve().root().resolve(IndexBackend.SETTINGS));
            }
            java.util.List<String> docs;
            try (SolrHalfWritten half = new SolrHalfWritten(backend.solr())) {
                docs = dryRun ? half.list(caseId) : half.delete(caseId);
            }
            PrintWriter out = spec.commandLine().getOut();
            docs.forEach(d -> out.println("  " + d));
            out.println(Init.count(docs.size(), "half-written document") + (dryRun ? " (nothing deleted: --dry-run)" : " deleted"));
            out.flush();
            return 0;
        }
    }
}

package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
import no.evidens.solr.HalfWritten;
import no.evidens.solr.HalfWrittenRule;
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
                    + "each live node's answer (2 s each). Says what fails, what still works and what to do, and how many "
                    + "documents are half-written (the oldest one's age and case).",
                "Exit status 0 when nothing fails, 3 when something does (the same look as the web server's GET /health)."})
    static final class Status implements Callable<Integer> {
        /** The exit status when some part of the cluster fails. */
        static final int FAILING = 3;

        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption home;

        @Option(names = "--json", description = "Print the state as JSON: {\"solr\", \"code\", \"nodes\", \"shards\", \"text\", "
                + "\"halfWritten\", \"halfWrittenText\"}.")
        boolean json;

        @Override
        public Integer call() {
            IndexBackend backend = IndexBackend.of(home.resolve());
            if (!backend.isSolr()) {
                throw new IllegalArgumentException("this home's index is embedded, not on SolrCloud: give --solr ZK_HOST[/chroot][#collection], "
                        + "or put 'solr: ZK_HOST' in " + home.resolve().root().resolve(IndexBackend.SETTINGS));
            }
            IndexHealth h = ClusterHealth.check(backend.solr());
            Instant now = Instant.now();
            String clean = "evidens solr clean-half-written --solr " + backend.solr();
            List<HalfWritten> half = null;
            String halfSaid;
            if (!SEARCHABLE.contains(h.state())) {
                halfSaid = "Half-written documents: not asked (the collection cannot answer a search now).";
            } else {
                try (SolrHalfWritten markers = new SolrHalfWritten(backend.solr())) {
                    half = markers.list(null);
                    halfSaid = HalfWrittenWords.status(half, now, clean);
                } catch (IOException | RuntimeException e) {
                    halfSaid = "Half-written documents: not known (" + (e.getMessage() != null ? e.getMessage()
                            : e.getClass().getSimpleName()) + ").";
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("solr", backend.solr().toString());
                o.put("code", h.state().code());
                o.put("nodes", h.nodes());
                o.put("shards", h.shards());
                o.put("text", said(h));
                o.put("halfWritten", half == null ? null : halfWritten(half, now, clean));
                o.put("halfWrittenText", halfSaid);
                out.println(Json.write(o));
            } else {
                out.println("SolrCloud " + backend.solr() + ": " + h.state().code());
                out.println(said(h));
                out.println(halfSaid);
            }
            out.flush();
            return h.state() == IndexHealth.State.OK ? 0 : FAILING;
        }

        /** The states in which every shard has a leader that answers: the markers can be asked. */
        private static final java.util.Set<IndexHealth.State> SEARCHABLE = java.util.EnumSet.of(IndexHealth.State.OK,
                IndexHealth.State.REPLICAS_DOWN, IndexHealth.State.NODE_DOWN, IndexHealth.State.NODE_HUNG);

        /** The half-written documents for {@code --json}: how many, of unknown age, the oldest, and the command to clean. */
        static Map<String, Object> halfWritten(List<HalfWritten> docs, Instant now, String clean) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("documents", docs.size());
            o.put("ageUnknown", docs.stream().filter(d -> d.since() == null).count());
            o.put("oldest", SolrHalfWritten.oldest(docs).map(d -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("case", d.caseId());
                one.put("document", d.docId());
                one.put("since", d.since().toString());
                one.put("ageSeconds", d.age(now).orElseThrow().getSeconds());
                one.put("writer", d.writer());
                return one;
            }).orElse(null));
            o.put("clean", clean);
            return o;
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
                    + "for a file that will not be ingested again. Deletes only those whose writing began more than an hour ago "
                    + "(--older-than): a younger one may be being written now, by this machine or another, and is left alone.",
                "Prints each document (case/document), when its writing began and by which process (pid@host), and what "
                        + "became of it; then how many were deleted and left."})
    static final class CleanHalfWritten implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption home;

        @Option(names = "--case", paramLabel = "CASE", description = "Only this case's documents (default: every case).")
        String caseId;

        @Option(names = "--older-than", paramLabel = "DURATION", converter = Durations.class,
                description = "Delete those whose writing began at least this long ago, e.g. 30m, 2h, 1d (default: 1h).")
        java.time.Duration olderThan;

        @Option(names = "--with-unknown-age", description = "Delete those of unknown age too (marked by an Evidens before "
                + "this version, which recorded no time): only once no older Evidens writes to the collection.")
        boolean withUnknownAge;

        @Option(names = "--dry-run", description = "Only list them, and what would be deleted.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            IndexBackend backend = IndexBackend.of(home.resolve());
            if (!backend.isSolr()) {
                throw new IllegalArgumentException("this home's index is embedded, not on SolrCloud (nothing is half-written there): "
                        + "give --solr ZK_HOST[/chroot][#collection], or put 'solr: ZK_HOST' in "
                        + home.resolve().root().resolve(IndexBackend.SETTINGS));
            }
            HalfWrittenRule rule = new HalfWrittenRule(olderThan == null ? HalfWrittenRule.DEFAULT_AGE : olderThan, withUnknownAge);
            Instant now = Instant.now();
            SolrHalfWritten.Cleaning c;
            try (SolrHalfWritten half = new SolrHalfWritten(backend.solr())) {
                c = half.clean(caseId, rule, now, dryRun);
            }
            PrintWriter out = spec.commandLine().getOut();
            java.util.stream.Stream.of(c.deleted(), c.young(), c.ageUnknown()).flatMap(List::stream)
                    .sorted(java.util.Comparator.comparing(HalfWritten::key))
                    .forEach(d -> out.println(HalfWrittenWords.line(d, now, rule, dryRun)));
            out.println(HalfWrittenWords.summary(c, rule, dryRun));
            out.flush();
            return 0;
        }
    }
}

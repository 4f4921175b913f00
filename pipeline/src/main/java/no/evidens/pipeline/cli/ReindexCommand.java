package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.reindex.ReindexReport;
import no.evidens.pipeline.reindex.Reindexing;

/** {@code evidens reindex}: a thin adapter over {@link Reindexing}. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Re-tag the documents of a case (or of every open case) in place, with this Evidens's taggers and "
                + "codebook, from the texts the index holds: no bundle, no Tika, no original file.",
                "Document ids, texts and offsets stay, so every quotation still verifies.",
                "Ctrl-C finishes the documents begun; a run again re-tags every document again and writes only those that change.",
                "On SolrCloud alike; a cluster that cannot take writes now ends it (exit 4 when no document was re-tagged)."})
final class ReindexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--case", paramLabel = "CASE", description = "The case to re-tag (default: every case in the index that is not closed).")
    String caseId;

    @Option(names = "--user", paramLabel = "NAME", description = "Who re-tags, for the audit trail (default: $USER).")
    String user;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Mixin
    HomeOption home;

    @Mixin
    TagsCommand.CodebookOption codebook;

    @Override
    public Integer call() throws Exception {
        EvidensHome h = home.resolve();
        AtomicBoolean stopAsked = new AtomicBoolean();
        PrintWriter err = spec.commandLine().getErr();
        long[] lastSaid = {0};
        Reindexing.Progress progress = (done, total) -> {
            long now = System.nanoTime();
            synchronized (lastSaid) {
                if (done == total || now - lastSaid[0] > 2_000_000_000L) {
                    lastSaid[0] = now;
                    err.printf("reindexed %d of %d documents%n", done, total);
                    err.flush();
                }
            }
        };
        // Ctrl-C: the documents begun are finished and committed, and the process ends once the command has said how far it
        // got (the hook closed after the summary and the last line, as ingest's: closed before them, the JVM could end
        // while they were printed)
        StopHook hook = new StopHook(() -> stopAsked.set(true), WatchCommand.STOP_WAIT);
        try {
            return reindex(h, stopAsked, progress, err);
        } finally {
            hook.close();
        }
    }

    private int reindex(EvidensHome h, AtomicBoolean stopAsked, Reindexing.Progress progress, PrintWriter err) throws Exception {
        ReindexReport report;
        try {
            report = new Reindexing(h, codebook.forIngestion(h)).stopWhen(stopAsked::get)
                    .run(caseId, FindingsOptions.user(user), progress);
        } catch (IndexUnreachableException e) {
            if (IndexUnreachableException.healthIn(e).isEmpty()) {
                throw e;
            }
            // refused at the door by a look at the cluster, as an ingest is: nothing was read or written
            err.println("evidens: " + e.getMessage());
            err.flush();
            return IngestCommand.NOT_NOW;
        }
        if (report.halted() != null && report.rewritten() == 0) {
            err.println("evidens: " + report.halted() + "; no document was re-tagged: run the same command again once the "
                    + "cluster takes writes");
            err.flush();
            return IngestCommand.NOT_NOW;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report.json()));
        } else {
            print(report, out);
        }
        out.flush();
        if (report.halted() != null) {
            err.printf("evidens: stopped after %d of %d documents: %s; the %d re-tagged before are written: run the same command "
                    + "again once the cluster takes writes: it re-tags every document again and writes only those that change%n",
                    report.done(), report.documents(), report.halted(), report.rewritten());
            err.flush();
            return 1;
        }
        if (report.stopped()) {
            err.printf("evidens: stopped after %d of %d documents (those are re-tagged and saved); run the same command again to"
                    + " go on: it re-tags every document again and writes only those that change%n", report.done(), report.documents());
            err.flush();
            return IngestCommand.STOPPED;
        }
        return report.anyFailed() ? 1 : 0;
    }

    private static void print(ReindexReport report, PrintWriter out) {
        for (ReindexReport.CaseSummary c : report.cases()) {
            out.printf("case %s: %d documents re-tagged, %d written anew, %d unchanged, %d failed%n", c.caseId(), c.documents(),
                    c.rewritten(), c.documents() - c.rewritten() - c.failed().size(), c.failed().size());
            out.printf("  passages %d -> %d (%d kept their id and place)%n", c.passagesBefore(), c.passagesAfter(), c.passagesKept());
            out.printf("  indicators %s, quotations %s, laws %s%n", change(c.before().indicators(), c.after().indicators()),
                    change(c.before().quotations(), c.after().quotations()), change(c.before().laws(), c.after().laws()));
            Map<String, Integer> changes = c.before().changesTo(c.after());
            if (!changes.isEmpty()) {
                StringBuilder line = new StringBuilder("  by indicator:");
                changes.forEach((id, d) -> line.append(' ').append(id).append(' ').append(d > 0 ? "+" : "").append(d));
                out.println(line);
            }
            for (ReindexReport.Failed f : c.failed()) {
                out.printf("  failed: %s (%s): %s; it keeps its old passages%n", f.file(), f.docId(), f.reason());
            }
        }
        for (ReindexReport.Skipped s : report.skipped()) {
            out.printf("case %s: left as it was (%s)%n", s.caseId(), s.reason());
        }
        if (report.cases().isEmpty() && report.skipped().isEmpty()) {
            out.println("no documents to re-tag");
        }
    }

    private static String change(int before, int after) {
        return before == after ? before + " (unchanged)" : before + " -> " + after + " (" + (after > before ? "+" : "") + (after - before) + ")";
    }
}

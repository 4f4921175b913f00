package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.pipeline.inbox.InboxWatcher;
import no.evidens.pipeline.ingest.KeptWorkers;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Ingest each bundle dropped into an inbox folder, one after another, until stopped (Ctrl-C).",
                "A bundle is a .zip, or a folder once its manifest.csv is there; it goes into the case its manifest's "
                        + "'case' column names, else the case of its name (fjordvik-2026.zip: fjordvik-2026). Then it is moved "
                        + "to done/ (its receipt beside it) or failed/ (why, beside it). A restart takes up the bundle that was running."})
final class WatchCommand implements Callable<Integer> {
    /** How long a stop waits for the bundle being read to stop at its next file (a few files, committed). */
    static final Duration STOP_WAIT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "The folder to watch.")
    Path inbox;

    @Option(names = "--once", description = "Ingest the bundles there now, then stop (for cron): exit 0 when all went well, "
            + "3 when a bundle went to failed/ or had files that failed.")
    boolean once;

    @Mixin
    HomeOption home;

    /** The Tika worker kept across the commands of one JVM ({@link EvidensCli#commandLine(KeptWorkers)}); null: one of this run's own. */
    private final KeptWorkers kept;

    WatchCommand() {
        this(null);
    }

    WatchCommand(KeptWorkers kept) {
        this.kept = kept;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // a misspelt inbox would otherwise be made, and watched for bundles that never come
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException(Files.exists(inbox) ? "the inbox " + inbox + " is a file, not a folder"
                    : "there is no folder " + inbox + ": make the inbox first (mkdir), or check its name");
        }
        // One Tika worker for the whole run: each bundle an ingestion of its own, none paying a worker's start (KeptWorkers)
        KeptWorkers workers = kept == null ? new KeptWorkers() : kept;
        InboxWatcher watcher;
        try {
            watcher = new InboxWatcher(home.resolve(), inbox, workers::ingestion, out);
        } catch (Exception | Error e) {
            if (kept == null) {
                workers.close();
            }
            throw e;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // Ctrl-C or a service manager's stop: the bundle being read stops at its next file, committed, and stays in the
        // inbox; the process ends once the watcher is closed
        StopHook hook = new StopHook(() -> {
            watcher.stop();
            stop.countDown();
        }, STOP_WAIT);
        try {
            if (once) {
                // for cron, as ingest: 3 when a bundle went to failed/ or had files that failed
                return watcher.drain() ? 0 : 3;
            }
            // a worker is kept while bundles wait; an empty inbox lets it go (hours of waiting hold no worker's memory)
            watcher.whenIdle(workers::idle).start();
            out.printf("watching %s (Ctrl-C to stop)%n", inbox.toAbsolutePath().normalize());
            out.flush();
            stop.await();
            return 0;
        } finally {
            try {
                try {
                    watcher.close(); // within the hook's wait
                } finally {
                    if (kept == null) {
                        workers.close(); // the worker with it; a kept one is its keeper's to close
                    }
                }
            } finally {
                hook.close();
            }
        }
    }
}

package no.evidens.pipeline.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.IngestPhase;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per tenth of the work otherwise
 * (so logs of unattended runs stay short). File names only, never document text. While no file has finished for
 * {@link #QUIET_SECONDS} (one large file read and tagged: an 18 MB text takes minutes), the bar says so and for how long,
 * in place of a time left that the pace of the earlier files no longer tells; without a terminal, once a minute. Each
 * phase of the ingestion ({@link IngestPhase}) is a line of its own, at a terminal or not, so that the seconds that count no
 * file (a .zip unpacked, the Tika worker's start and the models' load, the last commit) say what they wait for.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;
    static final int QUIET_SECONDS = 15;

    private final PrintStream err;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    /** Of {@link #failed}, those the full disk did not save (the rest are told after, from the receipt). */
    private final AtomicInteger notSavedShown = new AtomicInteger();
    private final java.util.function.LongSupplier clock;
    private final long startNanos;
    private volatile int total;
    private int lastTenth = -1;
    private volatile long lastDoneNanos;
    /** Without a terminal: the minutes of quiet already told. */
    private long quietMinutesTold;
    /** The phase last told, or null before the first. */
    private volatile IngestPhase at;
    /** At a terminal: the bar is drawn and its line not ended (a line said now ends it first). */
    private boolean barOpen;
    private ScheduledExecutorService ticker;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    ConsoleProgress(PrintStream err, boolean terminal, java.util.function.LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastDoneNanos = startNanos;
    }

    /** What the command line says as an ingestion moves on to a phase: the command line's words for the shared phases. */
    static String line(IngestPhase phase) {
        return switch (phase) {
            case UNPACKING -> "Reading the bundle (a .zip is unpacked first) …";
            case STARTING -> "Starting the text extractor (a Tika worker) and loading the language models …";
            case READING -> "Reading the files …";
            case SAVING -> "Saving: the last commit to the index, then the receipt …";
        };
    }

    @Override
    public synchronized void phase(IngestPhase phase) {
        at = phase;
        endBar();
        err.println(line(phase));
    }

    @Override
    public void started(int files) {
        total = files;
        err.println("Ingesting " + files + " file" + (files == 1 ? "" : "s") + " …");
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ingest-progress");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS);
        ticker = t;
    }

    /** Redraws the bar when no file has finished for a while, so that a long file is not taken for a hang. */
    synchronized void tick() {
        int n = done.get();
        long quiet = quietSeconds();
        if (total == 0 || n >= total || quiet < QUIET_SECONDS) {
            return;
        }
        int t = Math.max(1, total);
        if (terminal) {
            drawBar(n, t);
        } else if (quiet / 60 > quietMinutesTold) {
            quietMinutesTold = quiet / 60;
            err.println(bar(n, t));
        }
    }

    private long quietSeconds() {
        return (clock.getAsLong() - lastDoneNanos) / 1_000_000_000L;
    }

    @Override
    public synchronized void fileDone(ReceiptFile file) {
        int n = done.incrementAndGet();
        lastDoneNanos = clock.getAsLong();
        quietMinutesTold = 0;
        if (ReceiptFile.FAILED.equals(file.status())) {
            failed.incrementAndGet();
            if (notSaved(file)) {
                notSavedShown.incrementAndGet();
            }
        }
        int t = Math.max(1, total);
        if (terminal) {
            drawBar(n, t);
        } else if (n * 10 / t != lastTenth) {
            // The line is made only when it is printed: a tenth of the files apart, not once a file.
            lastTenth = n * 10 / t;
            err.println(bar(n, t));
        }
    }

    /** At a terminal: the bar redrawn in place. */
    private void drawBar(int n, int t) {
        err.print("\r" + bar(n, t) + "   ");
        err.flush();
        barOpen = true;
    }

    private String bar(int n, int t) {
        int filled = Math.min(WIDTH, n * WIDTH / t);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + n + "/" + total + " files"
                + (failed.get() > 0 ? ", " + failed.get() + " failed" : "") + pace(n, t) + quiet(n, t);
    }

    /** While files remain and none has finished for a while: that the work goes on, and for how long it has been quiet. */
    private String quiet(int n, int t) {
        long quiet = quietSeconds();
        if (n >= t || quiet < QUIET_SECONDS) {
            return "";
        }
        // before the first file, the worker's start and the models' load are what is waited for, not a file's reading
        return at == IngestPhase.STARTING ? ", still starting the text extractor and the language models: " + duration(quiet)
                : ", still reading: no file finished for " + duration(quiet);
    }

    /**
     * Files per second so far and, while files remain, the time left at that pace; from a hundredth of the files
     * on (the first file alone, after the workers' start or a re-ingest's hashing of every file, says little).
     */
    private String pace(int n, int t) {
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        if (seconds < 2 || n == 0 || n * 100L < t) {
            return "";
        }
        double rate = n / seconds;
        String pace = String.format(java.util.Locale.ROOT, ", %.1f files/s", rate);
        if (n >= t) {
            return pace;
        }
        if (quietSeconds() >= QUIET_SECONDS) {
            return pace; // the time left at the earlier files' pace would mislead: quiet() says how long this one takes
        }
        long left = Math.round((t - n) / rate);
        return pace + ", about " + duration(left) + " left";
    }

    private static String duration(long seconds) {
        return seconds < 90 ? seconds + " s" : seconds < 5400 ? Math.round(seconds / 60.0) + " min"
                : String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    @Override
    public synchronized void finished() {
        stopTicker();
        endBar();
        err.printf(java.util.Locale.ROOT, "Done in %.1f s%n", (clock.getAsLong() - startNanos) / 1e9);
    }

    @Override
    public synchronized void cutShort() {
        stopTicker();
        endBar();
        err.printf(java.util.Locale.ROOT, "Stopped after %.1f s, not done (%d of %d files read)%n", (clock.getAsLong() - startNanos) / 1e9, done.get(), total);
    }

    /**
     * Says how many of the files the bar counted as read the full disk did not save after all: the commit that failed
     * lost documents already counted (the bar cannot take them back), and the receipt counts them as failed.
     */
    void notSavedAfter(Receipt receipt) {
        long notSaved = receipt.files().stream().filter(ConsoleProgress::notSaved).count();
        long more = notSaved - notSavedShown.get();
        if (more > 0) {
            boolean cluster = receipt.files().stream().anyMatch(f -> Reason.NOT_SAVED_BY_CLUSTER.text().equals(f.reason()));
            err.printf("%d of the files shown as read were not saved after all (%s): the receipt counts %d failed%n",
                    more, cluster ? "the SolrCloud cluster refused the writes or could not be reached" : "the disk is full",
                    receipt.counts().failed());
        }
    }

    /** A line a commit that failed took back: the disk's or the cluster's. */
    private static boolean notSaved(ReceiptFile file) {
        return Reason.NOT_SAVED.text().equals(file.reason()) || Reason.NOT_SAVED_BY_CLUSTER.text().equals(file.reason());
    }

    private void stopTicker() {
        ScheduledExecutorService t = ticker;
        if (t != null) {
            t.shutdownNow();
        }
    }

    /** Ends the bar's line at a terminal, where it was redrawn in place. */
    private void endBar() {
        if (barOpen) {
            err.println();
            barOpen = false;
        }
    }
}

package no.evidens.pipeline.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per tenth of the work otherwise
 * (so logs of unattended runs stay short). File names only, never document text.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private volatile int total;
    private int lastTenth = -1;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(int files) {
        total = files;
        err.println("Ingesting " + files + " file" + (files == 1 ? "" : "s") + " …");
    }

    @Override
    public synchronized void fileDone(ReceiptFile file) {
        int n = done.incrementAndGet();
        if (ReceiptFile.FAILED.equals(file.status())) {
            failed.incrementAndGet();
        }
        int t = Math.max(1, total);
        int filled = Math.min(WIDTH, n * WIDTH / t);
        String bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + n + "/" + total + " files"
                + (failed.get() > 0 ? ", " + failed.get() + " failed" : "");
        if (terminal) {
            err.print("\r" + bar + "   ");
            err.flush();
        } else if (n * 10 / t != lastTenth) {
            lastTenth = n * 10 / t;
            err.println(bar);
        }
    }

    @Override
    public void finished() {
        if (terminal && done.get() > 0) {
            err.println();
        }
        err.printf("Done in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
    }
}

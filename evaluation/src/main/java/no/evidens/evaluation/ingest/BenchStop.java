package no.evidens.evaluation.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.io.FileUtils;

/**
 * What a bench ingest stopped half-way (Ctrl-C, or SIGTERM from {@code kill}) leaves behind: nothing. Its shutdown hook
 * ends the side running now with the processes it started (Evidens's Tika workers), deletes the bench's work folder (the
 * generated bundle, the sides' homes and texts: at 100,000 documents some gigabytes in the temporary folder) and says on
 * stderr how far the bench had got. Without it a SIGTERM left the side's JVM running on, and any stop left the folder.
 */
final class BenchStop {
    /** How long a side is given to end on SIGTERM (an ingest finishes the files it has begun) before it is killed. */
    static final long END_SECONDS = 15;

    private final Path work;
    private final List<String> finished = new ArrayList<>();
    private Process running;
    private String runningLabel = "its start";
    private boolean stopping;

    BenchStop(Path work) {
        this.work = work;
    }

    synchronized void started(String label, Process side) {
        runningLabel = label;
        running = side;
    }

    synchronized void ended(String label, SideResult result) {
        finished.add(String.format(Locale.ROOT, "%s %.1f s wall, %.1f CPU s", label, result.wallSeconds(), result.cpuSeconds()));
        running = null;
        runningLabel = "the figures";
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /**
     * Ends the side running now and its processes, deletes the work folder, and returns the line to print: which side
     * was stopped, what had finished before it, and that nothing is left.
     */
    String stop() {
        Process side;
        String label;
        List<String> done;
        synchronized (this) {
            stopping = true;
            side = running;
            label = runningLabel;
            done = List.copyOf(finished);
        }
        if (side != null) {
            end(side);
        }
        FileUtils.deleteQuietly(work.toFile());
        return "evidens: bench ingest stopped during " + label + ", no figures"
                + (done.isEmpty() ? "" : " (finished before: " + String.join("; ", done) + ")")
                + "; its processes ended and its work folder deleted (" + work + ")";
    }

    /** Deletes the work folder after a run that ended by itself, well or not. */
    void cleanUp() {
        FileUtils.deleteQuietly(work.toFile());
    }

    /** SIGTERM to the side and every process under it; what has not ended after {@link #END_SECONDS} is killed. */
    static void end(Process side) {
        List<ProcessHandle> under = side.descendants().toList();
        under.forEach(ProcessHandle::destroy);
        side.destroy();
        try {
            if (!side.waitFor(END_SECONDS, TimeUnit.SECONDS)) {
                side.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            side.destroyForcibly();
        }
        for (ProcessHandle h : under) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                h.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                h.destroyForcibly();
            }
        }
    }
}

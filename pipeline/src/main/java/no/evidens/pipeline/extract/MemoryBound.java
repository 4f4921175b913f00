package no.evidens.pipeline.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The memory bound of an ingest: the main process and its Tika workers together under 2 GiB of resident
 * memory by default, whatever the number of files. The launcher ({@code evidens}) starts {@code ingest} and
 * {@code watch} with {@link #MAIN_OPTIONS}; each worker gets {@link #WORKER_HEAP_MB}; and there are only as many
 * workers as fit beside the main process ({@link #workers}). What a JVM holds beyond its heap (classes,
 * compiled code, thread stacks, the collector's own tables) is counted at a measured allowance per process.
 * A main process given a larger heap than the bound's (the web workspace's 3 GiB, or {@code EVIDENS_JAVA_OPTS})
 * is outside the bound already: it keeps one worker per thread, as before.
 */
public final class MemoryBound {
    /** Resident memory of the main process and its workers together, at most. */
    public static final int TREE_MB = 2048;
    /** Heap of the main process of {@code ingest} and {@code watch}. */
    public static final int MAIN_HEAP_MB = 768;
    /** Heap of each Tika worker. */
    public static final int WORKER_HEAP_MB = 384;
    /** The main process's memory beyond its heap (classes, code, threads, Lucene's buffers), allowed for. */
    static final int MAIN_BEYOND_HEAP_MB = 256;
    /** A worker's memory beyond its heap, allowed for (measured: a worker with Tika loaded holds about 100 MB). */
    static final int WORKER_BEYOND_HEAP_MB = 128;
    /**
     * JVM options of the main process of {@code ingest} and {@code watch}; the launcher writes the same
     * ({@code MemoryBoundTest} checks). The parallel collector: the least CPU of the JDK's collectors for a
     * batch on every core (G1's concurrent work and write barriers cost CPU a batch does not need).
     */
    public static final String MAIN_OPTIONS = "-Xmx" + MAIN_HEAP_MB + "m -XX:+UseParallelGC";
    /**
     * The JIT's quick compiler only (C1), for the main process of an ingest of a bundle of at most
     * {@link #QUICK_JIT_MAX_FILES} files: on a run that short the optimising compiler's (C2's) own CPU does not
     * pay back in faster code (the workers run so always, see {@link #workerOptions()}). The launcher counts the
     * bundle's files and adds it ({@code MemoryBoundTest} checks that it writes the same).
     */
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /** The most files in a bundle whose ingest runs with {@link #QUICK_JIT}. */
    public static final int QUICK_JIT_MAX_FILES = 4000;
    /** System property that replaces the workers' JVM options (space-separated), for measuring other choices. */
    public static final String WORKER_OPTIONS_PROPERTY = "evidens.worker.options";

    private MemoryBound() {
    }

    /** JVM options of the main process of an ingest of {@code files} files, as the launcher chooses them. */
    public static List<String> mainOptions(int files) {
        List<String> options = new ArrayList<>(Arrays.asList(MAIN_OPTIONS.split(" ")));
        if (files <= QUICK_JIT_MAX_FILES) {
            options.add(QUICK_JIT);
        }
        return options;
    }

    /**
     * JVM options of a Tika worker: its heap; the serial collector (one thread parses at a time in a
     * worker, so a parallel or concurrent collector only adds threads and CPU); only the JIT's quick
     * compiler (C1): Tika's code is large and a worker's files varied, so the optimising compiler (C2) spent
     * more CPU compiling than its code saved (measured on one worker over 1,000 generated files: 19.4 CPU s
     * with C1 only, 29.6 with both; over 200 files 6.8 and 13.5); the JVM's own messages to stderr, never
     * to stdout, which carries the answers.
     */
    public static List<String> workerOptions() {
        List<String> options = new ArrayList<>();
        String custom = System.getProperty(WORKER_OPTIONS_PROPERTY);
        if (custom != null && !custom.isBlank()) {
            options.addAll(Arrays.asList(custom.trim().split("\\s+")));
        } else {
            options.add("-Xmx" + WORKER_HEAP_MB + "m");
            options.add("-XX:+UseSerialGC");
            options.add(QUICK_JIT);
        }
        options.add("-Xlog:disable");
        options.add("-Xlog:all=warning:stderr");
        options.add("-Xlog:cds*=off:stderr"); // the class-data archive's list of classes it leaves out
        return options;
    }

    /**
     * How many workers an ingest on {@code threads} threads starts: one per thread while the main process
     * (whose heap may grow to {@code mainMaxHeapBytes}) and the workers stay within {@link #TREE_MB}, at
     * least one; one per thread when the main heap alone is over the bound's share of it.
     */
    public static int workers(int threads, long mainMaxHeapBytes) {
        int wanted = Math.max(1, threads);
        long mainMb = mainMaxHeapBytes / (1024 * 1024);
        if (mainMb > MAIN_HEAP_MB) {
            return wanted;
        }
        long left = TREE_MB - mainMb - MAIN_BEYOND_HEAP_MB;
        long fit = left / (WORKER_HEAP_MB + WORKER_BEYOND_HEAP_MB);
        return (int) Math.max(1, Math.min(wanted, fit));
    }

    /** {@link #workers(int, long)} for this process's own maximum heap. */
    public static int workers(int threads) {
        return workers(threads, Runtime.getRuntime().maxMemory());
    }
}

package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import no.evidens.pipeline.Slf4jProvider;

/**
 * The memory bound of an ingest: the main process and its Tika workers together under 2 GiB of resident
 * memory by default, whatever the number of files. The launcher ({@code evidens}) starts {@code ingest} and
 * {@code watch} with {@link #MAIN_OPTIONS}; a worker gets {@link #WORKER_HEAP_MB} for each file it reads at a time
 * (up to {@link #THREADS_PER_WORKER}); and only as many files are read at a time as fit beside the main process
 * ({@link #workers}). What a JVM holds beyond its heap (classes, compiled code, thread stacks, the collector's own
 * tables) is counted at a measured allowance per process, and per file read at a time for the workers.
 * A main process given a larger heap than the bound's (the web workspace's 3 GiB, or {@code EVIDENS_JAVA_OPTS})
 * is outside the bound already: it keeps one file read at a time per thread, as before.
 */
public final class MemoryBound {
    /** Resident memory of the main process and its workers together, at most. */
    public static final int TREE_MB = 2048;
    /** Heap of the main process of {@code ingest} and {@code watch}. */
    public static final int MAIN_HEAP_MB = 768;
    /** Heap of each Tika worker per file it reads at a time (per thread). */
    public static final int WORKER_HEAP_MB = 384;
    /**
     * Files a Tika worker reads at a time, one per thread: two threads in one JVM pay its start, Tika's loading
     * and the JIT's compiling once where two workers paid them twice; more would lose more files at once to a
     * worker that crashes (each is then read again alone).
     */
    public static final int THREADS_PER_WORKER = 2;
    /** The main process's memory beyond its heap (classes, code, threads, Lucene's buffers), allowed for. */
    static final int MAIN_BEYOND_HEAP_MB = 256;
    /** A worker's memory beyond its heap, allowed for (measured: a worker with Tika loaded holds about 100 MB). */
    static final int WORKER_BEYOND_HEAP_MB = 128;
    /**
     * JVM options of the main process of {@code ingest} and {@code watch}; the launcher writes the same
     * ({@code MemoryBoundTest} checks). The serial collector: over the bench's 1,000 generated files it took about
     * 0.9 CPU s where the parallel one took 1.2, and the process tree's peak was some 150 MB lower, the index the
     * same (docs/ingest-speed-rounds.md, twenty-seventh round); G1's concurrent work and write barriers cost CPU a batch does not need.
     * No performance counters ({@code -XX:-UsePerfData}: the shared-memory file jstat and jps read, kept up to date as
     * classes load, methods compile and the collector runs): over the bench's 1,000 generated files the main process
     * took 13.18–13.39 CPU s against 13.53–13.94 with them, lower in each of four runs started beside one with them
     * (docs/ingest-speed-rounds.md, thirty-eighth round). {@code jcmd PID} still reaches the process.
     */
    public static final String MAIN_OPTIONS = "-Xmx" + MAIN_HEAP_MB + "m -XX:+UseSerialGC -XX:-UsePerfData";
    /**
     * The JIT's quick compiler only (C1), for the main process of an ingest of a bundle of at most
     * {@link #QUICK_JIT_MAX_FILES} files: on a run that short the optimising compiler's (C2's) own CPU does not
     * pay back in faster code (the workers run so always, see {@link #workerOptions()}). The launcher counts the
     * bundle's files and adds it ({@code MemoryBoundTest} checks that it writes the same).
     */
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * With {@link #QUICK_JIT}, the main process's methods compiled at half the usual counts of calls and loops
     * ({@code -XX:CompileThresholdScaling=0.5}): the tagging and indexing code leaves the interpreter sooner. Over the
     * bench's 1,000 generated files the main process took 13.04–13.31 CPU s against 13.53–13.94 without, lower in each
     * of four runs started beside one without (docs/ingest-speed-rounds.md, thirty-eighth round); twice the counts cost
     * more. The workers keep the usual counts: there half cost more (eighteenth round).
     */
    public static final String EARLY_QUICK_JIT = "-XX:CompileThresholdScaling=0.5";
    /**
     * One compiler thread for a worker's quick compiler (the JVM starts a second one on a machine of two cores or
     * more). With one thread the compile queue is longer while much of Tika's code turns hot at once, so the JVM
     * raises its thresholds for a while and drops methods that have cooled while they waited: fewer methods are
     * compiled. Measured on one worker over the bench's 1,000 generated files (docs/ingest-speed-rounds.md,
     * thirty-second round): 12.1–13.7 CPU s against 13.0–14.6 with two, lower in each of four pairs. The main
     * process of an ingest keeps two: in its two pairs the figures went both ways.
     */
    public static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";
    /**
     * Transparent huge pages for the main process's heap, where the kernel gives them on request only
     * ({@link #hugePagesOnRequest}; where it gives them always the JVM has them without asking, where never the JVM
     * would print a warning). The models' objects (some 100 MB, loaded once) are then copied by the collector into
     * memory touched in 2 MB pages rather than 4 kB ones: over the bench's 1,000 generated files the collector took
     * 0.39–0.61 CPU s against 0.65–0.93, and the main process some 4–5% less CPU beside its own workers, more than the
     * collector's share (the look-ups into the models, it seems; not profiled; docs/ingest-speed-rounds.md,
     * thirty-fifth round). The launcher adds it the same way ({@code MemoryBoundTest} checks).
     */
    public static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** The kernel's setting for transparent huge pages: {@code always [madvise] never}, the one in force bracketed. */
    static final Path HUGE_PAGES_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /**
     * The most files in a bundle whose ingest runs with {@link #QUICK_JIT}. Measured with the bench's generated files
     * on a quiet machine (docs/ingest-speed-rounds.md, round 62 (J)): at 10,000 files the main process took 36.4–42.6
     * CPU s with the quick compiler alone (at the usual counts) against 53.2–58.4 with both, and less wall time, in each of three alternated
     * pairs (the optimising compiler's own threads some 20–22 CPU s); in a pair at 30,000 files the run with {@link #QUICK_JIT} and {@link #EARLY_QUICK_JIT}
     * stayed the cheaper to about the 25,000th document (ahead by 9.5 CPU s or more to the 17,000th) and ended 4.0 CPU s
     * the dearer. The bound is set below that crossing.
     */
    public static final int QUICK_JIT_MAX_FILES = 15_000;
    /**
     * System property of a main process whose workers run both of the JIT's compilers, not the quick one alone
     * ({@link #workerOptions(int)}): set by {@link #mainOptions} and the launcher ({@link #WORKERS_BOTH_COMPILERS})
     * for an ingest of at least {@link #WORKERS_BOTH_COMPILERS_MIN_FILES} files, and by hand for measuring.
     */
    public static final String WORKERS_BOTH_COMPILERS_PROPERTY = "evidens.workers.bothCompilers";
    /** The option that sets {@link #WORKERS_BOTH_COMPILERS_PROPERTY} (the launcher writes the same). */
    public static final String WORKERS_BOTH_COMPILERS = "-D" + WORKERS_BOTH_COMPILERS_PROPERTY + "=true";
    /**
     * The fewest files in a bundle whose ingest's workers run both of the JIT's compilers. Within the memory bound
     * one worker process reads every file of an ingest (two at a time), so its optimising compiler's own CPU is paid
     * once and its faster code saves on each file after. Measured on one worker over the bench's generated files
     * (docs/ingest-speed-rounds.md, round 59 (A)): over 10,000 files both compilers cost 80.1 CPU s against 61.7
     * (the optimising compiler's thread alone 26.9 s; the reading threads 42.1 s against 53.5); over the same files
     * three times, the two runs' CPU met near 25,000 files (142.0 and 143.8 s at 25,000), both compilers ahead after.
     * The bound is set a little above, as the files read again are kinder to the optimised code than new ones.
     */
    public static final int WORKERS_BOTH_COMPILERS_MIN_FILES = 30_000;
    /** System property that replaces the workers' JVM options (space-separated), for measuring other choices. */
    public static final String WORKER_OPTIONS_PROPERTY = "evidens.worker.options";

    private MemoryBound() {
    }

    /** JVM options of the main process of an ingest of {@code files} files, as the launcher chooses them. */
    public static List<String> mainOptions(int files) {
        List<String> options = new ArrayList<>(Arrays.asList(MAIN_OPTIONS.split(" ")));
        if (files <= QUICK_JIT_MAX_FILES) {
            options.add(QUICK_JIT);
            options.add(EARLY_QUICK_JIT);
        }
        if (files >= WORKERS_BOTH_COMPILERS_MIN_FILES) {
            options.add(WORKERS_BOTH_COMPILERS);
        }
        if (hugePagesOnRequest(HUGE_PAGES_SETTING)) {
            options.add(HUGE_PAGES);
        }
        return options;
    }

    /**
     * Whether the kernel gives transparent huge pages to memory that asks for them ({@code [madvise]} in force), so
     * that {@link #HUGE_PAGES} takes effect; false where the setting cannot be read (not Linux).
     */
    static boolean hugePagesOnRequest(Path setting) {
        try {
            return Files.readString(setting, StandardCharsets.US_ASCII).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * JVM options of a Tika worker: its heap; the serial collector (a worker's threads are few, one file
     * each, so a parallel or concurrent collector only adds threads and CPU); only the JIT's quick
     * compiler (C1): Tika's code is large and a worker's files varied, so the optimising compiler (C2) spent
     * more CPU compiling than its code saved (measured on one worker over 1,000 generated files: 19.4 CPU s
     * with C1 only, 29.6 with both; over 200 files 6.8 and 13.5), on one thread ({@link #ONE_COMPILER_THREAD});
     * the JVM's own messages to stderr, never to stdout, which carries the answers.
     */
    public static List<String> workerOptions() {
        return workerOptions(1);
    }

    /**
     * JVM options of a Tika worker that reads {@code threads} files at a time: as {@link #workerOptions()}, with
     * {@link #WORKER_HEAP_MB} of heap per thread.
     */
    public static List<String> workerOptions(int threads) {
        return workerOptions(threads, Boolean.getBoolean(WORKERS_BOTH_COMPILERS_PROPERTY));
    }

    /**
     * As {@link #workerOptions(int)}; with {@code bothCompilers} the JIT's usual two compilers (the quick and the
     * optimising one, each on a thread of its own) instead of {@link #QUICK_JIT} on {@link #ONE_COMPILER_THREAD}:
     * for a long ingest ({@link #WORKERS_BOTH_COMPILERS_PROPERTY}).
     */
    static List<String> workerOptions(int threads, boolean bothCompilers) {
        List<String> options = new ArrayList<>();
        String custom = System.getProperty(WORKER_OPTIONS_PROPERTY);
        if (custom != null && !custom.isBlank()) {
            options.addAll(Arrays.asList(custom.trim().split("\\s+")));
        } else {
            options.add("-Xmx" + (long) WORKER_HEAP_MB * Math.max(1, threads) + "m");
            options.add("-XX:+UseSerialGC");
            if (!bothCompilers) {
                options.add(QUICK_JIT);
                options.add(ONE_COMPILER_THREAD);
            }
        }
        options.addAll(Slf4jProvider.options()); // no look for slf4j's provider through every jar
        options.add("-Xlog:disable");
        options.add("-Xlog:all=warning:stderr");
        options.add("-Xlog:cds*=off:stderr"); // the class-data archive's list of classes it leaves out
        return options;
    }

    /**
     * How many files the workers of an ingest on {@code threads} threads read at a time (their threads, up to
     * {@link #THREADS_PER_WORKER} in one worker): one per thread while the main process (whose heap may grow to
     * {@code mainMaxHeapBytes}) and the workers stay within {@link #TREE_MB}, at least one; one per thread when
     * the main heap alone is over the bound's share of it. Each is counted as a worker of its own (a heap and
     * the memory beyond it), more than two threads in one JVM hold.
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

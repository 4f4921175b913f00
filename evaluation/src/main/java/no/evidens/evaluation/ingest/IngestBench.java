package no.evidens.evaluation.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import no.evidens.corpus.MixedBundle;
import no.evidens.evaluation.ChildJava;
import no.evidens.pipeline.Slf4jProvider;
import no.evidens.pipeline.extract.MemoryBound;

/**
 * {@code evidens bench ingest}: a whole ingest beside Tika alone on the same files with the same threads, each
 * side in a fresh JVM of its own (started the same way, as the launcher starts {@code ingest}), then the same ingest
 * again on the unchanged bundle. Prints documents/s, MB/s, CPU seconds per document, the peak memory of each
 * side's whole process tree (workers included) and the ratios.
 */
public final class IngestBench {
    /**
     * System property: JVM options added to the Evidens side's main process, comma-separated (the launcher splits
     * {@code EVIDENS_JAVA_OPTS} at spaces), for trying other choices beside the launcher's.
     */
    static final String EXTRA_MAIN_OPTIONS_PROPERTY = "evidens.bench.mainOptions";

    /**
     * JVM options of the Tika alone side: the memory bound's heap and the parallel collector, as every earlier round's
     * Tika alone ran, so that its figures stay the same baseline whatever collector the ingest's main process is
     * given ({@link MemoryBound#MAIN_OPTIONS}).
     */
    static final List<String> TIKA_OPTIONS = List.of("-Xmx" + MemoryBound.MAIN_HEAP_MB + "m", "-XX:+UseParallelGC");

    /** What to run: a folder to read (null: a generated mixed bundle of {@code docs} documents), threads. */
    public record Options(Path folder, int docs, int threads) {
    }

    private IngestBench() {
    }

    public static void run(Options options, PrintWriter out) throws Exception {
        List<Path> given = options.folder() != null ? filesOf(options.folder()) : null;
        Path work = Files.createTempDirectory("evidens-bench-ingest");
        BenchStop stop = new BenchStop(work);
        Thread hook = new Thread(() -> System.err.println(stop.stop()), "bench-ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(options, given, work, stop, out);
        } finally {
            if (!stop.stopping()) {
                Runtime.getRuntime().removeShutdownHook(hook);
                stop.cleanUp();
            }
        }
    }

    /**
     * The files of the folder {@code --dir} names; a missing folder, a file or a folder without files is a usage error,
     * said before anything is started (it used to be said by the Evidens side's stack trace, after Tika alone had run).
     */
    static List<Path> filesOf(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("--dir " + folder + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--dir " + folder + " is a file: give a folder of documents");
        }
        List<Path> files = filesUnder(folder.toAbsolutePath());
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--dir " + folder + " holds no files");
        }
        return files;
    }

    private static void run(Options options, List<Path> given, Path work, BenchStop stop, PrintWriter out) throws Exception {
        Path bundle = options.folder() != null ? options.folder().toAbsolutePath() : work.resolve("bundle");
        List<Path> files = given != null ? given : MixedBundle.writeTo(bundle, options.docs(), 14L);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
            Files.readAllBytes(f); // both sides then read from the page cache
        }
        Path list = work.resolve("files.txt");
        Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        String threads = String.valueOf(options.threads());
        out.printf(java.util.Locale.ROOT, "%,d files, %.1f MB (%s), %d threads, %d cores; load average before: %s%n", files.size(), bytes / 1e6,
                options.folder() != null ? bundle : "generated: PDF, DOCX, HTML, TXT, e-mail, every other e-mail with a PDF attached",
                options.threads(), Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf("Evidens: %d threads, %d files read by Tika workers at a time (up to %d per worker process; memory bound: "
                        + "main heap %d MB, each worker %d MB per file, tree under %d MB); main process JIT: %s; workers' JIT: %s%n",
                options.threads(), MemoryBound.workers(options.threads(), MemoryBound.MAIN_HEAP_MB * 1024L * 1024L),
                MemoryBound.THREADS_PER_WORKER, MemoryBound.MAIN_HEAP_MB, MemoryBound.WORKER_HEAP_MB, MemoryBound.TREE_MB,
                files.size() <= MemoryBound.QUICK_JIT_MAX_FILES ? "quick compiler only (at most "
                        + MemoryBound.QUICK_JIT_MAX_FILES + " files)" : "both compilers",
                files.size() >= MemoryBound.WORKERS_BOTH_COMPILERS_MIN_FILES
                        || Boolean.getBoolean(MemoryBound.WORKERS_BOTH_COMPILERS_PROPERTY) ? "both compilers"
                        : "quick compiler only (under " + MemoryBound.WORKERS_BOTH_COMPILERS_MIN_FILES + " files)");
        // Every side (and its workers) runs on this JVM's own java binary, so Tika alone and Evidens share the JDK.
        out.printf("JVM of every side and worker: Java %s (%s)%n", Runtime.version(), System.getProperty("java.home"));
        out.flush();
        SideResult tika = side(work, stop, "Tika alone", "tika", "bench-tika", TIKA_OPTIONS, TikaSide.class, list.toString(), threads,
                work.resolve("tika-out").toString());
        Path home = work.resolve("home");
        String extra = System.getProperty(EXTRA_MAIN_OPTIONS_PROPERTY, "");
        List<String> ingestOptions = ingestOptions(files.size(), extra);
        if (!extra.isBlank()) {
            out.printf("Evidens's main process also given: %s%n", extra.trim());
        }
        SideResult first = side(work, stop, "Evidens ingest", "evidens", "ingest", ingestOptions, EvidensSide.class, home.toString(),
                bundle.toString(), threads);
        SideResult again = side(work, stop, "Evidens again", "evidens-again", "ingest", ingestOptions, EvidensSide.class, home.toString(),
                bundle.toString(), threads);
        out.printf("  %-34s %8s %8s %7s %8s %10s %9s %10s %10s%n", "", "wall s", "docs/s", "MB/s", "CPU s",
                "CPU s/doc", "peak MB", "wall÷Tika", "CPU÷Tika");
        row(out, "Tika alone (" + tika.documents() + " texts)", tika, tika, files.size(), bytes);
        row(out, "Evidens ingest (" + first.documents() + " indexed)", first, tika, files.size(), bytes);
        row(out, "Evidens again, bundle unchanged", again, tika, files.size(), bytes);
        out.printf(java.util.Locale.ROOT, "  re-ingest ÷ first ingest: wall %.1f%%, CPU %.1f%%; load average after: %s%n",
                100 * again.wallSeconds() / first.wallSeconds(), 100 * again.cpuSeconds() / first.cpuSeconds(), loadAverage());
        out.printf(java.util.Locale.ROOT, "  Evidens's CPU s by process: main process %.1f, Tika workers %.1f (their starts included); again: %.1f, %.1f%n",
                first.cpuSeconds() - first.childCpuSeconds(), first.childCpuSeconds(),
                again.cpuSeconds() - again.childCpuSeconds(), again.childCpuSeconds());
        out.printf(java.util.Locale.ROOT, "  16 cores, from CPU s per document (no other limit): Tika alone %.0f docs/s, Evidens %.0f docs/s%n",
                16 * files.size() / tika.cpuSeconds(), 16 * files.size() / first.cpuSeconds());
        out.printf("  (each side's wall time includes its JVM start; peak MB is resident memory of the process and its workers)%n");
        out.printf(java.util.Locale.ROOT, "  (CPU s leave out the bench's own meter in each side: Tika alone %.2f, Evidens %.2f, again %.2f CPU s)%n",
                tika.meterCpuSeconds(), first.meterCpuSeconds(), again.meterCpuSeconds());
        out.flush();
    }

    /**
     * JVM options of the Evidens side's main process for {@code files} files: the launcher's
     * ({@link MemoryBound#mainOptions}), then {@code extra}'s, split at commas and spaces (a later option wins).
     */
    static List<String> ingestOptions(int files, String extra) {
        List<String> options = new ArrayList<>(MemoryBound.mainOptions(files));
        options.addAll(Slf4jProvider.options()); // as the launcher starts every command
        for (String o : extra.trim().split("[,\\s]+")) {
            if (!o.isEmpty()) {
                options.add(o);
            }
        }
        return options;
    }

    private static void row(PrintWriter out, String name, SideResult r, SideResult tika, int docs, long bytes) {
        out.printf(java.util.Locale.ROOT, "  %-34s %8.1f %8.1f %7.2f %8.1f %10.3f %9d %10.2f %10.2f%n", name, r.wallSeconds(),
                docs / r.wallSeconds(), bytes / 1e6 / r.wallSeconds(), r.cpuSeconds(), r.cpuSeconds() / docs,
                r.peakRssMb(), r.wallSeconds() / tika.wallSeconds(), r.cpuSeconds() / tika.cpuSeconds());
    }

    /**
     * Runs one side in a fresh JVM with this JVM's class path and the given JVM options (Evidens's side: as the
     * launcher starts {@code ingest} on these files; Tika's: {@link #TIKA_OPTIONS}), and the
     * class-data archive of its {@code kind} ({@link SideArchive}); a flight recording and {@code -Devidens.*}
     * options of this JVM are passed on. Its log goes to a file.
     */
    private static SideResult side(Path work, BenchStop stop, String label, String name, String kind, List<String> jvmOptions,
                                   Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmOptions);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-Xlog:") || a.startsWith("-Devidens.")) {
                options.add(a.replace("%s", name));
            }
        }
        SideArchive archive = SideArchive.of(System.getProperty(SideArchive.BASE_PROPERTY), kind);
        options.addAll(archive.options());
        List<String> cmd = ChildJava.command(options, main.getName(), List.of(args));
        Process p = null;
        synchronized (stop) { // so that a stop either sees this side started or this side sees the stop
            if (!stop.stopping()) {
                p = new ProcessBuilder(cmd).redirectError(work.resolve(name + ".log").toFile()).start();
                stop.started(label, p);
            }
        }
        if (p == null) {
            holdUntilTheJvmEnds();
        }
        String result = null;
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(SideResult.PREFIX)) {
                result = line;
            }
        }
        int exit = p.waitFor();
        archive.ended(exit); // a stopped side's half-written class-data archive goes too
        if (stop.stopping()) {
            holdUntilTheJvmEnds();
        }
        if (result == null) {
            throw new IllegalStateException(label + " ended with exit " + exit + " and no result: "
                    + firstError(Files.readString(work.resolve(name + ".log"))));
        }
        SideResult r = SideResult.parse(result);
        stop.ended(label, r);
        return r;
    }

    /**
     * The line of a side's log that says what went wrong: the first that is not a stack frame, without Java's
     * "Exception in thread" prefix (the last line, quoted before, was the innermost frame).
     */
    static String firstError(String log) {
        return log.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("at ") && !l.startsWith("..."))
                .findFirst().map(l -> l.replaceFirst("^Exception in thread \"[^\"]*\" ", "")).orElse("its log is empty");
    }

    /**
     * The bench was stopped (Ctrl-C, SIGTERM) and its shutdown hook is ending the side and deleting the work folder:
     * this thread waits for the JVM's end rather than report the side it lost as a failure.
     */
    private static void holdUntilTheJvmEnds() throws InterruptedException {
        Thread.currentThread().join();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

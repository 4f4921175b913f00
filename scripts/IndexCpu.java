import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.PassageGenerator;
import no.evidens.index.EvidenceIndexWriter;

/**
 * Processor time of indexing alone, for comparing two versions of the index writer on a busy machine: generates the
 * bench's documents first (seed 6, as {@code bench search}), then writes them with the Evidens writer on THREADS
 * threads, REPS times into fresh temporary indexes, and prints per 100,000 passages the whole process's CPU time
 * (merges, garbage collection and the commit included) and that of the adding threads, and (where {@code /proc} is
 * readable) the rep's processor time by kind of thread: the JIT's compiler threads, the garbage collector's, the
 * others. The first rep includes JIT warm-up. Run from the repository root after a build:
 * <pre>
 * java -Xmx1g -cp "pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar:pipeline/target/lib/*" \
 *     scripts/IndexCpu.java 200000 2 3
 * </pre>
 */
public class IndexCpu {
    public static void main(String[] args) throws Exception {
        int passages = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        PassageGenerator generator = new PassageGenerator(CorpusVocabulary.ofSampleBundle(), 6);
        List<PassageGenerator.Generated> docs = new ArrayList<>();
        long total = 0;
        for (long n = 0; total < passages; n++) {
            PassageGenerator.Generated g = generator.document(n);
            docs.add(g);
            total += g.passages().size();
        }
        System.out.printf(Locale.ROOT, "%,d documents, %,d passages, %d threads%n", docs.size(), total, threads);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < reps; rep++) {
            Path dir = Files.createTempDirectory("index-cpu");
            System.gc();
            long cpu0 = os.getProcessCpuTime();
            java.util.Map<String, Long> kinds0 = cpuByThreadKind();
            long t0 = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            AtomicLong adding = new AtomicLong();
            try (EvidenceIndexWriter writer = new EvidenceIndexWriter(dir)) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tasks.add(pool.submit(() -> {
                        long c = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
                            writer.add(docs.get(i).document(), docs.get(i).passages());
                        }
                        adding.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c);
                        return null;
                    }));
                }
                for (Future<?> f : tasks) {
                    f.get();
                }
                pool.shutdown();
                writer.commit();
            }
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "rep %d: %.2f CPU-s per 100,000 passages (whole process), %.2f in the adding threads;"
                    + " %.1f s wall; load average %.1f%n", rep, cpu * 1e5 / total, adding.get() / 1e9 * 1e5 / total,
                    (System.nanoTime() - t0) / 1e9, os.getSystemLoadAverage());
            java.util.Map<String, Long> kinds = cpuByThreadKind();
            if (!kinds.isEmpty()) {
                StringBuilder line = new StringBuilder("       by thread kind, CPU-s per 100,000 passages:");
                for (java.util.Map.Entry<String, Long> k : kinds.entrySet()) {
                    double s = (k.getValue() - kinds0.getOrDefault(k.getKey(), 0L)) / (double) CLOCK_TICKS;
                    line.append(String.format(Locale.ROOT, " %s %.2f", k.getKey(), s * 1e5 / total));
                }
                System.out.println(line);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Linux's clock ticks per second, the unit of a thread's time in {@code /proc} (100 on every common kernel). */
    private static final long CLOCK_TICKS = 100;

    /** Processor time so far of this process's threads by kind (compiler, gc, other), in clock ticks; empty without /proc. */
    private static java.util.Map<String, Long> cpuByThreadKind() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                String kind = name.contains("Compiler") ? "jit"
                        : name.startsWith("GC") || name.startsWith("G1") ? "gc" : "other";
                ticks.merge(kind, used, Long::sum);
            }
        } catch (java.io.IOException e) {
            return java.util.Map.of();
        }
        return ticks;
    }
}

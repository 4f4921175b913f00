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
 * (merges, garbage collection and the commit included) and that of the adding threads. The first rep includes JIT
 * warm-up. Run from the repository root after a build:
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
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

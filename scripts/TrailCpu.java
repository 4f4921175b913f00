import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.pipeline.findings.TrailWriter;

/**
 * Processor time of the audit trail's writer alone, for comparing two versions of it on a busy machine: USERS threads
 * each record a search's line (made-up queries and filters of the shape a search writes) through one
 * {@link TrailWriter} on a fresh temporary store, each pausing PAUSE_MS between its lines (as a user's request would
 * between answers), for SECONDS after a warm-up of as long; then prints the lines written, the writer thread's
 * processor time per line, the whole process's, and each request's wait for its line (mean, p95). Checks the trail
 * after. Run from the repository root after a build:
 * <pre>
 * java -Xmx512m -cp "pipeline/target/evidens.jar:pipeline/target/lib/*" scripts/TrailCpu.java 20 130 20 3
 * </pre>
 * (USERS PAUSE_MS SECONDS REPS [WINDOW_SECONDS: the writer's time per line printed per window])
 */
public class TrailCpu {
    private static final String[] QUERIES = {"samarbeid", "\"individuell plan\"", "tiltak barnehage", "koordinator",
            "ansvarsgruppe møte", "\"tverrfaglig samarbeid\"", "oppfølging", "foreldre samtykke"};
    private static final String[] FILTERS = {"", "type=plan", "indicator=samarbeid type=notat", ""};

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        long pauseMs = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        int window = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < reps; rep++) {
            Path dir = Files.createTempDirectory("trail-cpu");
            Path chain = dir.resolve("audit-chain.log");
            try (TrailWriter writer = new TrailWriter(dir.resolve("findings"), chain, Duration.ofSeconds(10))) {
                writer.warm();
                run(writer, users, pauseMs, seconds * 1000L, new AtomicLong(), new ArrayList<>());
                long writerThread = writerThread(threads);
                long writerCpu0 = threads.getThreadCpuTime(writerThread);
                long processCpu0 = os.getProcessCpuTime();
                AtomicLong lines = new AtomicLong();
                List<Long> waits = new ArrayList<>();
                Thread windows = windows(threads, writerThread, lines, window);
                run(writer, users, pauseMs, seconds * 1000L, lines, waits);
                windows.interrupt();
                double writerMs = (threads.getThreadCpuTime(writerThread) - writerCpu0) / 1e6;
                double processMs = (os.getProcessCpuTime() - processCpu0) / 1e6;
                waits.sort(null);
                double mean = waits.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
                double p95 = waits.isEmpty() ? 0 : waits.get((int) Math.min(waits.size() - 1, Math.ceil(waits.size() * 0.95) - 1)) / 1e6;
                System.out.printf(Locale.ROOT, "rep %d: %d lines (%.1f/s), writer thread %.3f ms a line, process %.3f ms a line,"
                                + " wait for a line mean %.2f ms, p95 %.2f ms, load %.1f%n", rep + 1, lines.get(),
                        lines.get() / (double) seconds, writerMs / lines.get(), processMs / lines.get(), mean, p95,
                        os.getSystemLoadAverage());
            }
            try (FindingStore store = FindingStore.open(dir.resolve("findings"))) {
                var check = store.trail(chain).verify();
                if (!check.problems().isEmpty()) {
                    throw new IllegalStateException("trail not intact: " + check.problems());
                }
            }
        }
    }

    /** Prints the writer's processor time per line every {@code seconds} (none when 0), to see whether it grows as the store is held. */
    private static Thread windows(ThreadMXBean threads, long writer, AtomicLong lines, int seconds) {
        Thread t = new Thread(() -> {
            long cpu = threads.getThreadCpuTime(writer);
            long n = lines.get();
            for (int w = 1; seconds > 0; w++) {
                try {
                    Thread.sleep(seconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                long cpuNow = threads.getThreadCpuTime(writer);
                long nNow = lines.get();
                System.out.printf(Locale.ROOT, "  %4d s: %d lines, writer %.3f ms a line%n", w * seconds, nNow - n,
                        (cpuNow - cpu) / 1e6 / Math.max(1, nNow - n));
                cpu = cpuNow;
                n = nNow;
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long writerThread(ThreadMXBean threads) {
        for (var info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().equals("evidens-audit-trail")) {
                return info.getThreadId();
            }
        }
        throw new IllegalStateException("no trail writer thread");
    }

    private static void run(TrailWriter writer, int users, long pauseMs, long millis, AtomicLong lines, List<Long> waits)
            throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        List<Thread> ts = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; System.currentTimeMillis() < end; i++) {
                    String q = QUERIES[(user + i) % QUERIES.length];
                    String f = FILTERS[(user * 3 + i) % FILTERS.length];
                    long t0 = System.nanoTime();
                    writer.record(new AuditEvent("bruker" + user, "search", "sak-" + (user % 4), null, null,
                            "«" + q + "»" + (f.isEmpty() ? "" : " " + f) + ", " + (i * 37 % 900) + " treff"));
                    mine.add(System.nanoTime() - t0);
                    lines.incrementAndGet();
                    try {
                        Thread.sleep(pauseMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                synchronized (waits) {
                    waits.addAll(mine);
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}

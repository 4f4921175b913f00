package no.evidens.evaluation.team;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A warm-up that lasts until the JIT of the process that answers has settled: at least {@code least}, then
 * window by window until the JIT's compiler threads took at most {@code quietShare} of the process's processor
 * time in {@code quietWindows} windows in a row, or {@code most} is reached. The share is read per thread from
 * {@code /proc} ({@link ThreadCpu}), so nothing is attached to the process.
 *
 * <p>Why the JIT's share and not a count of compiled methods: what the bench measures is processor time per
 * search, and the share is exactly the part of it the compiler still adds. A count treats a C1 compilation of a
 * small method (a fraction of a millisecond) like a C2 compilation of a hot search loop (tens of milliseconds),
 * and tiered compilation keeps compiling small methods long after the search path is fast: "at most 5 methods
 * in 5 s" was never reached in two minutes, while the JIT's share had long stopped mattering. Two windows in a
 * row, so that one quiet window between two bursts does not end the warm-up. Each window is printed with the
 * searches answered in it, the processor time per search, the JIT's share and the methods compiled (HotSpot's
 * own counter, what {@code jstat -compiler PID} prints, from its performance data file: {@link PerfCounters}).
 */
record JitSettle(long pid, Duration least, Duration most, Duration window, double quietShare, int quietWindows) {
    /** What the warm-up was: how long, the compiled methods before and after, the JIT's last share, and whether it settled. */
    record Outcome(double seconds, long compiledBefore, long compiledAfter, double lastJitShare, boolean windows, String how) {
        String describe() {
            if (!windows) {
                return String.format(Locale.ROOT, "%.0f s of warm-up (%s); methods compiled %s → %s", seconds, how, count(compiledBefore),
                        count(compiledAfter));
            }
            return String.format(Locale.ROOT, "%.0f s of warm-up (%s); methods compiled %s → %s; the JIT %.1f %% of the processor time"
                    + " in the last window", seconds, how, count(compiledBefore), count(compiledAfter), 100 * lastJitShare);
        }

        private static String count(long n) {
            return n < 0 ? "?" : String.format(Locale.ROOT, "%,d", n);
        }
    }

    /** A warm-up of a fixed length (the cap no longer than the least). */
    static JitSettle fixed(long pid, Duration length) {
        return new JitSettle(pid, length, length, Duration.ofSeconds(5), 0, 1);
    }

    /** What the settling asks for, in words (for the line that announces the warm-up). */
    String criterion() {
        return String.format(Locale.ROOT, "the JIT at most %.0f %% of the processor time in %d windows of %d s in a row", 100 * quietShare,
                quietWindows, window.toSeconds());
    }

    /**
     * Waits (the users search meanwhile), printing each window; answers what it was.
     *
     * @param answered how many searches have been answered so far (warm-up included)
     */
    Outcome await(PrintWriter out, LongSupplier answered) throws InterruptedException {
        long t0 = System.nanoTime();
        long compiled0 = compiled(pid);
        Thread.sleep(least.toMillis());
        if (most.compareTo(least) <= 0) {
            return new Outcome((System.nanoTime() - t0) / 1e9, compiled0, compiled(pid), 0, false, "fixed");
        }
        long before = compiled(pid);
        double share = 0;
        int quietInARow = 0;
        while (quietInARow < quietWindows && System.nanoTime() - t0 < most.toNanos()) {
            ThreadCpu.Snapshot s0 = ThreadCpu.read(pid);
            long a0 = answered.getAsLong();
            long w0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            ThreadCpu.Snapshot s1 = ThreadCpu.read(pid);
            long searches = answered.getAsLong() - a0;
            long now = compiled(pid);
            double seconds = (System.nanoTime() - w0) / 1e9;
            Map<ThreadCpu.Group, Double> ms = s1.since(s0);
            double total = ms.values().stream().mapToDouble(Double::doubleValue).sum();
            share = total == 0 ? 1 : ms.get(ThreadCpu.Group.JIT) / total;
            long methods = now < 0 || before < 0 ? -1 : now - before;
            before = now;
            quietInARow = share <= quietShare ? quietInARow + 1 : 0;
            out.printf(Locale.ROOT, "    warm-up %3.0f s: %5d searches in %.1f s, %6.2f ms of processor time a search (requests %.2f);"
                            + " the JIT %4.1f %% of it%s, %s methods compiled%n",
                    (System.nanoTime() - t0) / 1e9, searches, seconds, searches == 0 ? 0 : total / searches,
                    searches == 0 ? 0 : ms.get(ThreadCpu.Group.REQUESTS) / searches, 100 * share, quietInARow > 0 ? " (quiet)" : "",
                    methods < 0 ? "?" : Long.toString(methods));
            out.flush();
        }
        String how = quietInARow >= quietWindows ? "the JIT settled: " + criterion() : "the cap of " + most.toSeconds() + " s, not settled";
        return new Outcome((System.nanoTime() - t0) / 1e9, compiled0, before, share, true, how);
    }

    /**
     * Methods compiled so far by the process's JIT (what jstat -compiler prints as "Compiled": HotSpot's counter
     * {@code sun.ci.totalCompiles}), or -1 when it cannot be read. Read from the file HotSpot keeps its counters in
     * ({@code hsperfdata}) rather than by running jstat, a JVM of its own that takes seconds of a busy machine's
     * processor time for each look.
     */
    static long compiled(long pid) {
        return PerfCounters.read(pid, "sun.ci.totalCompiles");
    }
}

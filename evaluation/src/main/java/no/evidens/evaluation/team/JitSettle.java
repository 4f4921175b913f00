package no.evidens.evaluation.team;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A warm-up that lasts until the JIT of the process that answers has settled: at least {@code least}, then
 * window by window until a window compiles at most {@code quiet} methods, or {@code most} is reached. The count
 * of compiled methods is HotSpot's own (what {@code jstat -compiler PID} prints, read from its performance data
 * file: {@link PerfCounters}, so nothing is attached to the process); each window also says which share of the process's processor time
 * its compiler threads took ({@link ThreadCpu}). When the count cannot be read, the JIT's share alone decides (at most
 * {@code quietShare}).
 */
record JitSettle(long pid, Duration least, Duration most, Duration window, int quiet, double quietShare) {
    /** What the warm-up was: how long, the compiled methods before and after, and whether it settled. */
    record Outcome(double seconds, long compiledBefore, long compiledAfter, long lastWindow, double lastJitShare, String how) {
        String describe() {
            if (lastWindow < 0 && lastJitShare == 0) {
                return String.format(Locale.ROOT, "%.0f s of warm-up (%s); methods compiled %s → %s", seconds, how, count(compiledBefore),
                        count(compiledAfter));
            }
            return String.format(Locale.ROOT, "%.0f s of warm-up (%s); methods compiled %s → %s, %s in the last window (JIT %.1f %% of the CPU)",
                    seconds, how, count(compiledBefore), count(compiledAfter), count(lastWindow), 100 * lastJitShare);
        }

        private static String count(long n) {
            return n < 0 ? "?" : String.format(Locale.ROOT, "%,d", n);
        }
    }

    /** A warm-up of a fixed length (the cap no longer than the least). */
    static JitSettle fixed(long pid, Duration length) {
        return new JitSettle(pid, length, length, Duration.ofSeconds(5), 0, 0);
    }

    /** Waits (the users search meanwhile), printing each window; answers what it was. */
    Outcome await(PrintWriter out) throws InterruptedException {
        long t0 = System.nanoTime();
        long compiled0 = compiled(pid);
        Thread.sleep(least.toMillis());
        long before = compiled(pid);
        long last = -1;
        double share = 0;
        boolean settled = false;
        while (!settled && System.nanoTime() - t0 < most.toNanos()) {
            ThreadCpu.Snapshot s0 = ThreadCpu.read(pid);
            long w0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            ThreadCpu.Snapshot s1 = ThreadCpu.read(pid);
            long now = compiled(pid);
            double seconds = (System.nanoTime() - w0) / 1e9;
            Map<ThreadCpu.Group, Double> ms = s1.since(s0);
            double total = ms.values().stream().mapToDouble(Double::doubleValue).sum();
            share = total == 0 ? 0 : ms.get(ThreadCpu.Group.JIT) / total;
            last = now < 0 || before < 0 ? -1 : now - before;
            before = now;
            settled = last >= 0 ? last <= quiet : share <= quietShare;
            out.printf(Locale.ROOT, "    warm-up %3.0f s: %s methods compiled in the last %.1f s, the JIT %.1f %% of the process's CPU%n",
                    (System.nanoTime() - t0) / 1e9, last < 0 ? "?" : Long.toString(last), seconds, 100 * share);
            out.flush();
        }
        String how = most.compareTo(least) <= 0 ? "fixed" : settled ? "the JIT settled" : "the cap of " + most.toSeconds() + " s, not settled";
        return new Outcome((System.nanoTime() - t0) / 1e9, compiled0, before, last, share, how);
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

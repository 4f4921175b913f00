package no.evidens.evaluation.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warms a benchmark's code until the JIT compiler has settled, so that every kind of query is measured on
 * compiled code and none pays for the compilation of code the others share. It runs passes of the whole query
 * mix and stops after two passes in a row in which the JIT's compile time was at most {@link #SETTLED_SHARE} of the
 * pass's wall time, or after the maximum number of passes. (JMH does the same with a fixed number of warm-up
 * iterations; a benchmark of a whole command cannot run inside JMH, and a fixed count is either too short on a slow
 * machine or wasted on a fast one.)
 */
final class WarmUp {
    /** The JIT's share of a pass's wall time under which the pass counts as settled. */
    static final double SETTLED_SHARE = 0.03;

    /** One pass of the whole mix: how long it took and how long the JIT compiled meanwhile. */
    record Pass(int number, double seconds, double jitMs) {
        double jitShare() {
            return seconds <= 0 ? 0 : jitMs / (seconds * 1000);
        }
    }

    /** The passes run; {@code settled} tells whether the JIT settled before the cap ({@code false} when unknown). */
    record Result(List<Pass> passes, boolean settled, boolean jitTimeKnown) {
        double seconds() {
            return passes.stream().mapToDouble(Pass::seconds).sum();
        }

        String describe() {
            Pass last = passes.isEmpty() ? new Pass(0, 0, 0) : passes.get(passes.size() - 1);
            if (!jitTimeKnown) {
                return String.format(Locale.ROOT, "%d passes of the whole query mix (%.1f s); this JVM does not report"
                        + " the JIT's compile time, so a fixed count", passes.size(), seconds());
            }
            return String.format(Locale.ROOT, "%d passes of the whole query mix (%.1f s), the JIT compiling %.1f%% of the"
                    + " last pass: %s", passes.size(), seconds(), 100 * last.jitShare(),
                    settled ? "settled" : "not settled at the cap");
        }
    }

    /** A pass over the whole query mix. */
    interface Mix {
        void run() throws IOException;
    }

    private WarmUp() {
    }

    static Result run(Mix mix, int maxPasses, PrintWriter progress) throws IOException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean known = jit != null && jit.isCompilationTimeMonitoringSupported();
        List<Pass> passes = new ArrayList<>();
        for (int n = 1; n <= maxPasses; n++) {
            long jit0 = known ? jit.getTotalCompilationTime() : 0;
            long t0 = System.nanoTime();
            mix.run();
            Pass pass = new Pass(n, (System.nanoTime() - t0) / 1e9, known ? jit.getTotalCompilationTime() - jit0 : 0);
            passes.add(pass);
            progress.printf(Locale.ROOT, "  warm-up pass %d: %.1f s, JIT compiling %.0f ms (%.1f%%)%n", n, pass.seconds(),
                    pass.jitMs(), 100 * pass.jitShare());
            progress.flush();
            if (known && settled(passes)) {
                return new Result(passes, true, true);
            }
        }
        return new Result(passes, false, known);
    }

    /** Whether the last two passes each compiled for at most {@link #SETTLED_SHARE} of their time. */
    static boolean settled(List<Pass> passes) {
        int n = passes.size();
        return n >= 2 && passes.get(n - 1).jitShare() <= SETTLED_SHARE && passes.get(n - 2).jitShare() <= SETTLED_SHARE;
    }
}

package no.evidens.evaluation.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this process and every process it started cost: peak resident memory of the whole tree (sampled
 * every 50 ms) and CPU time of the tree, read from Linux's {@code /proc} (the JDK gives neither for a tree:
 * ProcessHandle has no memory figures, and a child's CPU time is gone once it has ended, while the kernel
 * adds it to its parent's {@code cutime}). Elsewhere than on Linux the figures are 0.
 *
 * <p>The meter runs inside the process it measures: it lists the tree ({@code ProcessHandle.descendants()}, which
 * reads the status of every process on the machine) only once a second, and in between reads one line per known
 * process. Its own thread's CPU grows with the wall time, not with the work (about 8 ms a second), so it is left
 * out of the side's CPU ({@link #cpu}) and reported on its own: the ratio measures the ingest, not the meter.
 */
final class TreeMeter implements AutoCloseable {
    /** Clock ticks per second of /proc's CPU times: 100 on every Linux the JDK runs on. */
    private static final double TICKS = 100.0;
    /** Interval between samples of the tree's resident memory. */
    private static final long SAMPLE_MILLIS = 50;
    /** Samples between two listings of the tree (a worker started meanwhile is seen within a second). */
    private static final int SAMPLES_PER_LISTING = 20;

    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    TreeMeter() {
        sampler = new Thread(() -> {
            long self = ProcessHandle.current().pid();
            List<Long> children = List.of();
            for (int sample = 0; running; sample++) {
                if (sample % SAMPLES_PER_LISTING == 0) {
                    children = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
                }
                long sum = rssKb(self);
                for (long child : children) {
                    sum += rssKb(child);
                }
                peakRssKb.accumulateAndGet(sum, Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tree-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakRssMb() {
        return peakRssKb.get() / 1024;
    }

    /** CPU seconds of the meter's own thread so far (0 where the JVM does not measure a thread's CPU). */
    double ownCpuSeconds() {
        long nanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(sampler.getId());
        return Math.max(0, nanos) / 1e9;
    }

    /**
     * CPU seconds of a side: its tree's without the meter's own thread, the meter's, and the part of the tree's
     * spent in the processes this one started (Evidens's Tika workers; nothing for Tika alone).
     *
     * @param withoutMeter {@link #treeCpuSeconds()} less {@code meter}
     * @param meter        the meter's own thread
     * @param children     the children's part of {@code withoutMeter}
     */
    record Cpu(double withoutMeter, double meter, double children) {
    }

    /** The side's CPU ({@link #treeCpuSeconds()}) and the meter's own, read while the meter still runs. */
    Cpu cpu() throws InterruptedException {
        double own = ownCpuSeconds();
        ProcessCpu tree = treeCpuSeconds();
        return new Cpu(Math.max(0, tree.own() + tree.children() - own), own, tree.children());
    }

    /**
     * CPU seconds of this process itself and of the children it has waited for (ended workers included), after
     * waiting up to 10 s for children still ending: the kernel keeps the two apart ({@code utime + stime} and
     * {@code cutime + cstime}).
     *
     * @return this process's own seconds and its children's
     */
    static ProcessCpu treeCpuSeconds() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (ProcessHandle.current().children().findAny().isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        String[] f = stat(ProcessHandle.current().pid());
        if (f.length < 17) {
            return new ProcessCpu(0, 0);
        }
        // Fields 14-17 of /proc/PID/stat (utime, stime, cutime, cstime), counted after the command's ')'.
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long children = Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return new ProcessCpu(own / TICKS, children / TICKS);
    }

    /** CPU seconds of a process itself ({@code utime + stime}) and of the children it has waited for. */
    record ProcessCpu(double own, double children) {
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    /** The process's resident memory in kB ({@code VmRSS} of its status), 0 once it has ended. */
    private static long rssKb(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
            int at = status.indexOf("VmRSS:");
            if (at < 0) {
                return 0;
            }
            long kb = 0;
            boolean digits = false;
            for (int i = at + 6; i < status.length(); i++) {
                char c = status.charAt(i);
                if (c >= '0' && c <= '9') {
                    kb = kb * 10 + (c - '0');
                    digits = true;
                } else if (digits) {
                    break;
                }
            }
            return kb;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

package no.evidens.evaluation.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this process and every process it started cost: peak resident memory of the whole tree (sampled
 * every 50 ms) and CPU time of the tree, read from Linux's {@code /proc} (the JDK gives neither for a tree:
 * ProcessHandle has no memory figures, and a child's CPU time is gone once it has ended, while the kernel
 * adds it to its parent's {@code cutime}). Elsewhere than on Linux the figures are 0.
 */
final class TreeMeter implements AutoCloseable {
    /** Clock ticks per second of /proc's CPU times: 100 on every Linux the JDK runs on. */
    private static final double TICKS = 100.0;

    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    TreeMeter() {
        sampler = new Thread(() -> {
            while (running) {
                long sum = rssKb(ProcessHandle.current().pid());
                for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                    sum += rssKb(child.pid());
                }
                peakRssKb.accumulateAndGet(sum, Math::max);
                try {
                    Thread.sleep(50);
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

    /**
     * CPU seconds of this process and of the children it has waited for (ended workers included), after
     * waiting up to 10 s for children still ending.
     */
    static double treeCpuSeconds() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (ProcessHandle.current().children().findAny().isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        String[] f = stat(ProcessHandle.current().pid());
        if (f.length < 17) {
            return 0;
        }
        // Fields 14-17 of /proc/PID/stat (utime, stime, cutime, cstime), counted after the command's ')'.
        long ticks = 0;
        for (int i = 11; i <= 14; i++) {
            ticks += Long.parseLong(f[i]);
        }
        return ticks / TICKS;
    }

    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between listing and reading.
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

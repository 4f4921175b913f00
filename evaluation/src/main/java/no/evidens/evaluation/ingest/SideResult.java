package no.evidens.evaluation.ingest;

import java.util.Locale;

/**
 * What one side of the benchmark measured in its own JVM: wall seconds (from the JVM's start), CPU seconds and
 * peak resident memory of its whole process tree, how many documents it gave text for (embedded ones too), and
 * the CPU seconds of the bench's own meter in it, which {@code cpuSeconds} leaves out ({@link TreeMeter}).
 */
record SideResult(double wallSeconds, double cpuSeconds, long peakRssMb, int documents, double meterCpuSeconds) {
    static final String PREFIX = "bench-result ";

    String line() {
        return String.format(Locale.ROOT, "%s%.3f %.3f %d %d %.3f", PREFIX, wallSeconds, cpuSeconds, peakRssMb, documents,
                meterCpuSeconds);
    }

    static SideResult parse(String line) {
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return new SideResult(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                Double.parseDouble(f[4]));
    }
}

package no.evidens.evaluation.ingest;

import java.util.Locale;

/**
 * What one side of the benchmark measured in its own JVM: wall seconds (from the JVM's start), CPU seconds and
 * peak resident memory of its whole process tree, how many documents it gave text for (embedded ones too), and
 * the CPU seconds of the bench's own meter in it, which {@code cpuSeconds} leaves out ({@link TreeMeter}), and the part
 * of {@code cpuSeconds} spent in the processes the side started (Evidens's Tika workers).
 */
record SideResult(double wallSeconds, double cpuSeconds, long peakRssMb, int documents, double meterCpuSeconds,
                  double childCpuSeconds) {
    static final String PREFIX = "bench-result ";

    String line() {
        return String.format(Locale.ROOT, "%s%.3f %.3f %d %d %.3f %.3f", PREFIX, wallSeconds, cpuSeconds, peakRssMb, documents,
                meterCpuSeconds, childCpuSeconds);
    }

    static SideResult parse(String line) {
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return new SideResult(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }
}

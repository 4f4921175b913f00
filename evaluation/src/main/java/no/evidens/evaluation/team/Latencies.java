package no.evidens.evaluation.team;

import java.util.Arrays;

/**
 * What one load phase measured: requests answered, failed ones, the time it ran, and the latency
 * percentiles of the answered requests.
 *
 * @param requests answered with a 2xx status
 * @param errors   refused, failed or timed out
 * @param seconds  how long the measured phase ran
 * @param p50      median latency, milliseconds
 * @param p95      95th percentile, milliseconds
 * @param p99      99th percentile, milliseconds
 */
public record Latencies(long requests, long errors, double seconds, double p50, double p95, double p99) {
    /** Requests answered per second. */
    public double perSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    /**
     * The percentiles of these latencies (nanoseconds). All of them are kept and sorted: a phase of
     * seconds to minutes gives at most a few hundred thousand, so no histogram library is needed.
     */
    public static Latencies of(long[] nanos, long errors, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, errors, seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
    }

    /** The nearest-rank percentile, in milliseconds (0 when nothing was measured). */
    static double ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}

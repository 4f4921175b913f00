package no.evidens.evaluation.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentilesAreNearestRanksInMillisecondsAndTheRateIsPerSecond() {
        // 1 … 100 ms, shuffled: the median is the 50th, p95 the 95th, p99 the 99th.
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * 1_000_000L).toArray();
        Latencies l = Latencies.of(nanos, 3, 4.0);
        assertEquals(100, l.requests());
        assertEquals(3, l.errors());
        assertEquals(25.0, l.perSecond(), 1e-9);
        assertEquals(50.0, l.p50(), 1e-9);
        assertEquals(95.0, l.p95(), 1e-9);
        assertEquals(99.0, l.p99(), 1e-9);
    }

    @Test
    void fewOrNoRequestsGiveTheLargestOrZero() {
        Latencies one = Latencies.of(new long[] {7_000_000L}, 0, 1.0);
        assertEquals(7.0, one.p50(), 1e-9);
        assertEquals(7.0, one.p99(), 1e-9);
        Latencies none = Latencies.of(new long[0], 5, 2.0);
        assertEquals(0, none.requests());
        assertEquals(0.0, none.p95(), 1e-9);
        assertEquals(0.0, none.perSecond(), 1e-9);
    }
}

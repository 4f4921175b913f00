package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexHealth;
import no.evidens.index.IndexHealth.State;

/** A health check polled often costs little and never holds its caller on a ZooKeeper that does not answer. */
class ClusterHealthTest {
    /** A ZooKeeper in session whose reads take {@code readMs} (or never end) and are counted. */
    private static ClusterHealth.StateSource zooKeeper(AtomicInteger reads, CountDownLatch release, long readMs) {
        return new ClusterHealth.StateSource() {
            @Override
            public boolean inSession() {
                return true;
            }

            @Override
            public ClusterHealth.Snapshot read() {
                reads.incrementAndGet();
                try {
                    release.await(readMs, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ClusterHealth.Snapshot(Set.of(), null, "http");
            }
        };
    }

    @Test
    void aZooKeeperThatHoldsTheReadIsSaidUnreachableWithinTheBound() {
        CountDownLatch never = new CountDownLatch(1);
        try (ClusterHealth health = new ClusterHealth(zooKeeper(new AtomicInteger(), never, Long.MAX_VALUE), null)) {
            long t0 = System.nanoTime();
            IndexHealth h = health.now();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(State.ZOOKEEPER_UNREACHABLE, h.state());
            assertTrue(ms >= ClusterHealth.ZOOKEEPER_BOUND_MS - 50 && ms < ClusterHealth.WAIT_MS, "held " + ms + " ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aLookIsKeptForAWhileAndSharedByTheCallersMeanwhile() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (ClusterHealth health = new ClusterHealth(zooKeeper(reads, new CountDownLatch(1), 500), null)) {
            List<Future<IndexHealth>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asked.add(callers.submit(health::now));
            }
            for (Future<IndexHealth> f : asked) {
                assertEquals(State.NO_LIVE_NODE, f.get(10, TimeUnit.SECONDS).state());
            }
            assertEquals(State.NO_LIVE_NODE, health.now().state());
            assertEquals(1, reads.get(), "four callers at once and one after: one read of ZooKeeper");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void noSessionIsSaidAtOnceWithoutARead() {
        AtomicInteger reads = new AtomicInteger();
        ClusterHealth.StateSource away = new ClusterHealth.StateSource() {
            @Override
            public boolean inSession() {
                return false;
            }

            @Override
            public ClusterHealth.Snapshot read() {
                reads.incrementAndGet();
                return null;
            }
        };
        try (ClusterHealth health = new ClusterHealth(away, null)) {
            assertEquals(State.ZOOKEEPER_UNREACHABLE, health.now().state());
            assertEquals(0, reads.get());
        }
    }
}

package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

import no.evidens.index.IndexUnreachableException;

/**
 * A cluster with no node answering: the first request waits its while, the next ones do not wait it again. That a later
 * request does not wait is told by how often it asks for the live nodes (once: one round, no pause and no second round),
 * not by its time, which a loaded machine could stretch.
 */
class SolrNodesTest {
    private static final long RETRY_MS = 1_500;

    /** Live node names from a supplier that counts how often it is asked. */
    private static final class Asked implements Supplier<Set<String>> {
        private final Supplier<Set<String>> names;
        private final AtomicInteger times = new AtomicInteger();

        Asked(Supplier<Set<String>> names) {
            this.names = names;
        }

        @Override
        public Set<String> get() {
            times.incrementAndGet();
            return names.get();
        }

        /** How often it was asked since the last call. */
        int taken() {
            return times.getAndSet(0);
        }
    }

    @Test
    void aClusterFoundDownIsNotWaitedForAgainOnEveryRequest() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SolrTarget target = SolrTarget.parse("127.0.0.1:1/solr");
        Asked asked = new Asked(() -> Set.of("127.0.0.1:" + closedPort + "_solr"));
        try (SolrNodes nodes = new SolrNodes(target, asked, RETRY_MS)) {
            long first = timeOfFailedRequest(nodes);
            assertTrue(first >= RETRY_MS, "the first request tries for its while: " + first + " ms");
            asked.taken();
            for (int i = 0; i < 3; i++) {
                IndexUnreachableException next = assertThrows(IndexUnreachableException.class, () -> request(nodes));
                assertEquals(1, asked.taken(), "a later request gives up after one round");
                assertTrue(next.getMessage().contains("(still down)"), next.getMessage());
            }
        }
    }

    @Test
    void noLiveNodeAtAllIsSaidAtOnceAfterTheFirstWait() throws IOException {
        Asked asked = new Asked(Set::of);
        try (SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), asked, RETRY_MS)) {
            IOException first = assertThrows(IOException.class, () -> request(nodes));
            assertTrue(first.getMessage().contains("no live Solr node"), first.getMessage());
            asked.taken();
            IndexUnreachableException next = assertThrows(IndexUnreachableException.class, () -> request(nodes));
            assertEquals(1, asked.taken(), "a later request gives up after one round");
            assertTrue(next.getMessage().contains("(still down)"), next.getMessage());
        }
    }

    @Test
    void aZooKeeperGoneIsTheIndexNotAnsweringAfterTheWait() throws IOException {
        Asked asked = new Asked(() -> {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "ZooKeeper is not connected");
        });
        try (SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), asked, RETRY_MS)) {
            IndexUnreachableException first = assertThrows(IndexUnreachableException.class, () -> request(nodes));
            assertTrue(first.getMessage().contains("did not answer") && first.getMessage().contains("ZooKeeper is not connected"),
                    first.getMessage());
            asked.taken();
            IndexUnreachableException next = assertThrows(IndexUnreachableException.class, () -> request(nodes));
            assertEquals(1, asked.taken(), "a later request gives up after one round");
            assertTrue(next.getMessage().contains("(still down)"), next.getMessage());
        }
    }

    /**
     * A node that takes the connection and never answers (a frozen process): a read gives up after its time-out, said as
     * the index not answering, rather than waiting as long as a write may (two minutes).
     */
    @Test
    void aNodeThatNeverAnswersIsGivenUpOnAfterTheReadTimeOut() throws IOException {
        try (ServerSocket frozen = new ServerSocket(0)) { // the system takes the connection; nobody ever reads or answers
            SolrNodes.Patience reads = new SolrNodes.Patience(100, 1_000);
            try (SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"),
                    () -> Set.of("127.0.0.1:" + frozen.getLocalPort() + "_solr"), reads, SolrNodes.WRITES)) {
                IndexUnreachableException e = assertThrows(IndexUnreachableException.class, () -> request(nodes));
                assertTrue(causes(e).stream().anyMatch(c -> c instanceof java.net.http.HttpTimeoutException), causes(e).toString());
            }
        }
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = e; c != null; c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    private static long timeOfFailedRequest(SolrNodes nodes) {
        long start = System.nanoTime();
        // a cluster that does not answer is said as the index not answering (the web answers it 503)
        assertThrows(IndexUnreachableException.class, () -> request(nodes));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void request(SolrNodes nodes) throws IOException {
        nodes.request(new QueryRequest(new SolrQuery("*:*")), "evidens");
    }
}

package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import no.evidens.index.IndexUnreachableException;

/**
 * A cluster with no node answering: the first request waits its while, the next ones do not wait it again. That a later
 * request does not wait is told by how often it asks for the live nodes (once: one round, no pause and no second round),
 * not by its time, which a loaded machine could stretch.
 */
class SolrNodesTest {
    /**
     * The while of the first request: less than one pause between rounds (500 ms), so it makes two rounds and ends after
     * the pause (1.5 s before round 60: four rounds, the same proof three times a second longer).
     */
    private static final long RETRY_MS = 400;

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
     * A server's nodes opened while ZooKeeper cannot be reached: opened all the same (one short try), the collection not
     * known to be missing, not writable, and each request said at once as the index not answering (ZooKeeper's words, not
     * the nodes' "did not answer for 10 s", which a request would say after trying the live nodes for its while) while
     * ZooKeeper is tried again in the background (a command's say it in one line when made: ZooKeeperUnreachableIT).
     */
    @Test
    void aServersNodesOpenWithoutZooKeeperAndSayAtOnceThatTheIndexDoesNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there: ZooKeeper cannot be reached
        }
        SolrTarget target = SolrTarget.parse("127.0.0.1:" + closedPort + "/solr");
        try (SolrNodes nodes = new SolrNodes(target, ZooKeeperLink.inTheBackground(target, java.util.OptionalInt.of(1_000), 500))) {
            assertTrue(nodes.hasCollection(), "not known to be missing while ZooKeeper has not answered");
            assertEquals(false, nodes.writable(), "an ingestion could not write");
            for (int i = 0; i < 3; i++) {
                IndexUnreachableException said = assertThrows(IndexUnreachableException.class, () -> request(nodes));
                assertTrue(said.getMessage().startsWith("cannot reach SolrCloud's ZooKeeper at 127.0.0.1:" + closedPort + "/solr")
                        && said.getMessage().endsWith("(trying again)"), said.getMessage());
            }
        }
    }

    /**
     * A node that takes the connection and never answers (a frozen process): a read gives up after its time-out, said as
     * the index not answering, rather than waiting as long as a write may (two minutes).
     */
    @Test
    void aNodeThatNeverAnswersIsGivenUpOnAfterTheReadTimeOut() throws IOException {
        try (ServerSocket frozen = new ServerSocket(0)) { // the system takes the connection; nobody ever reads or answers
            // no node here answers, so none needs the while an answering node is given on a loaded machine
            SolrNodes.Patience reads = new SolrNodes.Patience(100, 300);
            try (SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"),
                    () -> Set.of("127.0.0.1:" + frozen.getLocalPort() + "_solr"), reads, SolrNodes.WRITES)) {
                IndexUnreachableException e = assertThrows(IndexUnreachableException.class, () -> request(nodes));
                assertTrue(causes(e).stream().anyMatch(c -> c instanceof java.net.http.HttpTimeoutException), causes(e).toString());
            }
        }
    }

    /**
     * Node A takes the request and never answers, node B answers: once a search found A hung, the next searches go to B
     * without asking A (told by what A was asked, not by time).
     */
    @Test
    void aHungNodeIsPassedOverByTheNextSearches() throws IOException {
        try (FakeNode hung = FakeNode.hanging(); FakeNode answering = FakeNode.answering();
                SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), () -> Set.of(hung.name(), answering.name()),
                        new SolrNodes.Patience(100, 1_000), SolrNodes.WRITES)) {
            searchUntilAsked(nodes, hung);
            int answered = answering.asked();
            for (int i = 0; i < 4; i++) {
                request(nodes);
            }
            assertEquals(1, hung.asked(), "the hung node is not asked again");
            assertEquals(answered + 4, answering.asked(), "the other node answers every search");
        }
    }

    /**
     * Each command is a process of its own that starts with the first node (round 55: every command paid the hung node's
     * time-out). A write that times out on the hung node is sent to the other node before it counts as done; the commands
     * after it, remembering the node in the home's file, neither search nor write on it again within its while.
     */
    @Test
    void theNextCommandsPassOverTheNodeACommandFoundHung(@TempDir Path home) throws IOException {
        SolrTarget target = SolrTarget.parse("127.0.0.1:1/solr").rememberingNodesAsideIn(home.resolve("solr-nodes-set-aside.txt"));
        SolrNodes.Patience quick = new SolrNodes.Patience(100, 1_000);
        try (FakeNode hung = FakeNode.hanging(); FakeNode answering = FakeNode.answering()) {
            Supplier<Set<String>> live = () -> Set.of(hung.name(), answering.name());
            try (SolrNodes first = new SolrNodes(target, live, quick, quick)) {
                int writes = 0;
                while (writes < 2 && hung.asked() == 0) {
                    first.request(SolrHttpTest.update(), "evidens");
                    writes++;
                }
                assertEquals(1, hung.asked(), "the first command's write found the node hung");
                assertEquals(writes, answering.asked(), "every write, the one that timed out too, went to the other node");
            }
            for (int command = 0; command < 3; command++) {
                try (SolrNodes next = new SolrNodes(target, live, quick, quick)) {
                    request(next); // a new process starts with the first node in turn, then the next
                    request(next);
                    next.request(SolrHttpTest.update(), "evidens");
                }
            }
            assertEquals(1, hung.asked(), "the next commands did not ask the hung node again");
        }
    }

    /** After its while, the hung node is tried again by one search; still hung, it is set aside again. */
    @Test
    void aHungNodeIsTriedAgainByOneSearchAfterItsWhile() throws IOException {
        AtomicLong clock = new AtomicLong();
        try (FakeNode hung = FakeNode.hanging(); FakeNode answering = FakeNode.answering();
                SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), () -> Set.of(hung.name(), answering.name()),
                        new SolrNodes.Patience(100, 1_000), SolrNodes.WRITES, new NodesSetAside(30_000, clock::get))) {
            searchUntilAsked(nodes, hung);
            clock.addAndGet(29_999);
            request(nodes);
            request(nodes);
            assertEquals(1, hung.asked(), "not within its while");
            clock.addAndGet(1);
            request(nodes);
            assertEquals(2, hung.asked(), "the next search after the while tries it first");
            request(nodes);
            request(nodes);
            assertEquals(2, hung.asked(), "still hung: set aside again");
        }
    }

    /** With every node hung, each search tries them all and the cluster is down, as when none was set aside. */
    @Test
    void allNodesHungAreAllTriedAsBefore() throws Exception {
        try (FakeNode a = FakeNode.hanging(); FakeNode b = FakeNode.hanging();
                SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), () -> Set.of(a.name(), b.name()),
                        new SolrNodes.Patience(100, 500), SolrNodes.WRITES)) {
            IndexUnreachableException first = assertThrows(IndexUnreachableException.class, () -> request(nodes));
            assertEquals(List.of(1, 1), askedOnceArrived(2, a, b), "the first search tries each node: " + first.getMessage());
            IndexUnreachableException next = assertThrows(IndexUnreachableException.class, () -> request(nodes));
            assertEquals(List.of(2, 2), askedOnceArrived(4, a, b), "the next one too");
            assertTrue(next.getMessage().contains("(still down)"), next.getMessage());
        }
    }

    /**
     * How often each node was asked, once {@code total} requests in all have reached them (waited for, up to a minute). A
     * request the client gave up on after its half second is counted when the node's server thread takes it up, which
     * on a loaded machine came after the test read the count ({@code [0, 1]} in a CI run at load 25). A node never
     * asked never counts: the wait then ends with the count short.
     */
    private static List<Integer> askedOnceArrived(int total, FakeNode... nodes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        List<Integer> asked = Arrays.stream(nodes).map(FakeNode::asked).toList();
        while (asked.stream().mapToInt(Integer::intValue).sum() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
            asked = Arrays.stream(nodes).map(FakeNode::asked).toList();
        }
        return asked;
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = e; c != null; c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    /**
     * A node that answers a search without its results (its header only) counts as not answering: the search is asked of
     * the other node and gives its results, and an ingest's "is this file in the case?" never meets a missing result.
     */
    @Test
    void aSearchAnsweredWithoutItsResultsIsAskedOfTheNextNode() throws IOException {
        try (FakeNode empty = FakeNode.answeringWithoutResults(); FakeNode answering = FakeNode.answering();
                SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), () -> Set.of(empty.name(), answering.name()),
                        new SolrNodes.Patience(100, 1_000), SolrNodes.WRITES)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, nodes.query(new SolrQuery("*:*"), "evidens").getResults().getNumFound());
            }
            assertEquals(3, answering.asked(), "every search got its results from the node that gave them");
            assertTrue(empty.asked() >= 1, "the searches that began with it went on to the other node");
        }
    }

    /** When no node gives the results within the while, the search says the index did not answer (never a null result). */
    @Test
    void searchesThatNoNodeAnswersWithResultsSayTheIndexDidNotAnswer() throws IOException {
        try (FakeNode empty = FakeNode.answeringWithoutResults();
                SolrNodes nodes = new SolrNodes(SolrTarget.parse("127.0.0.1:1/solr"), () -> Set.of(empty.name()),
                        new SolrNodes.Patience(300, 1_000), SolrNodes.WRITES)) {
            IndexUnreachableException e = assertThrows(IndexUnreachableException.class,
                    () -> nodes.query(new SolrQuery("*:*"), "evidens"));
            assertTrue(e.getMessage().contains("answered without the results"), e.getMessage());
        }
    }

    /** Searches (at most once per node, as they take turns) until the node was asked once. */
    private static void searchUntilAsked(SolrNodes nodes, FakeNode node) throws IOException {
        for (int i = 0; i < 2 && node.asked() == 0; i++) {
            request(nodes);
        }
        assertEquals(1, node.asked(), "one search asked the node");
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

    /**
     * A Solr node on 127.0.0.1 that counts the requests it is asked and either answers each with an empty result (in
     * SolrJ's binary format, as Solr does) or holds it unanswered until closed (a frozen process).
     */
    private static final class FakeNode implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger asked = new AtomicInteger();
        private final CountDownLatch closed = new CountDownLatch(1);

        /** Whether its answers hold the results (false: the header only, as a node stopping mid-request was seen to). */
        private boolean withResults = true;

        private FakeNode(boolean answers) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/solr", exchange -> {
                asked.incrementAndGet();
                if (answers) {
                    answer(exchange, withResults);
                } else {
                    awaitClose();
                }
                exchange.close();
            });
            server.start();
        }

        static FakeNode hanging() throws IOException {
            return new FakeNode(false);
        }

        static FakeNode answering() throws IOException {
            return new FakeNode(true);
        }

        static FakeNode answeringWithoutResults() throws IOException {
            FakeNode node = new FakeNode(true);
            node.withResults = false;
            return node;
        }

        /** Its live node name, as in ZooKeeper. */
        String name() {
            return "127.0.0.1:" + server.getAddress().getPort() + "_solr";
        }

        int asked() {
            return asked.get();
        }

        private static void answer(HttpExchange exchange, boolean withResults) throws IOException {
            NamedList<Object> header = new NamedList<>();
            header.add("status", 0);
            NamedList<Object> body = new NamedList<>();
            body.add("responseHeader", header);
            if (withResults) {
                body.add("response", new SolrDocumentList());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JavaBinCodec codec = new JavaBinCodec()) {
                codec.marshal(body, bytes);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.size());
            try (OutputStream out = exchange.getResponseBody()) {
                bytes.writeTo(out);
            }
        }

        private void awaitClose() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}

package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

import no.evidens.index.IndexUnreachableException;

/**
 * Nodes that take the connection and then stall. Solr 9.10.1 answers a request that asks to be upgraded to HTTP/2 and
 * that it must pass on to another node with {@code 101 Switching Protocols} and then nothing (round 54, on the test
 * cluster: 20 s lost by an ingest's check of a file, 120 s by a reindex's first update), and answers the same request
 * without the upgrade at once; a frozen node answers nothing at all. Both played here by a server on a socket of its
 * own (the JDK's HTTP server cannot send a 101 and then keep quiet).
 */
class SolrHttpTest {
    private static final SolrTarget TARGET = SolrTarget.parse("127.0.0.1:1/solr");

    /** A write and a read to a node that stalls on the upgrade are answered at once, with the usual patience. */
    @Test
    void aNodeThatStallsAfterAnsweringTheUpgradeAnswersWritesAndReadsAtOnce() throws IOException {
        try (StallingNode node = new StallingNode(true);
                SolrNodes nodes = new SolrNodes(TARGET, () -> Set.of(node.name()), SolrNodes.READS, SolrNodes.WRITES)) {
            // far below the 20 s and 120 s a node may take to answer a read and a write
            NamedList<Object> answers = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                nodes.request(update(), "evidens");
                return nodes.request(new QueryRequest(new SolrQuery("*:*")), "evidens");
            }, () -> "the node was asked: " + node.requests());
            assertEquals(0, ((NamedList<?>) answers.get("responseHeader")).get("status"));
            assertEquals(2, node.requests().size(), "one request each, nothing asked first: " + node.requests());
        }
    }

    /**
     * A node that takes the connection and never answers costs a write one time-out, said as the cluster not answering:
     * it is asked the write once, not probed before it (a probe waited the time-out of its own first).
     */
    @Test
    void aSilentNodeCostsAWriteOneTimeOutAndIsSaidNotToAnswer() throws Exception {
        try (StallingNode node = new StallingNode(false);
                SolrNodes nodes = new SolrNodes(TARGET, () -> Set.of(node.name()), SolrNodes.READS,
                        new SolrNodes.Patience(500, 1_000))) {
            IndexUnreachableException e = assertThrows(IndexUnreachableException.class, () -> nodes.request(update(), "evidens"));
            assertTrue(e.getMessage().startsWith("SolrCloud at 127.0.0.1:1/solr#evidens did not answer"), e.getMessage());
            assertTrue(causes(e).stream().anyMatch(HttpTimeoutException.class::isInstance), causes(e).toString());
            List<String> asked = node.requestsOnceArrived(1);
            Thread.sleep(300); // a request sent after the first would have arrived by now
            assertEquals(List.of("POST"), node.requests().stream().map(r -> r.substring(0, r.indexOf(' '))).toList(),
                    "asked once: " + asked);
        }
    }

    /** A one-document update, as an ingest sends (also {@link SolrNodesTest}'s write to a hung node). */
    static UpdateRequest update() {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", "sak!1");
        UpdateRequest update = new UpdateRequest();
        update.add(doc);
        return update;
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = e; c != null; c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    /**
     * A Solr node on 127.0.0.1 speaking just enough HTTP/1.1: it keeps each request's first line and, with {@code
     * upgradeStalls}, answers a request that asks for the upgrade with {@code 101} and then nothing, and any other with
     * an empty result in SolrJ's binary format (keeping the connection); without, it answers nothing at all.
     */
    private static final class StallingNode implements AutoCloseable {
        private final ServerSocket server;
        private final boolean upgradeStalls;
        private final ExecutorService connections = Executors.newCachedThreadPool();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final CountDownLatch closed = new CountDownLatch(1);

        StallingNode(boolean upgradeStalls) throws IOException {
            this.upgradeStalls = upgradeStalls;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            connections.submit(this::accept);
        }

        /** Its live node name, as in ZooKeeper. */
        String name() {
            return "127.0.0.1:" + server.getLocalPort() + "_solr";
        }

        /** The first line of each request it was asked, in order. */
        List<String> requests() {
            return List.copyOf(requests);
        }

        /** The requests once at least {@code n} have arrived (waited for up to 10 s: a loaded machine's server thread). */
        List<String> requestsOnceArrived(int n) throws InterruptedException {
            for (int i = 0; i < 500 && requests.size() < n; i++) {
                Thread.sleep(20);
            }
            return requests();
        }

        private void accept() {
            try {
                while (true) {
                    Socket s = server.accept();
                    open.add(s);
                    connections.submit(() -> serve(s));
                }
            } catch (IOException closedDown) {
                // closed by the test
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                for (List<String> head = head(in); !head.isEmpty(); head = head(in)) {
                    requests.add(head.get(0));
                    boolean upgrade = head.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("upgrade: h2c"));
                    if (!upgradeStalls) {
                        closed.await();
                        return;
                    }
                    if (upgrade) {
                        out.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        closed.await();
                        return;
                    }
                    skipBody(in, head);
                    answer(out);
                }
            } catch (IOException | InterruptedException gone) {
                // the client gave up or the test ended
            }
        }

        /** A request's head, line by line; empty at the end of the connection. */
        private static List<String> head(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                lines.add(line);
            }
            return lines;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        /** Reads the request's body, of a stated length or in chunks (SolrJ streams an update), so that the next follows. */
        private static void skipBody(InputStream in, List<String> head) throws IOException {
            for (String h : head) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(h.substring(h.indexOf(':') + 1).strip()));
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                            size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                        in.readNBytes(size);
                        line(in);
                    }
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // no trailers expected; read to the end of the body
                    }
                }
            }
        }

        private static void answer(OutputStream out) throws IOException {
            NamedList<Object> header = new NamedList<>();
            header.add("status", 0);
            NamedList<Object> body = new NamedList<>();
            body.add("responseHeader", header);
            body.add("response", new SolrDocumentList());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JavaBinCodec codec = new JavaBinCodec()) {
                codec.marshal(body, bytes);
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + bytes.size() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            bytes.writeTo(out);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            server.close();
            for (Socket s : open) {
                s.close();
            }
            connections.shutdownNow();
        }
    }
}

package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;

/**
 * Searcher-heavy requests take one of a few turns ({@link SearchAdmission}); here one. The workspace's own request
 * handling (ApiHandler and its routes) on a server of its own, whose {@code /api/search} waits until the test lets it
 * go, so a search can be held while another arrives; {@code /api/document} answers 8 MB, more than the sockets hold,
 * for a client that does not read.
 */
class SearchAdmissionIT {
    private static final String TOKEN = "t0ken";
    private static final int LARGE = 8 << 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private Server server;
    private SearchAdmission admission;
    private String url;
    private int port;

    private void start(Duration wait) throws Exception {
        server = new Server();
        port = LoopbackJetty.open(server, new org.eclipse.jetty.server.HttpConfiguration());
        url = "http://127.0.0.1:" + port;
        Routes routes = new Routes()
                .get("/api/search", (x, p) -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        if ("hold".equals(x.param("q"))) {
                            held.countDown();
                            assertTrue(letGo.await(60, TimeUnit.SECONDS), "never let go");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                    x.json(200, Map.of("query", x.param("q")));
                })
                .get("/api/document", (x, p) -> x.send(200, "application/json", large(), null));
        admission = new SearchAdmission(1, wait);
        server.setHandler(new ApiHandler(new RequestGuard(Exposure.local(), port), Gate.local("testar", TOKEN), routes, 4, 0, admission, StoreOutage.none()));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        letGo.countDown();
        server.stop();
    }

    @Test
    void aSearchWaitsForTheHeldOneThenRuns() throws Exception {
        start(Duration.ofSeconds(60));
        CompletableFuture<HttpResponse<String>> first = search("hold");
        assertTrue(held.await(30, TimeUnit.SECONDS), "the first search never ran");
        CompletableFuture<HttpResponse<String>> second = search("etter");
        waitUntilWaiting(1);
        assertEquals(1, running.get(), "the second search ran beside the held one");
        letGo.countDown();
        assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
        HttpResponse<String> r = second.get(30, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("etter", Json.mapper().readTree(r.body()).get("query").asText());
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void aSearchThatWaitsTooLongIsToldSoInNorwegian() throws Exception {
        start(Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<String>> first = search("hold");
        assertTrue(held.await(30, TimeUnit.SECONDS), "the first search never ran");
        HttpResponse<String> r = search("etter").get(30, TimeUnit.SECONDS);
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("5", r.headers().firstValue("Retry-After").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().map().toString());
        JsonNode body = Json.mapper().readTree(r.body());
        assertEquals("Mange søk kjører akkurat nå, og dette har ventet for lenge på tur (1 s): prøv igjen om litt.",
                body.get("error").asText());
        // the held search is not disturbed, and the turn is free again afterwards
        letGo.countDown();
        assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(200, search("igjen").get(30, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aClientThatDoesNotReadItsAnswerHoldsNoTurn() throws Exception {
        start(Duration.ofSeconds(5));
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", port));
            slow.getOutputStream().write(("GET /api/document HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            slow.getOutputStream().flush();
            // it reads one byte: its answer has begun
            InputStream in = slow.getInputStream();
            slow.setSoTimeout(30_000);
            int firstByte = in.read();
            // while 8 MB wait for it in the sockets, a search takes the one turn
            HttpResponse<String> r = search("etter").get(30, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.body());
            // and the document's answer was still being written all that time: it arrives whole now
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(firstByte);
            in.transferTo(rest);
            String all = rest.toString(StandardCharsets.ISO_8859_1);
            assertTrue(all.startsWith("HTTP/1.1 200"), all.substring(0, Math.min(200, all.length())));
            assertTrue(rest.size() > LARGE, "answer of " + rest.size() + " bytes");
        }
    }

    private CompletableFuture<HttpResponse<String>> search(String q) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url + "/api/search?q=" + q)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void waitUntilWaiting(int n) throws InterruptedException {
        for (int i = 0; i < 3000 && admission.waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, admission.waiting(), "requests waiting for a turn");
    }

    private static byte[] large() {
        byte[] b = new byte[LARGE];
        java.util.Arrays.fill(b, (byte) ' ');
        b[0] = '{';
        b[LARGE - 1] = '}';
        return b;
    }
}

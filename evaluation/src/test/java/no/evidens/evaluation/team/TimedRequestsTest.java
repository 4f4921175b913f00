package no.evidens.evaluation.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import no.evidens.pipeline.web.WebServer;

/**
 * What both team benches ({@code bench store}, {@code bench team}) count of a user's requests: the answered ones' latencies
 * by kind, only while the phase measures; a refused one as an error, said by its kind and answer; the session's cookie and
 * token on each request.
 */
class TimedRequestsTest {
    private enum Kind { READ, WRITE }

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", ex -> {
            seen.add(ex.getRequestURI().getPath() + " cookie=" + ex.getRequestHeaders().getFirst("Cookie") + " token="
                    + ex.getRequestHeaders().getFirst(WebServer.TOKEN_HEADER));
            boolean refused = ex.getRequestURI().getPath().endsWith("/refused");
            byte[] body = (refused ? "{\"error\":\"nei\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(refused ? 409 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void latenciesAreKeptByKindOnlyWhileThePhaseMeasures() {
        BenchPhase phase = new BenchPhase();
        TimedRequests<Kind> r = new TimedRequests<>(HttpClient.newHttpClient(), base(), "s=1", Kind.class, phase);
        assertTrue(r.send(Kind.READ, r.request("/api/warm").GET()).get("ok").asBoolean(), "the answer is read as JSON");
        phase.measuring = true;
        r.send(Kind.READ, r.request("/api/a").GET());
        r.send(Kind.READ, r.request("/api/b").GET());
        r.send(Kind.WRITE, r.request("/api/c").GET());
        phase.measuring = false;
        r.send(Kind.WRITE, r.request("/api/after").GET());
        assertEquals(2, r.latencies(Kind.READ).length);
        assertEquals(1, r.latencies(Kind.WRITE).length);
        assertEquals(3, r.latencies().length, "every kind together");
        assertTrue(r.latencies()[0] > 0);
        assertEquals(0, r.errors());
        assertNull(r.lastError());
    }

    @Test
    void aRefusedRequestIsAnErrorSaidByItsKindAndAnswer() {
        BenchPhase phase = new BenchPhase();
        phase.measuring = true;
        TimedRequests<Kind> r = new TimedRequests<>(HttpClient.newHttpClient(), base(), null, Kind.class, phase);
        assertNull(r.send(Kind.WRITE, r.request("/api/refused").GET()));
        assertEquals(1, r.errors());
        assertEquals("WRITE: 409 {\"error\":\"nei\"}", r.lastError());
        assertEquals(0, r.latencies().length, "a refusal is no latency");
    }

    @Test
    void theSessionsCookieAndTokenGoWithEachRequestOnceKnown() throws Exception {
        TimedRequests<Kind> r = new TimedRequests<>(HttpClient.newHttpClient(), base(), "evidens-session=abc", Kind.class,
                new BenchPhase());
        r.untimed(r.request("/api/session").GET());
        r.token("t0k");
        r.send(Kind.WRITE, r.request("/api/findings").GET());
        assertEquals(List.of("/api/session cookie=evidens-session=abc token=null", "/api/findings cookie=evidens-session=abc token=t0k"),
                seen);
        TimedRequests<Kind> single = new TimedRequests<>(HttpClient.newHttpClient(), base(), null, Kind.class, new BenchPhase());
        single.send(Kind.READ, single.request("/api/single").GET());
        assertEquals("/api/single cookie=null token=null", seen.get(2), "the single-user mode sends no cookie");
    }
}

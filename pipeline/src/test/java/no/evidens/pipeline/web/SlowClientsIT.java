package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * The stalled-upload case: many clients open uploads and edits, send a few bytes of their bodies and
 * stop; searches from others are still answered, the stalled ones are refused or cut off, and the
 * server is whole afterwards. (Before, four stalled uploads froze the server.) No assertion is on a time: a
 * search that waited for the stalled would wait as long as they stall, far past its own time-out.
 */
class SlowClientsIT {
    private static final int STALLED = 24;

    /** A test on a server over a copy of the sample home; the connections it stalls are closed after it. */
    private interface OnServer {
        void run(WebServer server, HttpClient http, List<Socket> stalled) throws Exception;
    }

    /** Runs {@code test} on a server over a copy of the sample home with these settings, and cleans up after it. */
    private static void onSampleServer(WebConfig config, OnServer test) throws Exception {
        EvidensHome home = SampleHome.shared().copy();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Socket> stalled = new ArrayList<>();
        try (WebServer server = WebServer.start(home, config, Exposure.local(), "testar", Ingestion::new)) {
            test.run(server, http, stalled);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
            SampleHome.delete(home.root());
        }
    }

    /** Uploads and edits that send a few bytes of their bodies and stop, each on its own connection. */
    private static List<Socket> stallUploadsAndEdits(WebServer server, String token, int readTimeoutMs) throws IOException {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < STALLED; i++) {
            String head = i % 2 == 0
                    ? "POST /api/ingest?case=treg-" + i + " HTTP/1.1\r\nContent-Type: application/zip\r\nContent-Length: " + (32 << 20) + "\r\n"
                    : "POST /api/findings HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n";
            stalled.add(stall(server, head + "Host: 127.0.0.1:" + server.port() + "\r\n" + WebServer.TOKEN_HEADER + ": " + token
                    + "\r\n\r\nPK\u0003\u0004", readTimeoutMs));
        }
        return stalled;
    }

    /**
     * While they hang, searches (each a fresh connection) are answered. Nothing cuts the stalled clients off while the
     * test runs (no idle timeout within it, no least data rate), so a search that waited for them would never be
     * answered: the searches' own time-out tells a starved server apart, not a time a loaded machine could stretch.
     */
    @Test
    void stalledUploadsAndEditsDoNotStarveSearches() throws Exception {
        WebConfig config = WebConfig.defaults(0, 64L << 20).withClientLimits(Duration.ofMinutes(10), 4, 0);
        onSampleServer(config, (server, http, stalled) -> {
            String token = Json.mapper().readTree(get(http, server, "/api/session").body()).get("token").asText();
            stalled.addAll(stallUploadsAndEdits(server, token, 600_000));
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = get(http, server, "/api/search?q=plan&case=" + SampleBundle.CASE_ID);
                assertEquals(200, r.statusCode(), "search " + i + " while " + STALLED + " clients stalled: " + r.body());
            }
            // the stalled beyond the body slots were refused at once (409 or 503), the others are held; an upload that took a
            // slot while another upload held its own is refused too (409: one upload at a time), and a slot it gave back may
            // be taken by a later request or not, so at least as many as lie beyond the slots are answered
            for (String answer : answersAtLeast(stalled, STALLED - config.maxBodyRequests())) {
                assertTrue(answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 503"), answer);
            }
        });
    }

    /**
     * Each stalled client is answered (409 or 503 at once, 408/400 when cut off) or its connection is closed by the server,
     * long before the client's own read gives up; and the server is whole afterwards.
     */
    @Test
    void stalledUploadsAndEditsAreCutOffAndTheServerIsWholeAfterwards() throws Exception {
        onSampleServer(WebConfig.defaults(0, 64L << 20).withClientLimits(Duration.ofSeconds(3), 4, 512), (server, http, stalled) -> {
            String token = Json.mapper().readTree(get(http, server, "/api/session").body()).get("token").asText();
            // the client's read waits 20 times the server's idle timeout: a connection still open then was never cut
            stalled.addAll(stallUploadsAndEdits(server, token, 60_000));
            for (Socket s : stalled) {
                String answer = readAll(s);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 503"), answer);
            }
            // And the server is whole: an upload slot is free again.
            JsonNode session = Json.mapper().readTree(get(http, server, "/api/session").body());
            assertEquals(token, session.get("token").asText());
            HttpResponse<String> notZip = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/ingest?case=etterpaa"))
                    .header("Content-Type", "application/zip").header(WebServer.TOKEN_HEADER, token)
                    .POST(HttpRequest.BodyPublishers.ofString("not a zip")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, notZip.statusCode(), notZip.body());
        });
    }

    @Test
    void aBodyTooLargeIsRefusedFromItsHeadersBeforeAByteIsSent() throws Exception {
        EvidensHome home = new EvidensHome(java.nio.file.Files.createTempDirectory("evidens-413"));
        try (WebServer server = WebServer.start(home, WebConfig.defaults(0, 1 << 20), Exposure.local(), "testar", Ingestion::new);
             Socket s = new Socket("127.0.0.1", server.port())) {
            HttpClient http = HttpClient.newHttpClient();
            String token = Json.mapper().readTree(get(http, server, "/api/session").body()).get("token").asText();
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /api/ingest?case=stor HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/zip\r\nContent-Length: " + (1L << 30) + "\r\nExpect: 100-continue\r\n"
                    + WebServer.TOKEN_HEADER + ": " + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String answer = readAll(s);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        } finally {
            SampleHome.delete(home.root());
        }
    }

    /**
     * A hostile client's cheapest attack: more connections than the server has threads, each a small POST refused from
     * its headers alone (another site's Origin) whose body never comes. Each must get its 403 while it still holds its
     * body back, and a search made meanwhile must be answered. (Before, each refusal first waited for the body to drop
     * it, holding a thread until the connection's idle timeout: 40 such clients froze the server for 30 s.)
     */
    @Test
    void refusalsOfBodiesThatNeverComeHoldNoThread() throws Exception {
        // an idle timeout far beyond the sockets' read timeout: the answers must not wait for the connections to be cut
        WebConfig config = WebConfig.defaults(0, 64L << 20).withClientLimits(Duration.ofMinutes(10), 8, 512);
        onSampleServer(config, (server, http, stalled) -> {
            for (int i = 0; i < config.maxThreads() + 8; i++) {
                stalled.add(stall(server, "POST /api/findings HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nOrigin: https://angriper.example\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{\"ca", 60_000));
            }
            HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/search?q=plan&case="
                    + SampleBundle.CASE_ID)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, search.statusCode(), search.body());
            for (Socket s : stalled) {
                String answer = readAll(s);
                assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
                assertTrue(answer.contains("annet nettsted"), answer);
            }
        });
    }

    /**
     * A member who opens the server's eight body slots with uploads or edits that never finish: two of them are theirs to
     * hold, the other six are refused at once (429, Retry-After, in Norwegian), and another member's edit still gets in.
     * Before sign-in an address has the same share of the sign-in form, and a signed-in member is not counted with it.
     * (Before, the eight held every slot and everyone else got 503 until the idle timeout cut them.)
     */
    @Test
    void oneMemberHoldingEveryBodySlotLeavesTheOthersTheirShare() throws Exception {
        // an idle timeout far beyond the test: the held bodies stay held until the test lets go
        WebConfig config = WebConfig.defaults(0, 1 << 20).withClientLimits(Duration.ofMinutes(10), 8, 0);
        List<Socket> held = new ArrayList<>();
        try (TeamWorkspace team = TeamWorkspace.start(config)) {
            TeamWorkspace.Client revisor = team.signIn("revisor");
            TeamWorkspace.Client leder = team.signIn("leder");
            held.addAll(editsThatNeverFinish(team, revisor, 8));
            for (String refused : answers(held, 6)) {
                assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
                assertTrue(refused.toLowerCase(java.util.Locale.ROOT).contains("retry-after: 5"), refused);
                assertEquals("Du har allerede 2 opplastinger eller endringer på vei til tjeneren: vent til de er kommet fram, og prøv igjen "
                        + "om noen sekunder.", Json.mapper().readTree(refused.substring(refused.indexOf("\r\n\r\n") + 4)).get("error").asText());
            }
            TeamWorkspace.Answer created = leder.json("POST", "/api/findings",
                    java.util.Map.of("case", TeamWorkspace.CASE, "kind", "merknad", "title", "Rutinen er ikke evaluert"));
            assertEquals(201, created.status(), String.valueOf(created.body()));

            // before sign-in: three sign-ins from this address whose bodies never come; whichever arrives last is refused
            // at once, the other two held (a member's edit, counted by name, still gets in)
            List<Socket> signIns = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                signIns.add(stall(team.server, "POST /api/signin HTTP/1.1\r\nHost: 127.0.0.1:" + team.server.port()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"us", 600_000));
            }
            held.addAll(signIns);
            String third = answers(signIns, 1).get(0);
            assertTrue(third.startsWith("HTTP/1.1 429") && third.toLowerCase(java.util.Locale.ROOT).contains("retry-after: 5"), third);
            assertEquals(201, leder.json("POST", "/api/findings", java.util.Map.of("case", TeamWorkspace.CASE, "kind", "merknad",
                    "title", "Planen er ikke fulgt opp")).status());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * A server set to a larger share ({@code serve --body-share 5}, as behind an office's one address, or for a lead who
     * uploads several bundles): the member's eight bodies that never finish, five held and three refused at once with the
     * share in the words. (Before, the share was fixed at two: six refused, «allerede 2».)
     */
    @Test
    void aLargerShareSetForTheServerIsEachMembersShare() throws Exception {
        WebConfig config = WebConfig.defaults(0, 1 << 20).withClientLimits(Duration.ofMinutes(10), 8, 0).withBodyShare(5);
        List<Socket> held = new ArrayList<>();
        try (TeamWorkspace team = TeamWorkspace.start(config)) {
            TeamWorkspace.Client revisor = team.signIn("revisor");
            held.addAll(editsThatNeverFinish(team, revisor, 8));
            for (String refused : answers(held, 3)) {
                assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
                assertTrue(Json.mapper().readTree(refused.substring(refused.indexOf("\r\n\r\n") + 4)).get("error").asText()
                        .startsWith("Du har allerede 5 opplastinger eller endringer på vei til tjeneren"), refused);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** This many edits by the member whose bodies never come (held until the test closes them). */
    private static List<Socket> editsThatNeverFinish(TeamWorkspace team, TeamWorkspace.Client member, int n) throws IOException {
        List<Socket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(stall(team.server, "POST /api/findings HTTP/1.1\r\nHost: 127.0.0.1:" + team.server.port() + "\r\nCookie: "
                    + member.cookie + "\r\n" + WebServer.TOKEN_HEADER + ": " + member.token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"ca", 600_000));
        }
        return out;
    }

    /**
     * The answers of the first {@code n} of these connections to be answered (each read until the server closes it), in
     * UTF-8; the others are left waiting. Fails when fewer than {@code n}, or more, are answered within a minute.
     */
    private static List<String> answers(List<Socket> sockets, int n) throws Exception {
        List<String> out = answered(sockets, n);
        assertEquals(n, out.size(), "connections answered: " + out);
        return out;
    }

    /** The answers of at least {@code n} of these connections, with any others answered by the time those are read. */
    private static List<String> answersAtLeast(List<Socket> sockets, int n) throws Exception {
        List<String> out = answered(sockets, n);
        assertTrue(out.size() >= n, "connections answered: " + out);
        return out;
    }

    /** The connections answered, polled until {@code n} are or a minute has passed (one poll may find more than n). */
    private static List<String> answered(List<Socket> sockets, int n) throws Exception {
        List<String> out = new ArrayList<>();
        List<Socket> waiting = new ArrayList<>(sockets);
        for (int tries = 0; out.size() < n && tries < 600; tries++) {
            for (Socket s : List.copyOf(waiting)) {
                if (s.getInputStream().available() > 0) {
                    out.add(new String(readAll(s).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                    waiting.remove(s);
                }
            }
            Thread.sleep(100);
        }
        return out;
    }

    private static HttpResponse<String> get(HttpClient http, WebServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A connection that has sent this much of a request and then goes silent; its reads wait this long at most. */
    private static Socket stall(WebServer server, String start, int readTimeoutMs) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(readTimeoutMs);
        OutputStream out = s.getOutputStream();
        out.write(start.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    /** What the server sent until it closed the connection. */
    private static String readAll(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a stalled connection open: " + sb, e);
        } catch (IOException reset) {
            // closed with a reset: ended all the same
        }
        return sb.toString();
    }
}

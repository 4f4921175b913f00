package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;

/** The HTTP server itself, on an empty home: the route table's answers and the errors Jetty gives itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebServerIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path root;
    private WebServer server;

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("evidens-web-empty");
        server = WebServer.start(new EvidensHome(root), WebConfig.defaults(0, 1 << 20), "testar", Ingestion::new);
    }

    @AfterAll
    void stop() {
        server.close();
        SampleWorkspace.delete(root);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByMethodAndPathWithAllowOnAWrongMethod() throws Exception {
        assertEquals(200, send("GET", "/api/session/").statusCode(), "a trailing slash names the same resource");
        HttpResponse<String> head = send("HEAD", "/api/session");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        HttpResponse<String> wrong = send("PUT", "/api/findings/sak/avvik-1");
        // PUT is state-changing: refused for the missing token before any route is looked at.
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> unknown = send("GET", "/api/evidence/sak");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("/api/evidence/{case}/{id}"), unknown.body());
        HttpResponse<String> notAllowed = send("GET", "/api/findings/sak/avvik-1/evidence");
        assertEquals(405, notAllowed.statusCode());
        assertEquals("POST", notAllowed.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> page = send("GET", "/no-such-page.html");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("\"error\""), page.body());
    }

    /** The browser asks for /favicon.ico on every page it opens: an icon of the workspace's own, not a 404. */
    @Test
    void theIconIsServed() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "favicon.ico")).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<byte[]> ico = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, ico.statusCode());
        assertEquals("image/x-icon", ico.headers().firstValue("Content-Type").orElse(""));
        byte[] b = ico.body();
        assertTrue(b.length > 6 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0, "an ICO file's header");
        HttpResponse<String> svg = send("GET", "/favicon.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.body().startsWith("<svg"), svg.body());
        for (String page : new String[] {"/", "/signin.html"}) {
            assertTrue(send("GET", page).body().contains("<link rel=\"icon\" href=\"/favicon.svg\""), page + " names its icon");
        }
    }

    @Test
    void errorsJettyAnswersItselfAreJsonWithoutTheServerVersion() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/%2e%2e/etc HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("application/json") && answer.contains("\"error\""), answer);
            assertFalse(answer.toLowerCase().contains("server: jetty"), answer);
        }
        assertNull(send("GET", "/").headers().firstValue("Server").orElse(null));
    }

    @Test
    void aPortInUseIsNamedWithTheOptionToChooseAnother() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebServer.start(new EvidensHome(root), server.port(), "testar"));
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
    }
}

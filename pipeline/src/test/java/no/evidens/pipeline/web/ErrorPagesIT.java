package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Errors as a browser sees them when it goes to an address itself (it asks for {@code text/html}): a page in
 * Bokmål or Nynorsk with a heading and a way back, never Jetty's English page, a stack trace or a path on the
 * server; the API's clients (no {@code text/html} in Accept) keep the JSON {@code {"error": …}}. The workspace's
 * own request handling (ApiHandler, its routes, the static files, Jetty's error handler) on a server of its own,
 * with two routes that fail as a bug would: one throwing an exception naming a server path (500 from the
 * workspace), one throwing an Error that reaches Jetty itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesIT {
    private static final String TOKEN = "t0ken";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** What no page may show: Jetty's or Java's English, a server path. */
    private static final java.util.List<String> NEVER = java.util.List.of("/srv/evidens", "Exception", "at no.evidens", "jetty", "Jetty",
            "Not Found", "Method Not Allowed", "Server Error", "Bad Request", "Payload Too Large", "\"error\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Server server;
    private String url;
    private int port;

    @BeforeAll
    void start() throws Exception {
        server = new Server();
        org.eclipse.jetty.server.HttpConfiguration config = new org.eclipse.jetty.server.HttpConfiguration();
        config.setRequestHeaderSize(Connectors.JETTY_HEADER_LIMIT);
        port = LoopbackJetty.open(server, config);
        url = "http://127.0.0.1:" + port;
        Routes routes = new Routes().register(new StaticFiles(), r -> r
                .get("/api/bug", (x, p) -> {
                    throw new UncheckedIOException(new java.io.IOException("/srv/evidens/findings/store.mv.db is damaged"));
                })
                .get("/api/crash", (x, p) -> {
                    throw new AssertionError("/srv/evidens/index: a bug");
                })
                .post("/api/body", (x, p) -> x.json(200, x.jsonBody())));
        server.setHandler(new ApiHandler(new RequestGuard(Exposure.local(), port), Gate.local("testar", TOKEN), routes, 4, 0,
                new SearchAdmission(2, WebConfig.DEFAULT_SEARCH_WAIT), StoreOutage.none()));
        server.start();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A page for this status, in Bokmål unless the language cookie says nn, with its heading and message. */
    private static void page(HttpResponse<String> r, int status, String lang, String heading, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().map().toString());
        String body = r.body();
        assertTrue(body.contains("<html lang=\"" + lang + "\">"), body);
        assertTrue(body.contains("<h1>" + heading + "</h1>"), body);
        assertTrue(body.contains(message), body);
        assertTrue(body.contains("id=\"error-back\" href=\"/\""), body);
        for (String s : NEVER) {
            assertFalse(body.contains(s), "«" + s + "» in: " + body);
        }
    }

    @Test
    void aMissingPageIsABokmalPageForABrowserAndJsonForTheApi() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/finnes-ikke.html")).header("Accept", HTML));
        page(r, 404, "nb", "Siden finnes ikke", "Siden /finnes-ikke.html finnes ikke.");
        // a path holding markup is shown as text
        HttpResponse<String> marked = send(HttpRequest.newBuilder(URI.create(url + "/api/%3Cscript%3Ealert(1)")).header("Accept", HTML));
        assertEquals(404, marked.statusCode());
        assertFalse(marked.body().contains("<script"), marked.body());
        assertTrue(marked.body().contains("API-adressen /api/%3Cscript%3Ealert(1) finnes ikke."), marked.body());
        // the same request from the API's clients: JSON
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(url + "/finnes-ikke.html")));
        assertEquals(404, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), json.headers().map().toString());
        assertEquals("Siden /finnes-ikke.html finnes ikke.", no.evidens.pipeline.Json.mapper().readTree(json.body()).get("error").asText());
    }

    @Test
    void aWrongMethodATooLargeBodyAndABugArePagesInTheLanguageChosen() throws Exception {
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(url + "/")).header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));
        page(post, 405, "nb", "Forespørselen kan ikke behandles", "Metoden POST kan ikke brukes på /: bruk GET.");

        byte[] big = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> large = send(HttpRequest.newBuilder(URI.create(url + "/api/body")).header("Accept", HTML)
                .header("Content-Type", "application/json").header(WebServer.TOKEN_HEADER, TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        page(large, 413, "nb", "Forespørselen er for stor", "1024");

        // headers too large (431): refused by the workspace, which knows by then that a browser asks, so a page
        String header = "a".repeat(ApiHandler.HEADER_LIMIT + 1);
        HttpResponse<String> headers = send(HttpRequest.newBuilder(URI.create(url + "/api/bug")).header("Accept", HTML).header("X-Big", header));
        page(headers, 431, "nb", "Forespørselen er for stor", "Forespørselens hoder er for store (mer enn 16 KB).");
        HttpResponse<String> headersJson = send(HttpRequest.newBuilder(URI.create(url + "/api/bug")).header("X-Big", header));
        assertEquals(431, headersJson.statusCode());
        assertEquals("Forespørselens hoder er for store (mer enn 16 KB).",
                no.evidens.pipeline.Json.mapper().readTree(headersJson.body()).get("error").asText());

        HttpResponse<String> bug = send(HttpRequest.newBuilder(URI.create(url + "/api/bug")).header("Accept", HTML));
        page(bug, 500, "nb", "Feil på tjeneren", "Tjeneren klarte ikke dette (en intern feil).");

        HttpResponse<String> nynorsk = send(HttpRequest.newBuilder(URI.create(url + "/api/bug")).header("Accept", HTML)
                .header("Cookie", ErrorTexts.COOKIE + "=nn"));
        page(nynorsk, 500, "nn", "Feil på tenaren", "Tenaren");
    }

    @Test
    void jettysOwnErrorsAreTheWorkspacesPagesToo() throws Exception {
        // an Error thrown past the workspace's handler: Jetty answers, through the workspace's error handler
        HttpResponse<String> crash = send(HttpRequest.newBuilder(URI.create(url + "/api/crash")).header("Accept", HTML));
        page(crash, 500, "nb", "Feil på tjeneren", "Tjeneren kan ikke behandle forespørselen (HTTP 500).");
        assertTrue(crash.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"), crash.headers().map().toString());
        HttpResponse<String> crashJson = send(HttpRequest.newBuilder(URI.create(url + "/api/crash")));
        assertEquals(500, crashJson.statusCode());
        assertTrue(crashJson.body().contains("\"error\""), crashJson.body());
        assertFalse(crashJson.body().contains("/srv/evidens"), crashJson.body());

        // a request line Jetty refuses before its headers are read (an ambiguous path): what the client asks for is not
        // known yet, so the API's JSON, in Bokmål, with nothing of the server
        String refused = raw("GET /a/%2e%2e/%2e%2e/etc/passwd HTTP/1.1");
        assertTrue(refused.startsWith("HTTP/1.1 400"), refused);
        assertTrue(refused.contains("Tjeneren kan ikke behandle forespørselen (HTTP 400)."), refused);
        // a query string the workspace cannot decode: a page
        String query = raw("GET /?q=%zz HTTP/1.1");
        assertTrue(query.startsWith("HTTP/1.1 400"), query);
        assertTrue(query.contains("<html lang=\"nb\">") && query.contains("<h1>Forespørselen kan ikke behandles</h1>"), query);
        for (String s : NEVER) {
            assertFalse(query.substring(query.indexOf("\r\n\r\n")).contains(s), "«" + s + "» in: " + query);
        }
    }

    /**
     * A body refused from its length while the client is still sending it (a browser uploading too much): the client
     * can send the rest and then read its 413 page. (Before, the server closed the connection at once with the body
     * unread, the client's next write was reset, and the answer was lost: "no bytes received" instead of the page.) A
     * client that holds the rest back gets its answer at once and its connection closed, not held open.
     */
    @Test
    void aBodyRefusedWhileOnItsWayStillGetsItsAnswer() throws Exception {
        int length = 2 << 20;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(bodyHeaders(length));
            byte[] piece = new byte[64 << 10];
            java.util.Arrays.fill(piece, (byte) ' ');
            for (int sent = 0; sent < length; sent += piece.length) {
                out.write(piece);
                out.flush();
                Thread.sleep(10);
            }
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("<h1>Forespørselen er for stor</h1>"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        }
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(bodyHeaders(length));
            s.getOutputStream().write(" ".repeat(100).getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            // read until the server closes: within its few seconds of reading the rest, long before this read gives up
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    private byte[] bodyHeaders(int length) {
        return ("POST /api/body HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + HTML + "\r\nContent-Type: application/json\r\n"
                + WebServer.TOKEN_HEADER + ": " + TOKEN + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A request sent as written (HttpClient would encode it), asking for HTML; the whole answer. */
    private String raw(String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + HTML + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

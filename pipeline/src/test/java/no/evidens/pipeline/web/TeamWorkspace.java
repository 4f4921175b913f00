package no.evidens.pipeline.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * A copy of the ingested sample home served with sign-in on, with one account per role in the sample
 * case ({@code leder}, {@code revisor}, {@code skribent}, {@code leser}), one that leads another case only
 * ({@code utenfor}), and an administrator ({@code admin}, no case). Every password is {@link #PASSWORD}.
 */
final class TeamWorkspace implements AutoCloseable {
    static final String CASE = SampleBundle.CASE_ID;
    static final String OTHER_CASE = "annen-sak";
    static final String PASSWORD = "et langt passord";
    static final Map<String, Role> ROLES = Map.of("leder", Role.LEAD, "revisor", Role.AUDITOR, "skribent", Role.WRITER, "leser", Role.READER);

    final Path root;
    private final EvidensHome home;
    private final WebConfig config;
    WebServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TeamWorkspace(EvidensHome home, WebConfig config) throws Exception {
        this.root = home.root();
        this.home = home;
        this.config = config;
        this.server = serve();
    }

    private WebServer serve() throws Exception {
        return WebServer.start(home, config, Exposure.signedIn(), "ignored", Ingestion::new);
    }

    /** Stops the server and starts a new one on the same home and port (a restart). */
    void restart() throws Exception {
        int port = server.port();
        server.close();
        server = WebServer.start(home, config.withPort(port), Exposure.signedIn(), "ignored", Ingestion::new);
    }

    static TeamWorkspace start() throws Exception {
        return start(WebConfig.defaults(0, 1 << 20));
    }

    static TeamWorkspace start(WebConfig config) throws Exception {
        EvidensHome home = SampleHome.shared().copy();
        try (AccessStore s = AccessStore.open(home.access())) {
            for (var e : ROLES.entrySet()) {
                s.addUser(e.getKey(), PASSWORD.toCharArray(), false);
                s.addMember(CASE, e.getKey(), e.getValue(), "test");
            }
            s.addUser("utenfor", PASSWORD.toCharArray(), false);
            s.addMember(OTHER_CASE, "utenfor", Role.LEAD, "test");
            s.addUser("admin", PASSWORD.toCharArray(), true);
        }
        return new TeamWorkspace(home, config);
    }

    /** A signed-in user's requests: their session cookie and token on each. */
    final class Client {
        final String user;
        final String cookie;
        final String token;

        Client(String user, String cookie, String token) {
            this.user = user;
            this.cookie = cookie;
            this.token = token;
        }

        Answer send(String method, String path, String contentType, byte[] body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (token != null) {
                b.header(WebServer.TOKEN_HEADER, token);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            return answer(http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
        }

        Answer get(String path) throws Exception {
            return send("GET", path, null, null);
        }

        Answer json(String method, String path, Object body) throws Exception {
            return send(method, path, "application/json", Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, JsonNode body, HttpResponse<byte[]> response) {
    }

    private static Answer answer(HttpResponse<byte[]> r) throws Exception {
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.startsWith("application/json") && r.body().length > 0 ? Json.mapper().readTree(r.body()) : null;
        return new Answer(r.statusCode(), body, r);
    }

    /** Nobody signed in. */
    Client anonymous() {
        return new Client("-", null, null);
    }

    /** Signs the user in with the password; fails the test's setup when that is refused. */
    Client signIn(String user) throws Exception {
        Answer a = signInAs(user, PASSWORD);
        if (a.status() != 200) {
            throw new IllegalStateException("sign-in of " + user + " answered " + a.status() + " " + a.body());
        }
        String setCookie = a.response().headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Client c = new Client(user, cookie, null);
        String token = c.get("/api/session").body().get("token").asText();
        return new Client(user, cookie, token);
    }

    Answer signInAs(String user, String password) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("password", password);
        return anonymous().json("POST", "/api/signin", body);
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        SampleHome.delete(root);
    }
}

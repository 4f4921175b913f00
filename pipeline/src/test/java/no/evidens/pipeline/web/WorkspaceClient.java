package no.evidens.pipeline.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;

/**
 * The web ITs' client of one workspace server ({@link SampleWorkspace}): requests to its paths, with the
 * session's token on those that change something and, when asked, the language cookie; answers with their
 * status, their body as JSON (when it is JSON), their bytes and the response itself (its headers).
 */
final class WorkspaceClient {
    /** An answer: {@code body} is the JSON body, or null when the answer is not JSON. */
    record Answer(int status, JsonNode body, byte[] bytes, HttpResponse<byte[]> response) {
        /** The body as text (UTF-8). */
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The {@code error} of a refusal, or null. */
        String error() {
            return body == null || body.get("error") == null ? null : body.get("error").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    private WorkspaceClient(String base) {
        this.base = base;
    }

    /** A client of the workspace, holding the token of its session ({@code GET /api/session}). */
    static WorkspaceClient of(SampleWorkspace ws) throws Exception {
        return of(ws.url());
    }

    /** A client of the workspace at this address, holding the token of its session. */
    static WorkspaceClient of(String url) throws Exception {
        WorkspaceClient c = new WorkspaceClient(url);
        c.token = c.get("/api/session").body().get("token").asText();
        return c;
    }

    String token() {
        return token;
    }

    /** Sends the requests after this without a token (null) or with another one. */
    void token(String t) {
        this.token = t;
    }

    /** A request to a path of the workspace ({@code /api/…}). */
    HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(base + path.substring(1)));
    }

    Answer send(HttpRequest.Builder b) throws Exception {
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.startsWith("application/json") && r.body().length > 0 ? Json.mapper().readTree(r.body()) : null;
        return new Answer(r.statusCode(), body, r.body(), r);
    }

    Answer get(String path) throws Exception {
        return send(req(path).GET());
    }

    /** A request with a JSON body (or none, when null) and the token. */
    Answer json(String method, String path, String body) throws Exception {
        return send(req(path).header("Content-Type", "application/json").header(WebServer.TOKEN_HEADER, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A request in a language ({@code nb}, {@code nn}: its cookie), with the token when the client holds one, and
     * the body (when not null) as JSON unless another type is given.
     */
    Answer send(String language, String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = req(path).header("Cookie", ErrorTexts.COOKIE + "=" + language);
        if (token != null) {
            b.header(WebServer.TOKEN_HEADER, token);
        }
        if (body != null) {
            b.header("Content-Type", type == null ? "application/json" : type);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package no.evidens.pipeline.solr;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.web.WebServer;

/**
 * The workspace's JSON API of one server, as the browser calls it (the session's token on writes), with
 * answers made comparable between two servers: times and durations left out.
 */
final class WorkspaceApi {
    /** Fields that differ between two runs of the same call: when, and how long. */
    private static final Set<String> TIMES = Set.of("tookMs", "createdAt", "updatedAt", "addedAt", "at");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String token;

    WorkspaceApi(WebServer server) throws Exception {
        this.url = server.url();
        this.token = call(HttpRequest.newBuilder(URI.create(url + "api/session")).GET()).get("token").asText();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The answer to {@code GET path} ({@code /api/…}), times left out. */
    JsonNode get(String path) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url + path.substring(1))).GET());
    }

    /** The answer to {@code POST path} with a JSON body, times left out. */
    JsonNode post(String path, String body) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url + path.substring(1))).header("Content-Type", "application/json")
                .header(WebServer.TOKEN_HEADER, token).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(r.request().uri() + ": " + r.statusCode() + " " + r.body());
        }
        JsonNode body = Json.mapper().readTree(r.body());
        withoutTimes(body);
        return body;
    }

    private static void withoutTimes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
                if (TIMES.contains(names.next())) {
                    names.remove();
                }
            }
        }
        node.forEach(WorkspaceApi::withoutTimes);
    }
}

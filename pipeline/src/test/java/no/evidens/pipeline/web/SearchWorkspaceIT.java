package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.Json;

/**
 * The workspace's search API as the search help promises it (every row finds something in the sample),
 * grouped by document, and the doors that keep broken text and unknown cases out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchWorkspaceIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private SampleWorkspace ws;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    void start() throws Exception {
        ws = SampleWorkspace.start(64 * 1024);
        token = get("/api/session").body.get("token").asText();
    }

    @AfterAll
    void stop() {
        ws.close();
    }

    private Answer send(HttpRequest.Builder b) throws Exception {
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") && r.body().length > 0;
        return new Answer(r.statusCode(), json ? Json.mapper().readTree(r.body()) : null);
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ws.url() + path.substring(1))).GET());
    }

    Answer json(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ws.url() + path.substring(1))).header("Content-Type", "application/json")
                .header(WebServer.TOKEN_HEADER, token).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every row of the workspace's search help, as its example is written there. */
    @ParameterizedTest
    @ValueSource(strings = {"ansvarsgruppe taushetsplikt", "\"individuell plan\"", "samarbeid -NAV", "fastlege OR allmennlege",
        "barnevern*", "samarb*", "koordinator~1", "\"taushetsplikt samarbeid\"~10", "type:journal", "sak:fjordvik-2026 plan",
        "fil:journaler/fastlege-journalutdrag.txt", "overskrift:ansvarsgruppe", "indikator:taushetsplikt", "lov:barnevernloven",
        "sitat:ja", "år:2025"})
    void everyHelpRowFindsPassages(String query) throws Exception {
        Answer a = get("/api/search?q=" + enc(query) + "&case=" + CASE);
        assertEquals(200, a.status, query + ": " + a.body);
        assertTrue(a.body.get("total").asLong() > 0, query + " finds nothing");
    }

    @Test
    void groupedByDocumentEachDocumentOnceWithItsCount() throws Exception {
        Answer flat = get("/api/search?q=plan&case=" + CASE + "&limit=100");
        Answer g = get("/api/search?q=plan&case=" + CASE + "&group=document&limit=5");
        assertEquals(200, g.status, String.valueOf(g.body));
        assertEquals(flat.body.get("total").asLong(), g.body.get("total").asLong(), "the passage total stays");
        JsonNode docs = g.body.get("documents");
        assertTrue(docs.size() > 1 && docs.size() <= 5, docs.toString());
        Set<String> seen = new HashSet<>();
        int counted = 0;
        for (JsonNode d : docs) {
            assertTrue(seen.add(d.get("docId").asText()), "a document once");
            assertTrue(d.get("passages").size() >= 1 && d.get("passages").size() <= 3);
            assertTrue(d.get("hits").asInt() >= d.get("passages").size());
            d.get("passages").forEach(p -> assertEquals(d.get("docId").asText(), p.get("docId").asText()));
            counted += d.get("hits").asInt();
        }
        assertTrue(counted <= flat.body.get("total").asInt());
        assertTrue(g.body.get("documentTotal").asInt() >= docs.size());
        assertTrue(g.body.get("hits").size() > 0, "the old field holds the passages shown");
        Answer page2 = get("/api/search?q=plan&case=" + CASE + "&group=document&limit=5&offset=5");
        page2.body.get("documents").forEach(d -> assertFalse(seen.contains(d.get("docId").asText()), "page 2 has other documents"));
    }

    @Test
    void brokenTextIsRefusedAtTheDoor() throws Exception {
        Answer a = json("POST", "/api/findings", "{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Halv \\ud800 tegn\"}");
        assertEquals(400, a.status, String.valueOf(a.body));
        assertTrue(a.body.get("error").asText().contains("title"));
    }

    @Test
    void anUnknownCaseIsNotCreatedByAFinding() throws Exception {
        Answer a = json("POST", "/api/findings", "{\"case\":\"fjordvik-2062\",\"kind\":\"avvik\",\"title\":\"Skrivefeil i saken\"}");
        assertEquals(404, a.status, String.valueOf(a.body));
        assertFalse(get("/api/cases").body.get("cases").toString().contains("fjordvik-2062"));
    }
}

package no.evidens.evaluation.team;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.web.WebServer;

/**
 * One signed-in auditor of {@code evidens bench store}: searches the case, opens a hit's document, lists the case's findings,
 * and attaches the hit's passage to a finding of their own as a quotation (taking their oldest one off again once it has a few,
 * so that the list of findings stays the same size however fast the server answers), again and again until told to stop.
 * Each request's latency is kept by its kind while the phase measures.
 */
final class StoreUser implements Runnable {
    /** The requests an auditor makes, each measured on its own. */
    enum Kind {
        SEARCH("search"), DOCUMENT("open document"), FINDINGS("list findings"), ATTACH("attach quotation"), DETACH("take quotation off");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** How many quotations a user's finding keeps at most before the oldest is taken off. */
    private static final int KEEP = 3;

    private final HttpClient http;
    private final String base;
    private final String cookie;
    private final String caseId;
    private final List<String> queries;
    private final Random random;
    private final UserLoad.Phase phase;
    private final Map<Kind, long[]> nanos = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final Deque<Long> attached = new ArrayDeque<>();
    private long errors;
    private String lastError;
    private String ref;
    /** The session's token, which a state-changing request carries. */
    private String token = "";

    StoreUser(HttpClient http, String base, String cookie, String caseId, List<String> queries, long seed, UserLoad.Phase phase) {
        this.http = http;
        this.base = base;
        this.cookie = cookie;
        this.caseId = caseId;
        this.queries = queries;
        this.random = new Random(seed);
        this.phase = phase;
        for (Kind k : Kind.values()) {
            nanos.put(k, new long[256]);
            counts.put(k, 0);
        }
    }

    /** Makes the user's own finding, which their quotations go to. */
    void prepare(String title) throws IOException, InterruptedException {
        HttpResponse<String> session = http.send(request("/api/session").GET().build(), HttpResponse.BodyHandlers.ofString());
        token = Json.mapper().readTree(session.body()).get("token").asText();
        HttpResponse<String> r = http.send(request("/api/findings").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("case", caseId, "kind", "merknad", "title", title)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("the bench's finding was not made: " + r.statusCode() + " " + r.body());
        }
        ref = Json.mapper().readTree(r.body()).get("ref").asText();
    }

    @Override
    public void run() {
        while (phase.running) {
            String q = queries.get(random.nextInt(queries.size()));
            JsonNode found = send(Kind.SEARCH, request("/api/search?q=" + enc(q) + "&case=" + enc(caseId) + "&limit=10").GET());
            JsonNode hits = found == null ? null : found.get("hits");
            if (hits == null || hits.isEmpty()) {
                continue;
            }
            JsonNode hit = hits.get(random.nextInt(hits.size()));
            send(Kind.DOCUMENT, request("/api/document?case=" + enc(caseId) + "&doc=" + enc(hit.get("docId").asText())).GET());
            send(Kind.FINDINGS, request("/api/findings?case=" + enc(caseId)).GET());
            if (attached.size() >= KEEP) {
                send(Kind.DETACH, request("/api/evidence/" + enc(caseId) + "/" + attached.removeFirst()).DELETE());
            }
            JsonNode finding = send(Kind.ATTACH, request("/api/findings/" + enc(caseId) + "/" + enc(ref) + "/evidence")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("passageId", hit.get("passageId").asText())))));
            JsonNode evidence = finding == null ? null : finding.get("evidence");
            if (evidence != null && !evidence.isEmpty()) {
                attached.addLast(evidence.get(evidence.size() - 1).get("id").asLong());
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(60)).header("Cookie", cookie)
                .header(WebServer.TOKEN_HEADER, token);
    }

    private JsonNode send(Kind kind, HttpRequest.Builder b) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - t0;
            boolean ok = r.statusCode() / 100 == 2;
            if (phase.measuring) {
                if (ok) {
                    record(kind, took);
                } else {
                    errors++;
                    lastError = kind.label + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
                }
            }
            return ok ? Json.mapper().readTree(r.body()) : null;
        } catch (IOException e) {
            if (phase.measuring) {
                errors++;
                lastError = kind.label + ": " + e;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.running = false;
            return null;
        }
    }

    private void record(Kind kind, long took) {
        long[] a = nanos.get(kind);
        int n = counts.get(kind);
        if (n == a.length) {
            a = java.util.Arrays.copyOf(a, n * 2);
            nanos.put(kind, a);
        }
        a[n] = took;
        counts.put(kind, n + 1);
    }

    /** The measured latencies of one kind (read after the thread ended). */
    long[] latencies(Kind kind) {
        return java.util.Arrays.copyOf(nanos.get(kind), counts.get(kind));
    }

    long errors() {
        return errors;
    }

    /** The last failed request's kind and answer, or null. */
    String lastError() {
        return lastError;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

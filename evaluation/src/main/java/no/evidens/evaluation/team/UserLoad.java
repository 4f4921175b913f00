package no.evidens.evaluation.team;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;

/**
 * One simulated user: searches the case, opens a passage of a hit with its neighbours, and now and then
 * the whole document, again and again until told to stop; records each request's latency while
 * {@link #measuring} is on.
 */
final class UserLoad implements Runnable {
    private final HttpClient http;
    private final String base;
    private final String cookie;
    private final String caseId;
    private final List<String> queries;
    private final Random random;
    private final Phase phase;
    private long[] nanos = new long[1024];
    private int count;
    private long errors;

    /** What all users of a phase share: whether to measure, whether to go on. */
    static final class Phase {
        volatile boolean measuring;
        volatile boolean running = true;
    }

    UserLoad(HttpClient http, String base, String cookie, String caseId, List<String> queries, long seed, Phase phase) {
        this.http = http;
        this.base = base;
        this.cookie = cookie;
        this.caseId = caseId;
        this.queries = queries;
        this.random = new Random(seed);
        this.phase = phase;
    }

    @Override
    public void run() {
        while (phase.running) {
            String q = queries.get(random.nextInt(queries.size()));
            JsonNode found = get("/api/search?q=" + enc(q) + "&case=" + enc(caseId) + "&limit=10");
            JsonNode hits = found == null ? null : found.get("hits");
            if (hits == null || hits.isEmpty()) {
                continue;
            }
            JsonNode hit = hits.get(random.nextInt(hits.size()));
            get("/api/passage?id=" + enc(hit.get("passageId").asText()));
            if (random.nextInt(3) == 0) {
                get("/api/document?case=" + enc(caseId) + "&doc=" + enc(hit.get("docId").asText()));
            }
        }
    }

    private JsonNode get(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(60)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - t0;
            boolean ok = r.statusCode() / 100 == 2;
            if (phase.measuring) {
                if (ok) {
                    record(took);
                } else {
                    errors++;
                }
            }
            return ok ? Json.mapper().readTree(r.body()) : null;
        } catch (java.io.IOException e) {
            if (phase.measuring) {
                errors++;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.running = false;
            return null;
        }
    }

    private void record(long took) {
        if (count == nanos.length) {
            nanos = java.util.Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = took;
    }

    /** The measured latencies (read after the thread ended). */
    long[] latencies() {
        return java.util.Arrays.copyOf(nanos, count);
    }

    long errors() {
        return errors;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package no.evidens.evaluation.team;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.web.WebServer;

/**
 * The requests of one simulated user of a bench ({@link UserLoad}, {@link StoreUser}) to the workspace's API: sent with the
 * user's session cookie (and its token once known), each answered request's latency kept by its kind while the phase
 * measures, the failed ones counted (the last one's kind and answer kept, to be said).
 *
 * @param <K> the kinds of request the user makes; a kind's {@code toString()} names it in a failure
 */
final class TimedRequests<K extends Enum<K>> {
    private final HttpClient http;
    private final String base;
    private final String cookie;
    private final BenchPhase phase;
    private final Map<K, long[]> nanos;
    private final Map<K, Integer> counts;
    private long errors;
    private String lastError;
    /** The session's token, which a state-changing request carries; null until known. */
    private String token;

    /** @param cookie the session's cookie, or null in the single-user mode (no sign-in) */
    TimedRequests(HttpClient http, String base, String cookie, Class<K> kinds, BenchPhase phase) {
        this.http = http;
        this.base = base;
        this.cookie = cookie;
        this.phase = phase;
        this.nanos = new EnumMap<>(kinds);
        this.counts = new EnumMap<>(kinds);
        for (K k : kinds.getEnumConstants()) {
            nanos.put(k, new long[256]);
            counts.put(k, 0);
        }
    }

    /** The session's token, sent with each request from now on. */
    void token(String token) {
        this.token = token;
    }

    /** A request to a path of the server ({@code /api/…}), with the session's cookie and token. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (token != null) {
            b.header(WebServer.TOKEN_HEADER, token);
        }
        return b;
    }

    /** Sends a request of the user's preparation, not timed: its answer, whatever its status. */
    HttpResponse<String> untimed(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request, timed as its kind while the phase measures: its JSON answer, or null when it failed. */
    JsonNode send(K kind, HttpRequest.Builder b) {
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
                    lastError = kind + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
                }
            }
            return ok ? Json.mapper().readTree(r.body()) : null;
        } catch (IOException e) {
            if (phase.measuring) {
                errors++;
                lastError = kind + ": " + e;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.running = false;
            return null;
        }
    }

    private void record(K kind, long took) {
        long[] a = nanos.get(kind);
        int n = counts.get(kind);
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            nanos.put(kind, a);
        }
        a[n] = took;
        counts.put(kind, n + 1);
    }

    /** The measured latencies of one kind (read after the user's thread ended). */
    long[] latencies(K kind) {
        return Arrays.copyOf(nanos.get(kind), counts.get(kind));
    }

    /** The measured latencies of every kind. */
    long[] latencies() {
        return nanos.keySet().stream().flatMapToLong(k -> Arrays.stream(latencies(k))).toArray();
    }

    long errors() {
        return errors;
    }

    /** The last failed request's kind and answer, or null. */
    String lastError() {
        return lastError;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

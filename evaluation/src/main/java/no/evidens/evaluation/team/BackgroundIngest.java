package no.evidens.evaluation.team;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.web.WebServer;

/**
 * Keeps an ingest running on the server while the users work: uploads the bundle over HTTP into a new
 * case ({@code <prefix>-1}, {@code -2} …), polls it until it is done, and uploads again, until stopped.
 */
final class BackgroundIngest implements Runnable {
    private final HttpClient http;
    private final String base;
    private final String cookie;
    private final String token;
    private final byte[] zip;
    private final String prefix;
    private volatile boolean running = true;
    private volatile String failure;
    private final List<String> finished = new CopyOnWriteArrayList<>();

    BackgroundIngest(HttpClient http, String base, String cookie, String token, byte[] zip, String prefix) {
        this.http = http;
        this.base = base;
        this.cookie = cookie;
        this.token = token;
        this.zip = zip;
        this.prefix = prefix;
    }

    @Override
    public void run() {
        try {
            for (int n = 1; running; n++) {
                JsonNode job = send(HttpRequest.newBuilder(uri("/api/ingest?case=" + prefix + "-" + n + "&name=bench.zip"))
                        .header("Content-Type", "application/zip").header(WebServer.TOKEN_HEADER, token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip)), 202);
                String id = job.get("id").asText();
                long t0 = System.nanoTime();
                while ("running".equals(job.get("state").asText())) {
                    Thread.sleep(200);
                    job = send(HttpRequest.newBuilder(uri("/api/ingest/" + id)).GET(), 200);
                }
                if (!"done".equals(job.get("state").asText())) {
                    throw new IOException("ingest " + id + " ended " + job.get("state").asText() + ": " + job.get("error"));
                }
                finished.add(String.format(java.util.Locale.ROOT, "%s: %d of %d files in %.0f s", job.get("case").asText(),
                        job.get("done").asInt(), job.get("total").asInt(), (System.nanoTime() - t0) / 1e9));
            }
        } catch (IOException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop after the ingest that runs now. */
    void stop() {
        running = false;
    }

    /** The bundles ingested to the end: case, files, seconds. */
    List<String> finished() {
        return List.copyOf(finished);
    }

    /** Why it stopped early, or null. */
    String failure() {
        return failure;
    }

    private URI uri(String path) {
        return URI.create(base + path.substring(1));
    }

    private JsonNode send(HttpRequest.Builder b, int expected) throws IOException, InterruptedException {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != expected) {
            throw new IOException("the upload answered " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Json.mapper().readTree(r.body());
    }
}

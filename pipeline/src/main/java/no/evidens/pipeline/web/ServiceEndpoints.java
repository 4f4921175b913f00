package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import no.evidens.findings.FindingStore;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexHealth;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StoreServer;
import no.evidens.pipeline.store.StoreTls;

/**
 * Running as a service: {@code GET /health} (is the server up, can it read its index and findings
 * store) and {@code GET /metrics} (Micrometer's Prometheus registry: requests and their latencies by
 * method, API area and status, the ingestion queue, the index's size on disk, the JVM). Wraps the
 * workspace's handler, so every request is timed from its start until its response is complete.
 * Neither endpoint shows anything of a case.
 */
final class ServiceEndpoints extends Handler.Wrapper {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EvidensHome home;
    private final SharedIndex index;
    private final IngestJobs ingest;
    private final StoreOutage outage;

    ServiceEndpoints(Handler workspace, EvidensHome home, SharedIndex index, IngestJobs ingest, StoreOutage outage) {
        super(workspace);
        this.outage = outage;
        this.home = home;
        this.index = index;
        this.ingest = ingest;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        Gauge.builder("evidens.ingest.jobs.running", ingest, IngestJobs::jobsRunning)
                .description("ingestions running (one at a time)").register(registry);
        Gauge.builder("evidens.ingest.files.waiting", ingest, IngestJobs::filesWaiting)
                .description("files of the running ingestion not yet done").register(registry);
        Gauge.builder("evidens.index.size", home, h -> bytes(h.index())).baseUnit("bytes")
                .description("the evidence index on disk").register(registry);
    }

    /**
     * The uploads waiting for the index are no longer looked at once the server stops (they wait in their files); the one
     * running stops at its next file, its work committed, and is kept interrupted ({@link IngestJobs#close}).
     */
    @Override
    protected void doStop() throws Exception {
        ingest.close();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if ("/health".equals(path) || "/metrics".equals(path)) {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                response.setStatus(405);
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
            if ("/health".equals(path)) {
                Map<String, Object> h = health(home, index, JsonErrors.language(request), outage);
                send(response, callback, httpStatus(h), "application/json; charset=utf-8", Json.write(h));
            } else {
                send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
            return true;
        }
        long t0 = System.nanoTime();
        String method = request.getMethod();
        Callback timed = Callback.from(callback, () -> Timer.builder("evidens.http.requests")
                .description("requests to the workspace and its API, until the response is complete")
                .tag("method", method).tag("area", area(path)).tag("status", String.valueOf(response.getStatus()))
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos(System.nanoTime() - t0)));
        return super.handle(request, response, timed);
    }

    /** The API's area ({@code /api/search}, {@code /api/findings}), or {@code static}: few values, so few series. */
    static String area(String path) {
        if (!path.startsWith("/api/")) {
            return "static";
        }
        int next = path.indexOf('/', "/api/".length());
        String a = next < 0 ? path : path.substring(0, next);
        return a.length() > 40 ? "/api/other" : a;
    }

    /**
     * The server's state for operators: the index {@code ok}, {@code none yet}, {@code not answering} or {@code unreadable};
     * the findings store {@code ok, schema N}, {@code none yet} or {@code unavailable}. A clustered index (SolrCloud) is
     * looked at ({@link EvidenceIndex#health()}: bounded, kept for a few seconds): {@code not answering} when a part it
     * needs fails (ZooKeeper, every node, a shard's leader), {@code none yet} without its collection, else {@code ok}; the
     * server is {@code DEGRADED} (not down: sign-in, findings, exports and the trail still work) whenever any part fails,
     * and a {@code detail} says which, what still works and what to do, in {@code language}. The embedded index has no
     * such look: {@code ok} or {@code none yet}, as before.
     */
    static Map<String, Object> health(EvidensHome home, SharedIndex index, Language language) {
        return health(home, index, language, StoreOutage.none());
    }

    /** As above, with the workspace's memory of a store server that timed out ({@link StoreOutage}). */
    static Map<String, Object> health(EvidensHome home, SharedIndex index, Language language, StoreOutage outage) {
        Map<String, Object> out = new LinkedHashMap<>();
        String status = "UP";
        Map<String, Object> detail = null;
        try {
            Optional<IndexHealth> cluster = index.health();
            if (cluster.isPresent()) {
                out.put("index", IndexHealthWords.index(cluster.get()));
                status = IndexHealthWords.status(cluster.get());
                detail = IndexHealthWords.detail(cluster.get(), Texts.of(language));
            } else if (!index.writable()) {
                out.put("index", "not answering");
                status = "DEGRADED";
            } else {
                out.put("index", index.searcherIfAny() == null ? "none yet" : "ok");
            }
        } catch (RuntimeException e) {
            out.put("index", "unreadable");
            status = "DOWN";
        }
        if (outage.known()) {
            // timed out a moment ago: said at once (it is looked at again in the background)
            out.put("findings", "store server not answering");
            status = "DOWN";
        } else if (HomeStores.of(home).hasFindings()) {
            try (FindingStore store = HomeStores.of(home).findings(Duration.ofSeconds(5))) {
                out.put("findings", "ok, schema " + store.schemaVersion());
            } catch (RuntimeException e) {
                // a store server that does not answer (or refuses the password) said as such: the operator's to mend there
                outage.failed(e);
                out.put("findings", no.evidens.pipeline.store.StoreUnreachable.in(e) ? "store server not answering" : "unavailable");
                status = "DOWN";
            }
        } else {
            out.put("findings", "none yet");
        }
        // the store server's certificate as this process last saw it: its end told from 60 days before, so it is renewed in time
        StoreServer server = HomeStores.of(home).server();
        if (server != null && server.tls()) {
            StoreTls.seen(server).ifPresent(e -> out.put("storeCertificate", e.health(Instant.now())));
        }
        out.put("status", status);
        if (detail != null) {
            out.put("detail", detail);
        }
        return out;
    }

    /** 503 only when the server is down (a load balancer takes it out); a degraded one still serves its users: 200. */
    static int httpStatus(Map<String, Object> health) {
        return "DOWN".equals(health.get("status")) ? 503 : 200;
    }

    private static void send(Response response, Callback callback, int status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static long bytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : 0;
                } catch (IOException e) {
                    return 0; // a segment file merged away while counting
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

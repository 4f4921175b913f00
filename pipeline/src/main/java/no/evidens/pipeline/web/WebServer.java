package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * The auditors' web workspace: a JSON REST API under {@code /api/} and the UI (plain HTML, CSS and
 * JavaScript from the jar, nothing from other sites), on the JDK's own HTTP server, bound to the
 * loopback address only.
 *
 * <p>Safety: requests must name this server as their Host (no DNS rebinding); state-changing requests
 * must carry the session's token in {@code X-Evidens-Token} (read from {@code GET /api/session}, which
 * another site's page cannot read) and, when the browser sends an Origin, come from this server's own.
 * Logs hold the method, path, status and time: never query text or document text.
 */
public final class WebServer implements AutoCloseable {
    public static final String TOKEN_HEADER = "X-Evidens-Token";
    /** Default largest upload. */
    public static final long DEFAULT_MAX_UPLOAD = 512L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String STATIC = "/no/evidens/pipeline/web/static/";
    private static final Map<String, String> MEDIA = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    /** How much of a refused request's body is read and dropped so the refusal can be answered. */
    private static final long DISCARD_LIMIT = 64L << 20;
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final HttpServer server;
    private final ExecutorService pool;
    private final EvidenceSearcher searcher;
    private final Workspace workspace;
    private final IngestJobs ingest;
    private final String token;
    private final String user;
    private final Set<String> hosts;

    private WebServer(HttpServer server, EvidensHome home, String user, long maxUpload, Function<EvidensHome, Ingestion> ingestions) {
        this.server = server;
        this.user = user;
        Path synonyms = home.root().resolve(EvidensHome.SYNONYMS);
        // One searcher for the server's life: it opens the index once there is one and sees every later
        // commit (an upload here, or an ingestion from the command line).
        this.searcher = EvidenceSearcher.whenIndexed(home.index(),
                NorwegianAnalysis.queryAnalyzer(Files.isRegularFile(synonyms) ? synonyms : null));
        this.workspace = new Workspace(home, searcher, user);
        this.ingest = new IngestJobs(home, maxUpload, ingestions);
        byte[] t = new byte[32];
        new SecureRandom().nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
        int port = server.getAddress().getPort();
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        this.pool = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
            Thread th = new Thread(r, "evidens-web");
            th.setDaemon(true);
            return th;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts the workspace on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one
     */
    public static WebServer start(EvidensHome home, int port, String user) throws IOException {
        return start(home, port, user, DEFAULT_MAX_UPLOAD, Ingestion::new);
    }

    public static WebServer start(EvidensHome home, int port, String user, long maxUpload,
                                  Function<EvidensHome, Ingestion> ingestions) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, was " + port);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (java.net.BindException e) {
            throw new IllegalStateException("port " + port + " is in use: choose another with --port", e);
        }
        WebServer s = new WebServer(http, home, user, maxUpload, ingestions);
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            searcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index: " + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange http) {
        long t0 = System.nanoTime();
        Exchange x = null;
        try {
            x = new Exchange(http);
            try {
                check(x);
                route(x);
            } catch (ApiError e) {
                x.discardBody(DISCARD_LIMIT);
                x.error(e.status(), e.getMessage());
            } catch (QuerySyntaxException e) {
                x.error(400, e.getMessage());
            } catch (IllegalArgumentException e) {
                x.error(400, Workspace.message(e));
            } catch (IllegalStateException e) {
                x.error(409, Workspace.message(e));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} {} failed: {}", x.method(), x.path(), e.getClass().getName());
                x.error(500, "the server could not do that: " + Workspace.message(e));
            }
        } catch (ApiError e) {
            // the request line itself was malformed
            try {
                http.sendResponseHeaders(400, -1);
            } catch (IOException ignored) {
                // the client is gone
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer: {}", e.getClass().getName());
        } finally {
            http.close();
            if (x != null && x.path().startsWith("/api/")) {
                LOG.info("{} {} {} {} ms", x.method(), x.path(), x.status(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /** The Host must be this server (no DNS rebinding); state-changing requests need the token and our Origin. */
    private void check(Exchange x) {
        String host = x.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ApiError(421, "this workspace answers only at " + url());
        }
        if (!STATE_CHANGING.contains(x.method())) {
            return;
        }
        String origin = x.header("Origin");
        if (origin != null && !hosts.stream().anyMatch(h -> origin.equalsIgnoreCase("http://" + h))) {
            throw new ApiError(403, "requests from another site (" + origin + ") are refused");
        }
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiError(403, "requests from another site are refused");
        }
        String given = x.header(TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(403, "missing or wrong " + TOKEN_HEADER + " header: reload the page (the token comes from GET /api/session)");
        }
    }

    private void route(Exchange x) throws IOException {
        String path = x.path();
        if (!path.startsWith("/api/")) {
            serveStatic(x, path);
            return;
        }
        List<String> p = List.of(path.substring("/api/".length()).split("/"));
        String m = x.method();
        String head = p.get(0);
        switch (head) {
            case "session" -> {
                only(x, "GET", p, 1);
                x.json(200, Map.of("token", token, "user", user, "maxUploadBytes", ingest.maxBytes()));
            }
            case "cases" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.cases());
            }
            case "search" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.search(x));
            }
            case "passage" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.passage(x));
            }
            case "like" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.like(x));
            }
            case "document" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.document(x));
            }
            case "overview" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.overview(x));
            }
            case "history" -> {
                only(x, "GET", p, 1);
                x.json(200, workspace.history(Workspace.caseParam(x.required("case"))));
            }
            case "export" -> {
                only(x, "GET", p, 1);
                Workspace.Download d = workspace.export(x);
                x.send(200, d.contentType(), d.bytes(), d.name());
            }
            case "findings" -> findings(x, p, m);
            case "evidence" -> evidence(x, p, m);
            case "ingest" -> {
                if (p.size() == 1) {
                    allow(x, "POST");
                    x.json(202, ingest.upload(x).view());
                } else if (p.size() == 2) {
                    allow(x, "GET");
                    x.json(200, ingest.job(p.get(1)).view());
                } else {
                    throw ApiError.notFound("no such API path: " + path);
                }
            }
            default -> throw ApiError.notFound("no such API path: " + path);
        }
    }

    /** {@code /api/findings[?case=]}, {@code /api/findings/{case}/{ref}[/evidence]}. */
    private void findings(Exchange x, List<String> p, String m) throws IOException {
        if (p.size() == 1) {
            allow(x, "GET", "POST");
            if (m.equals("POST")) {
                x.json(201, workspace.createFinding(x.jsonBody()));
            } else {
                x.json(200, workspace.findings(Workspace.caseParam(x.required("case"))));
            }
            return;
        }
        if (p.size() < 3 || p.size() > 4) {
            throw ApiError.notFound("no such API path: " + x.path() + " (findings are /api/findings/{case}/{ref})");
        }
        String caseId = Workspace.caseParam(p.get(1));
        String ref = p.get(2);
        if (p.size() == 4) {
            if (!p.get(3).equals("evidence")) {
                throw ApiError.notFound("no such API path: " + x.path());
            }
            allow(x, "POST");
            x.json(201, workspace.attach(caseId, ref, x.jsonBody()));
            return;
        }
        allow(x, "GET", "PATCH", "DELETE");
        switch (m) {
            case "PATCH" -> x.json(200, workspace.editFinding(caseId, ref, x.jsonBody()));
            case "DELETE" -> {
                workspace.deleteFinding(caseId, ref);
                x.noContent();
            }
            default -> x.json(200, workspace.finding(caseId, ref));
        }
    }

    /** {@code /api/evidence/{case}/{id}}: PATCH moves, DELETE detaches. */
    private void evidence(Exchange x, List<String> p, String m) throws IOException {
        if (p.size() != 3) {
            throw ApiError.notFound("no such API path: " + x.path() + " (quotations are /api/evidence/{case}/{id})");
        }
        String caseId = Workspace.caseParam(p.get(1));
        long id;
        try {
            id = Long.parseLong(p.get(2).replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + p.get(2) + "' is not a quotation id (a number, like 12)");
        }
        allow(x, "PATCH", "DELETE");
        if (m.equals("DELETE")) {
            x.json(200, workspace.detach(caseId, id));
        } else {
            x.json(200, workspace.move(caseId, id, x.jsonBody()));
        }
    }

    private static void only(Exchange x, String method, List<String> p, int size) {
        if (p.size() != size) {
            throw ApiError.notFound("no such API path: " + x.path());
        }
        allow(x, method);
    }

    private static void allow(Exchange x, String... methods) {
        List<String> ok = List.of(methods);
        String m = x.method();
        if (!ok.contains(m) && !(m.equals("HEAD") && ok.contains("GET"))) {
            x.http().getResponseHeaders().set("Allow", String.join(", ", ok));
            throw new ApiError(405, "method " + m + " is not allowed on " + x.path() + ": use " + String.join(" or ", ok));
        }
    }

    private void serveStatic(Exchange x, String path) throws IOException {
        allow(x, "GET");
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!name.matches("[a-z0-9-]+\\.(html|css|js|svg|png|ico)")) {
            throw ApiError.notFound("no such page: " + path);
        }
        try (InputStream in = WebServer.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                throw ApiError.notFound("no such page: " + path);
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            x.send(200, MEDIA.get(ext), in.readAllBytes(), null);
        }
    }
}

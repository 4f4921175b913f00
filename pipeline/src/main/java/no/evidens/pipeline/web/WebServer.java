package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import no.evidens.index.EvidenceIndex;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * The auditors' web workspace: a JSON REST API under {@code /api/} and the UI (plain HTML, CSS and
 * JavaScript from the jar, nothing from other sites), bound to the loopback address only.
 *
 * <p>On Jetty 12's core API (no servlets), not Javalin: the workspace needs a route table, blocking
 * handlers and its own JSON errors, which Jetty's core gives in a few small classes, without Javalin's
 * Kotlin runtime and servlet layer in the product jar.
 *
 * <p>Safety ({@link RequestGuard}): requests must name this server as their Host (no DNS rebinding);
 * state-changing requests must carry the session's token in {@code X-Evidens-Token} (read from
 * {@code GET /api/session}, which another site's page cannot read) and, when the browser sends an
 * Origin, come from this server's own.
 */
public final class WebServer implements AutoCloseable {
    public static final String TOKEN_HEADER = "X-Evidens-Token";
    /** Default largest upload. */
    public static final long DEFAULT_MAX_UPLOAD = WebConfig.DEFAULT_MAX_UPLOAD;

    private final Server server;
    private final ServerConnector connector;
    private final EvidenceIndex searcher;

    private WebServer(Server server, ServerConnector connector, EvidenceIndex searcher) {
        this.server = server;
        this.connector = connector;
        this.searcher = searcher;
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
        return start(home, WebConfig.defaults(port, maxUpload), user, ingestions);
    }

    /** Starts the workspace on 127.0.0.1 with these settings. */
    public static WebServer start(EvidensHome home, WebConfig config, String user,
                                  Function<EvidensHome, Ingestion> ingestions) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), config.minThreads(),
                (int) config.idleTimeout().toMillis());
        pool.setName("evidens-web");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(config.acceptQueue());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrors());
        try {
            connector.open();
        } catch (IOException e) {
            connector.close();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IllegalStateException("port " + config.port() + " is in use: choose another with --port", e);
            }
            throw e;
        }
        // One searcher for the server's life: it opens the index once there is one and sees every later
        // commit (an upload here, or an ingestion from the command line).
        EvidenceIndex searcher = IndexBackend.of(home).whenIndexed();
        try {
            server.setHandler(handler(home, config, user, ingestions, searcher, connector.getLocalPort()));
            server.start();
        } catch (Exception e) {
            closeQuietly(searcher);
            stop(server);
            throw e instanceof IOException io ? io : new IOException("the web server did not start: " + e.getMessage(), e);
        }
        return new WebServer(server, connector, searcher);
    }

    private static ApiHandler handler(EvidensHome home, WebConfig config, String user, Function<EvidensHome, Ingestion> ingestions,
                                      EvidenceIndex searcher, int port) {
        byte[] t = new byte[32];
        new SecureRandom().nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        SharedIndex index = new SharedIndex(searcher);
        FindingsService findings = new FindingsService(home, index, Duration.ofSeconds(20));
        IngestJobs ingest = new IngestJobs(home, config.maxUploadBytes(), ingestions);
        Routes routes = new Routes().register(
                new SessionResource(token, user, ingest.maxBytes()),
                new CasesResource(home, findings),
                new SearchResource(index, findings),
                new PassagesResource(index, findings),
                new DocumentsResource(index, findings),
                new OverviewResource(home, index),
                new FindingsResource(findings, user),
                new EvidenceResource(findings, user),
                new HistoryResource(findings),
                new ExportResource(home, findings, user),
                new IngestResource(ingest),
                new StaticFiles());
        return new ApiHandler(new RequestGuard(token, port), routes);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        stop(server);
        try {
            searcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EvidenceIndex searcher) {
        try {
            searcher.close();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(WebServer.class).debug("closing the index: {}", e.getClass().getName());
        }
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a server that did not fully start: nothing more to release.
            org.slf4j.LoggerFactory.getLogger(WebServer.class).debug("stopping the web server: {}", e.getClass().getName());
        }
    }
}

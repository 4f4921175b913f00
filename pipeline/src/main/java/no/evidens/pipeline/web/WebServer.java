package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import no.evidens.access.Sessions;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.findings.TrailWriter;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StorePools;
import no.evidens.pipeline.group.GroupService;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.page.PageImages;
import no.evidens.pipeline.search.SavedSearchService;
import no.evidens.pipeline.search.SearchScope;

/**
 * The auditors' web workspace: a JSON REST API under {@code /api/} and the UI (plain HTML, CSS and
 * JavaScript from the jar, nothing from other sites). By default one person on the loopback address;
 * with sign-in ({@link Exposure}) a team, each seeing only the cases they belong to ({@link CaseAccess}).
 *
 * <p>On Jetty 12's core API (no servlets), not Javalin: the workspace needs a route table, blocking
 * handlers and its own JSON errors, which Jetty's core gives in a few small classes, without Javalin's
 * Kotlin runtime and servlet layer in the product jar.
 *
 * <p>Safety ({@link RequestGuard}): requests must name this server as their Host (no DNS rebinding);
 * state-changing requests must carry the session's token in {@code X-Evidens-Token} (read from
 * {@code GET /api/session}, which another site's page cannot read) and, when the browser sends an
 * Origin, come from this server's own. Limits ({@link WebConfig}): a bounded pool, read/idle timeouts, a
 * least data rate, bounded connections, and a few permits for requests that send a body, so slow
 * uploads cannot starve searches.
 */
public final class WebServer implements AutoCloseable {
    public static final String TOKEN_HEADER = "X-Evidens-Token";
    /** Default largest upload. */
    public static final long DEFAULT_MAX_UPLOAD = WebConfig.DEFAULT_MAX_UPLOAD;

    /** How long a session lives without a request, and at the longest. */
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    static final Duration SESSION_MAX = Duration.ofHours(10);
    /** How long a request waits for another process that has the findings store open. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(20);

    private final Server server;
    private final ServerConnector connector;
    private final EvidenceIndex searcher;
    private final TrailWriter trail;
    private final String url;
    private final CompletableFuture<IndexUnreachableException> warmup;
    /** The store server's connections kept between requests, closed when the server stops. */
    private final StorePools pools;

    private WebServer(Server server, ServerConnector connector, EvidenceIndex searcher, TrailWriter trail, String url,
                      CompletableFuture<IndexUnreachableException> warmup, StorePools pools) {
        this.pools = pools;
        this.server = server;
        this.connector = connector;
        this.searcher = searcher;
        this.trail = trail;
        this.url = url;
        this.warmup = warmup;
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

    /** Starts the workspace on 127.0.0.1 with these settings, for one person. */
    public static WebServer start(EvidensHome home, WebConfig config, String user,
                                  Function<EvidensHome, Ingestion> ingestions) throws IOException {
        return start(home, config, Exposure.local(), user, ingestions);
    }

    /**
     * Starts the workspace with these settings where the exposure says.
     *
     * @param user the local user of the single-user mode (ignored with sign-in)
     */
    public static WebServer start(EvidensHome home, WebConfig config, Exposure exposure, String user,
                                  Function<EvidensHome, Ingestion> ingestions) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), config.minThreads(),
                (int) config.idleTimeout().toMillis());
        pool.setName("evidens-web");
        pool.setDaemon(true);
        Server server = new Server(pool);
        ServerConnector connector = Connectors.connector(server, config, exposure);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
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
        // The audit trail's one writer for the server's life: requests wait for their line, written in group commits.
        TrailWriter trail = TrailWriter.of(HomeStores.of(home), home.root().resolve(AuditService.CHAIN_FILE), STORE_WAIT);
        // Warmed while the index opens (they do not depend on each other): the findings store and the trail.
        Thread storeWarmup = Warmup.store(trail);
        // A request takes a kept connection to the store server, not a new one (and its sign-in, and TLS handshake)
        StorePools pools = StorePools.open();
        try {
            // Open the index now, before the server says it is ready, rather than on the first search: its first
            // snapshot counts the facet signatures of every segment, seconds at a million passages (bench web).
            searcher.hasIndex();
            RequestGuard guard = new RequestGuard(exposure, connector.getLocalPort());
            SharedIndex index = new SharedIndex(searcher);
            FindingsService findings = new FindingsService(home, index, STORE_WAIT).withTrailWriter(trail);
            // A body that trickles in slower than the minimum data rate is cut off, however long the idle timeout.
            server.setHandler(new org.eclipse.jetty.server.handler.MinimumDataRateHandler(
                    handler(home, config, exposure, guard, user, ingestions, index, findings), config.minDataRate(), 0));
            server.start();
            // Before the server says it is ready: the first person's search should not pay for the first search.
            boolean plainLoopback = !exposure.tls() && (exposure.wildcard() || Exposure.loopback(exposure.host()));
            CompletableFuture<IndexUnreachableException> warmup = Warmup.start(index, findings, storeWarmup,
                    plainLoopback ? connector.getLocalPort() : -1);
            Warmup.await(warmup, IndexBackend.of(home).isSolr());
            return new WebServer(server, connector, searcher, trail, guard.url(), warmup, pools);
        } catch (Exception e) {
            trail.close();
            closeQuietly(searcher);
            stop(server);
            pools.close();
            throw e instanceof IOException io ? io : new IOException("the web server did not start: " + e.getMessage(), e);
        }
    }

    private static Handler handler(EvidensHome home, WebConfig config, Exposure exposure, RequestGuard guard, String user,
                                      Function<EvidensHome, Ingestion> ingestions, SharedIndex index, FindingsService findings) {
        IngestJobs ingest = new IngestJobs(home, ingestions, UploadRetries.probe(index), UploadRetries.every());
        IngestUploads uploads = new IngestUploads(home, config.maxUploadBytes(), ingest);
        Accounts accounts = new Accounts(HomeStores.of(home).accessOpener(Duration.ofSeconds(15)), Clock.systemUTC());
        CasesResource cases = new CasesResource(home, findings, accounts);
        SavedSearchService savedSearches = new SavedSearchService(home, Duration.ofSeconds(20));
        SearchScope scope = new SearchScope(home);
        SearchChecks checks = new SearchChecks(scope);
        CaseService lifecycle = new CaseService(home, Duration.ofSeconds(20));
        Routes routes = new Routes().register(
                new SessionResource(exposure.signIn(), uploads.maxBytes()),
                cases,
                new MembersResource(accounts, findings.audit(), lifecycle, cases),
                new SearchResource(index, findings, checks),
                new PassagesResource(index, findings),
                new DocumentsResource(index, findings),
                new PageResource(index, findings, new Receipts(home.receipts()), new PageImages(home)),
                new OverviewResource(home, index),
                new FindingsResource(findings, cases::exists),
                new EvidenceResource(findings),
                new HistoryResource(findings),
                new AuditResource(findings.audit(), index),
                new ExportResource(findings, savedSearches),
                new GroupsResource(home, new GroupService(home, index, findings, Duration.ofSeconds(20)), findings),
                new IngestResource(ingest, uploads, cases),
                new CaseStateResource(lifecycle),
                new VerifyResource(new QuotationChecks((caseId, by, progress) -> findings.reports().check(caseId, null, by, progress),
                        caseId -> findings.reports().lastCheck(caseId), caseId -> findings.reports().failedCheck(caseId)), findings),
                new TextsResource(home, accounts),
                new SavedSearchesResource(index, savedSearches, checks),
                new BatchResource(index, scope),
                new InboxResource(home),
                new StaticFiles());
        Gate gate;
        if (exposure.signIn()) {
            Sessions sessions = new Sessions(HomeStores.of(home).accessOpener(Duration.ofSeconds(15)), Clock.systemUTC(), SESSION_IDLE, SESSION_MAX);
            boolean secure = exposure.tls() || (exposure.publicUrl() != null && "https".equals(exposure.publicUrl().getScheme()));
            routes.register(new SignInResource(sessions, accounts, secure, exposure.oidc() != null, findings.audit()));
            if (exposure.oidc() != null) {
                routes.register(new OidcResource(exposure.oidc(), guard.url(), sessions, accounts, secure, findings.audit()));
            }
            gate = Gate.sessions(sessions, accounts);
        } else {
            byte[] t = new byte[32];
            new SecureRandom().nextBytes(t);
            gate = Gate.local(user, HexFormat.of().formatHex(t));
        }
        // with sign-in, each member (and each address before sign-in) has a share of the body slots; alone, the one user has all
        StoreOutage outage = new StoreOutage(Clock.systemUTC(), () -> HomeStores.of(home).findings(STORE_WAIT).close(),
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "evidens-store-look");
                    t.setDaemon(true);
                    return t;
                }));
        return new ServiceEndpoints(new ApiHandler(guard, gate, routes, config.maxBodyRequests(), exposure.signIn() ? config.bodyShare() : 0,
                new SearchAdmission(config.searches(), config.searchWait()), outage), home, index, ingest, outage);
    }

    /**
     * The warm-up's first search, which the server waited for unless the index is remote and did not answer at once:
     * when done, null if the index answered (or there was nothing to search), else why it did not.
     */
    public CompletableFuture<IndexUnreachableException> warmup() {
        return warmup;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address people open (the public one when set). */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        stop(server);
        // after the server: every request it answered has its trail line by now; this lets the store go
        trail.close();
        pools.close();
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

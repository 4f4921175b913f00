package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.UserNotes;
import no.evidens.pipeline.ingest.KeptWorkers;
import no.evidens.access.AccessStore;
import no.evidens.pipeline.web.Exposure;
import no.evidens.pipeline.web.WebConfig;
import no.evidens.pipeline.web.WebServer;
import no.evidens.pipeline.store.HomeStores;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web workspace: search, read, attach quotations to findings, export the report, upload bundles.",
                "By default for one person on this machine (127.0.0.1, no sign-in). For a team: --sign-in "
                        + "(accounts from evidens user, roles from evidens member), then --host and TLS or a reverse proxy.",
                "Stop it with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    /**
     * How long the uploads' Tika worker is kept after an upload's ingestion ended: the next of a run of uploads (the
     * bundles of one audit, sent one after another) reads at once, where each started a worker (seconds, a CPU second or
     * two); an idle server holds no worker's memory after it.
     */
    static final Duration UPLOAD_WORKER_IDLE = Duration.ofMinutes(3);
    /** The largest share of body slots one member may have: all of the server's (no share at all past it). */
    static final int MAX_BODY_SHARE = WebConfig.defaults(0, WebConfig.DEFAULT_MAX_UPLOAD).maxBodyRequests();

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port (default: 8080; 0 for any free port).")
    int port;

    @Option(names = "--sign-in", description = "Accounts and roles per case: each user signs in and sees only their cases.")
    boolean signIn;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: 127.0.0.1; 0.0.0.0 for all). Anything but loopback needs --sign-in.")
    String host;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve https with the certificate in this keystore (PKCS#12 or JKS); its password from $EVIDENS_TLS_PASSWORD.")
    Path tlsKeystore;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address people open, when it is another name or a reverse proxy's (e.g. https://evidens.kommune.no/).")
    java.net.URI publicUrl;

    @Option(names = "--behind-proxy", description = "Trust the reverse proxy's Forwarded / X-Forwarded-* headers (bind to 127.0.0.1 then). Needs --sign-in.")
    boolean behindProxy;

    @Option(names = "--oidc-issuer", paramLabel = "URL",
            description = "Also sign in through this OpenID Connect provider (Entra ID, ID-porten …); needs --oidc-client-id and $EVIDENS_OIDC_SECRET.")
    java.net.URI oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "This workspace's client id at the OpenID Connect provider.")
    String oidcClientId;

    @Option(names = "--user", paramLabel = "NAME", description = "Who makes the changes, for the findings' history (default: $USER).")
    String user;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "512",
            description = "The largest bundle (.zip) that may be uploaded, in MB (default: 512).")
    int maxUploadMb;

    @Option(names = "--searches", paramLabel = "N", defaultValue = "${env:EVIDENS_SEARCHES:-0}",
            description = "Searches (and documents, overviews, batch searches) run at once; the others wait their turn "
                    + "(default: $EVIDENS_SEARCHES, else the number of processors).")
    int searches;

    @Option(names = "--search-wait", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long a search may wait for its turn before it is refused with 503 (default: 20).")
    int searchWait;

    @Option(names = "--body-share", paramLabel = "N", defaultValue = "2",
            description = "With --sign-in: uploads and edits one member (or one address before sign-in) may send at once; "
                    + "the next is refused with 429 (1 to 8, the server's body slots; default: 2).")
    int bodyShare;

    @Override
    public Integer call() throws Exception {
        if (maxUploadMb < 1 || maxUploadMb > 64 * 1024) {
            throw new IllegalArgumentException("--max-upload-mb must be between 1 and 65536, was " + maxUploadMb);
        }
        if (searches < 0 || searches > 1024 || searchWait < 1 || searchWait > 3600) {
            throw new IllegalArgumentException("--searches must be between 1 and 1024 (0: the processors) and --search-wait "
                    + "between 1 and 3600 seconds, were " + searches + " and " + searchWait);
        }
        if (bodyShare < 1 || bodyShare > MAX_BODY_SHARE) {
            // in English, as every other usage error of the command line
            throw new IllegalArgumentException("--body-share must be a whole number from 1 to " + MAX_BODY_SHARE
                    + " (uploads or edits one member may send at once), was " + bodyShare);
        }
        EvidensHome h = home.resolve().withNotes(UserNotes.LOG); // a server's notes go to its log, with the time
        Exposure exposure = new Exposure(host, signIn, tlsKeystore, tlsKeystore == null ? null : System.getenv("EVIDENS_TLS_PASSWORD"),
                publicUrl, behindProxy, oidcIssuer == null ? null
                        : new Exposure.Oidc(oidcIssuer, oidcClientId, System.getenv("EVIDENS_OIDC_SECRET")));
        if (exposure.tls()) {
            checkKeystore(tlsKeystore, exposure.tlsPassword());
        }
        if (signIn) {
            try (AccessStore s = HomeStores.of(h).access(Duration.ofSeconds(30))) {
                if (s.users().isEmpty()) {
                    throw new IllegalArgumentException("sign-in is on but there are no users yet: add one with evidens user add NAME --admin");
                }
            }
        }
        if (exposure.warning() != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("evidens: warning: " + exposure.warning());
            err.flush();
        }
        WebConfig config = WebConfig.defaults(port, (long) maxUploadMb << 20);
        config = config.withSearches(searches == 0 ? config.searches() : searches, Duration.ofSeconds(searchWait))
                .withBodyShare(bodyShare);
        serve(spec.commandLine().getOut(), spec.commandLine().getErr(), h, config, exposure, FindingsOptions.user(user));
        return 0;
    }

    /** Starts the workspace, prints its address and runs until the process is stopped. */
    static void serve(PrintWriter out, EvidensHome h, int port, String user, long maxUpload) throws Exception {
        serve(out, out, h, WebConfig.defaults(port, maxUpload), Exposure.local(), user);
    }

    static void serve(PrintWriter out, PrintWriter err, EvidensHome h, WebConfig config, Exposure exposure, String user)
            throws Exception {
        // Threads, timeouts and the accept queue: WebConfig's defaults, the one place they are set.
        // One Tika worker for the uploads that follow each other, stopped after a while without one (KeptWorkers)
        KeptWorkers workers = KeptWorkers.stoppedAfterIdle(UPLOAD_WORKER_IDLE);
        WebServer server;
        try {
            server = WebServer.start(h, config, exposure, user, workers::ingestion);
        } catch (Exception | Error e) {
            workers.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                try {
                    server.close(); // a running upload stops at its next file, committed, and is kept interrupted
                } finally {
                    workers.close();
                }
            } finally {
                Workers.end();
                stopped.countDown();
            }
        }, "evidens-web-stop"));
        out.println("Evidens workspace for " + h.root() + " at " + server.url() + (exposure.signIn() ? " with sign-in" : "")
                + "  (Ctrl-C stops it)");
        out.flush();
        // a SolrCloud cluster that did not answer the warm-up at once: said after the address, and again when it ends
        IndexNotice.follow(server.warmup(), err);
        stopped.await();
    }

    /**
     * Opens the keystore once before the server starts, so that a wrong password or a file that is no keystore is said
     * with the file's name and where its password came from, not as the JDK's bare «keystore password was incorrect».
     */
    static void checkKeystore(Path file, String password) {
        try {
            KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open the keystore " + file + " with the password in EVIDENS_TLS_PASSWORD: "
                    + e.getMessage(), e);
        }
    }
}

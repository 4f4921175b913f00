package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.web.WebConfig;
import no.evidens.pipeline.web.WebServer;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web workspace on this machine (127.0.0.1 only): search, read, attach quotations to",
                "findings, export the report, upload bundles. Stop it with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port on 127.0.0.1 (default: 8080; 0 for any free port).")
    int port;

    @Option(names = "--user", paramLabel = "NAME", description = "Who makes the changes, for the findings' history (default: $USER).")
    String user;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "512",
            description = "The largest bundle (.zip) that may be uploaded, in MB (default: 512).")
    int maxUploadMb;

    @Override
    public Integer call() throws Exception {
        if (maxUploadMb < 1 || maxUploadMb > 64 * 1024) {
            throw new IllegalArgumentException("--max-upload-mb must be between 1 and 65536, was " + maxUploadMb);
        }
        EvidensHome h = home.resolve();
        serve(spec.commandLine().getOut(), h, port, user(user), (long) maxUploadMb << 20);
        return 0;
    }

    static String user(String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String env = System.getenv("USER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name", "unknown");
    }

    /** Starts the workspace, prints its address and runs until the process is stopped. */
    static void serve(PrintWriter out, EvidensHome h, int port, String user, long maxUpload) throws Exception {
        // Threads, timeouts and the accept queue: WebConfig's defaults, the one place they are set.
        WebServer server = WebServer.start(h, WebConfig.defaults(port, maxUpload), user, Ingestion::new);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "evidens-web-stop"));
        out.println("Evidens workspace for " + h.root() + " at " + server.url() + "  (Ctrl-C stops it)");
        out.flush();
        stopped.await();
    }
}

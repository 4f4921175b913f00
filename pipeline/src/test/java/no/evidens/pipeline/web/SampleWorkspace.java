package no.evidens.pipeline.web;

import java.nio.file.Path;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * A copy of the shared ingested sample home ({@link SampleHome}) for one test class (so its findings are
 * its own), with a workspace server on a free port of 127.0.0.1.
 */
final class SampleWorkspace implements AutoCloseable {
    final Path root;
    final EvidensHome home;
    WebServer server;

    private SampleWorkspace(Path root, WebServer server) {
        this.root = root;
        this.home = new EvidensHome(root);
        this.server = server;
    }

    /** A fresh copy of the ingested sample home, served with the given upload limit. */
    static SampleWorkspace start(long maxUpload) throws Exception {
        EvidensHome home = SampleHome.shared().copy();
        return new SampleWorkspace(home.root(), WebServer.start(home, 0, "testar", maxUpload, Ingestion::new));
    }

    /** As {@link #start(long)}, with {@code before} done to the copied home before the server starts on it. */
    static SampleWorkspace start(long maxUpload, java.util.function.Consumer<EvidensHome> before) throws Exception {
        EvidensHome home = SampleHome.shared().copy();
        before.accept(home);
        return new SampleWorkspace(home.root(), WebServer.start(home, 0, "testar", maxUpload, Ingestion::new));
    }

    /** Stops the server and starts a new one on the same home (a restart; another free port), {@code between} done meanwhile. */
    void restart(java.util.function.Consumer<EvidensHome> between) throws Exception {
        server.close();
        between.accept(home);
        server = WebServer.start(home, 0, "testar", WebServer.DEFAULT_MAX_UPLOAD, Ingestion::new);
    }

    String url() {
        return server.url();
    }

    static void delete(Path top) {
        SampleHome.delete(top);
    }

    @Override
    public void close() {
        server.close();
        delete(root);
    }
}

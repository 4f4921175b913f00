package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;

/**
 * The sample bundle ingested once per test run; each test class gets its own copy of that home (so its
 * findings are its own) with a workspace server on a free port of 127.0.0.1.
 */
final class SampleWorkspace implements AutoCloseable {
    private static Path template;

    final Path root;
    final EvidensHome home;
    final WebServer server;

    private SampleWorkspace(Path root, WebServer server) {
        this.root = root;
        this.home = new EvidensHome(root);
        this.server = server;
    }

    private static synchronized Path template() throws Exception {
        if (template == null) {
            Path dir = Files.createTempDirectory("evidens-web-template");
            Path bundle = dir.resolve("sample-bundle");
            SampleBundle.writeTo(bundle);
            EvidensHome home = new EvidensHome(dir.resolve("home"));
            new Ingestion(home).ingest(SampleBundle.CASE_ID, "Fjordvik", bundle, ProgressListener.NONE);
            template = home.root();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        return template;
    }

    /** A fresh copy of the ingested sample home, served with the given upload limit. */
    static SampleWorkspace start(long maxUpload) throws Exception {
        Path root = Files.createTempDirectory("evidens-web-home");
        copy(template(), root);
        return new SampleWorkspace(root, WebServer.start(new EvidensHome(root), 0, "testar", maxUpload, Ingestion::new));
    }

    String url() {
        return server.url();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("write.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void delete(Path top) {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        delete(root);
    }
}

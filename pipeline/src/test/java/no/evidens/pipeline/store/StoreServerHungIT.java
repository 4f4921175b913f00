package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.cli.EvidensCli;
import no.evidens.pipeline.web.WebServer;

/**
 * A store server that hangs (its process stopped with SIGSTOP: the port still takes connections, nothing answers) is said by a
 * command and by the workspace within seconds, as a stopped one is, and used again once it runs on.
 */
class StoreServerHungIT {
    private static final String PASSWORD = "testpassord-for-lagertjeneren";
    private static final String CASE = "testkommune-2026";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ssl"})
    // in a thread of its own, so that a hang fails the test rather than stalling the build
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHungStoreServerIsSaidWithinSecondsAndUsedAgainWhenItRunsOn(String scheme) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EvidensCli.class.getName(), "store", "serve", "--dir",
                tmp.resolve("server").toString(), "--port", String.valueOf(port), scheme.equals("ssl") ? "--tls" : "--bind=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile());
        pb.environment().put(StorePassword.ENV, PASSWORD);
        Process server = pb.start();
        try {
            awaitPort(port, server);
            Path root = Files.createDirectories(tmp.resolve("a"));
            Files.writeString(root.resolve(HomeStores.SETTINGS), "store: " + scheme + "://127.0.0.1:" + port + "\n");
            if (scheme.equals("ssl")) {
                // H2's TLS socket gets no read timeout of H2's own: this is the one StoreTls gives it
                Files.copy(tmp.resolve("server").resolve(StoreTls.CERTIFICATE), root.resolve(StoreTls.CERTIFICATE));
            }
            Path file = root.resolve(StorePassword.FILE);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, PASSWORD + "\n");
            EvidensHome a = new EvidensHome(root);
            try (FindingStore s = HomeStores.of(a).findings(Duration.ofSeconds(20))) {
                s.create(CASE, FindingKind.AVVIK, new FindingDraft("Mangler skriftlig rutine", List.of(), null, null), "kari");
            }
            try (WebServer web = WebServer.start(a, 0, "testar")) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest findings = HttpRequest.newBuilder(URI.create(web.url() + "api/findings?case=" + CASE)).build();
                assertEquals(200, http.send(findings, HttpResponse.BodyHandlers.ofString()).statusCode());

                signal("STOP", server);
                long t0 = System.nanoTime();
                // the workspace and a command at once: each waits for its own answer
                CompletableFuture<HttpResponse<String>> web503 = http.sendAsync(findings, HttpResponse.BodyHandlers.ofString());
                StringWriter err = new StringWriter();
                CommandLine cli = EvidensCli.commandLine();
                cli.setErr(new PrintWriter(err));
                int exit = cli.execute("finding", "list", "--home", root.toString(), "--case", CASE);
                HttpResponse<String> answer = web503.get();
                long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();

                assertEquals(1, exit, err.toString());
                assertTrue(err.toString().startsWith("evidens: the store server " + scheme + "://127.0.0.1:" + port + " does not answer within 12 s"), err.toString());
                assertEquals(503, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("Lagertjeneren for funn og brukere svarer ikke nå"), answer.body());
                assertTrue(seconds < 25, "said within the network timeout, not after a hang: " + seconds + " s");

                signal("CONT", server);
                HttpResponse<String> again = http.send(findings, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, again.statusCode(), again.body());
                assertTrue(again.body().contains("Mangler skriftlig rutine"), again.body());
            }
        } finally {
            signal("CONT", server);
            server.destroyForcibly().waitFor();
        }
    }

    private static void signal(String name, Process p) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor(), "kill -" + name);
    }

    private static void awaitPort(int port, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the store server stopped at its start");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the store server did not listen within 30 s");
    }
}

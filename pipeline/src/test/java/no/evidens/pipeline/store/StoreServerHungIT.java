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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.cli.EvidensCli;
import no.evidens.pipeline.fixture.ChildJvm;
import no.evidens.pipeline.web.WebServer;

/**
 * A store server that hangs (its process stopped with SIGSTOP: the port still takes connections, nothing answers) is said by a
 * command and by the workspace within seconds, as a stopped one is, and used again once it runs on.
 */
class StoreServerHungIT {
    private static final String PASSWORD = "testpassord-for-lagertjeneren";
    private static final String CASE = "testkommune-2026";
    /**
     * The wait for the hung server's answer in these tests ({@link StoreServer#NETWORK_TIMEOUT_PROPERTY}), two thirds of the
     * product's 12 s: each case waits it out, and what is proved (the first request given up on and named, the second told at
     * once after a third of it, no request waiting again) does not depend on its length. Not shorter: the second request is
     * asked a third of it plus half a second after the first and must be answered before the first gives up; at 6 s, under
     * a load of 28 on 2 cores, the second was looked at 5.2 s after the first (the class's first case, its JVM cold).
     */
    private static final int TIMEOUT_MS = 8_000;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ssl"})
    // in a thread of its own, so that a hang fails the test rather than stalling the build
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHungStoreServerIsSaidWithinSecondsAndUsedAgainWhenItRunsOn(String scheme) throws Exception {
        int port = freePort();
        Process server = serve(port, scheme.equals("ssl") ? "--tls" : "--bind=127.0.0.1");
        // read by this JVM's command and workspace below as each makes a connection (the server, a process of its own, waits
        // for no answer)
        System.setProperty(StoreServer.NETWORK_TIMEOUT_PROPERTY, String.valueOf(TIMEOUT_MS));
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
                // the command once while the server answers: its classes loaded here, not in the seconds between the two
                // requests below, where on a loaded machine their loading held the second back past the first's time-out
                CommandLine warm = EvidensCli.commandLine();
                warm.setOut(new PrintWriter(new StringWriter()));
                assertEquals(0, warm.execute("finding", "list", "--home", root.toString(), "--case", CASE));

                signal("STOP", server);
                long t0 = System.nanoTime();
                // the workspace and a command at once: each waits for its own answer
                CompletableFuture<HttpResponse<String>> web503 = http.sendAsync(findings, HttpResponse.BodyHandlers.ofString());
                StringWriter err = new StringWriter();
                CommandLine cli = EvidensCli.commandLine();
                cli.setErr(new PrintWriter(err));
                CompletableFuture<Integer> command = CompletableFuture.supplyAsync(
                        () -> cli.execute("finding", "list", "--home", root.toString(), "--case", CASE));

                // a second request while the first still waits: the first's check has waited seconds, so this one is told at once
                Thread.sleep(StoreChecks.hung().toMillis() + 500);
                long t3 = System.nanoTime();
                HttpResponse<String> second = http.send(findings, HttpResponse.BodyHandlers.ofString());
                long secondMs = Duration.ofNanos(System.nanoTime() - t3).toMillis();
                assertEquals(503, second.statusCode(), second.body());
                assertTrue(second.body().contains("Lagertjeneren for funn og brukere svarer ikke nå"), second.body());
                assertTrue(secondMs < 2_000, "the second request told at once, not after its own time-out: " + secondMs + " ms");
                assertTrue(!web503.isDone(), "the second was answered before the first's time-out");

                int exit = command.get();
                HttpResponse<String> answer = web503.get();
                long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();

                assertEquals(1, exit, err.toString());
                assertTrue(err.toString().startsWith("evidens: the store server " + scheme + "://127.0.0.1:" + port + " does not answer within " + TIMEOUT_MS / 1000 + " s"), err.toString());
                assertEquals(503, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("Lagertjeneren for funn og brukere svarer ikke nå"), answer.body());
                assertTrue(seconds < TIMEOUT_MS / 1000 + 13, "said within the network timeout, not after a hang: " + seconds + " s");

                // the workspace remembers the time-out: many clicks meanwhile are answered at once, none waits it out again
                long t1 = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> clicks = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    clicks.add(http.sendAsync(findings, HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> click : clicks) {
                    HttpResponse<String> r = click.get();
                    assertEquals(503, r.statusCode(), r.body());
                    assertTrue(r.body().contains("Lagertjeneren for funn og brukere svarer ikke nå"), r.body());
                }
                long clicked = Duration.ofNanos(System.nanoTime() - t1).toMillis();
                assertTrue(clicked < 4_000, "40 requests answered at once, not each after the time-out: " + clicked + " ms");

                // and once the server runs on, the workspace uses it again by itself within seconds
                signal("CONT", server);
                long t2 = System.nanoTime();
                HttpResponse<String> again = http.send(findings, HttpResponse.BodyHandlers.ofString());
                while (again.statusCode() == 503 && System.nanoTime() - t2 < Duration.ofSeconds(20).toNanos()) {
                    Thread.sleep(250);
                    again = http.send(findings, HttpResponse.BodyHandlers.ofString());
                }
                assertEquals(200, again.statusCode(), again.body());
                assertTrue(again.body().contains("Mangler skriftlig rutine"), again.body());
            }
        } finally {
            System.clearProperty(StoreServer.NETWORK_TIMEOUT_PROPERTY);
            signal("CONT", server);
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStrangersWrongPasswordsDoNotHoldTheHomesBackAndTheServersLogSaysWhoTriedWhat() throws Exception {
        int port = freePort();
        Process server = serve(port, "--bind=127.0.0.1");
        ExecutorService stranger = Executors.newFixedThreadPool(8);
        try {
            awaitPort(port, server);
            EvidensHome a = new EvidensHome(Files.createDirectories(tmp.resolve("a")));
            Files.writeString(a.root().resolve(HomeStores.SETTINGS), "store: tcp://127.0.0.1:" + port + "\n");
            Files.writeString(a.root().resolve(StorePassword.FILE), PASSWORD + "\n");
            Files.setPosixFilePermissions(a.root().resolve(StorePassword.FILE), PosixFilePermissions.fromString("rw-------"));
            try (FindingStore s = HomeStores.of(a).findings(Duration.ofSeconds(20))) {
                s.create(CASE, FindingKind.AVVIK, new FindingDraft("Mangler skriftlig rutine", List.of(), null, null), "kari");
            }
            // eight connections at a time with wrong passwords for both users: four from the home's own address, four from
            // another, until the home has opened its store five times (not for a fixed time, which a loaded machine's openings
            // could outlast)
            AtomicBoolean homeDone = new AtomicBoolean();
            AtomicInteger tries = new AtomicInteger();
            for (int i = 0; i < 8; i++) {
                String user = i % 2 == 0 ? StoreServer.USER : StoreServer.ADMIN_USER;
                String from = i < 4 ? "127.0.0.1" : "127.0.0.2";
                stranger.execute(() -> {
                    while (!homeDone.get()) {
                        try {
                            wrongPassword(port, from, user, "gjettet-" + tries.incrementAndGet());
                        } catch (IOException e) {
                            // cut off: the test looks at the home, not at the stranger
                        }
                    }
                });
            }
            Thread.sleep(2_000);
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                try (FindingStore s = HomeStores.of(a).findings(Duration.ofSeconds(20))) {
                    assertEquals(1, s.findings(CASE).size());
                }
                long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                assertTrue(ms < 3_000, "the home's store opened in " + ms + " ms while a stranger tried passwords");
                Thread.sleep(500);
            }
            homeDone.set(true);
            stranger.shutdown();
            assertTrue(stranger.awaitTermination(30, TimeUnit.SECONDS));
            String log = Files.readString(tmp.resolve("server.log"));
            assertTrue(tries.get() >= 8, "tries: " + tries.get());
            assertTrue(log.contains("gave a wrong password for the user " + StoreServer.ADMIN_USER + " (database " + StoreServer.FINDINGS + ")"), log);
            assertTrue(log.contains("gave a wrong password for the user " + StoreServer.USER + " (database " + StoreServer.FINDINGS + ")"), log);
            assertTrue(log.contains("127.0.0.2:"), "the stranger's address: " + log);
            assertTrue(!log.contains("gjettet-"), "no password in the log");
            assertTrue(log.contains("127.0.0.1:") && log.contains("signed in as " + StoreServer.USER + " to " + StoreServer.FINDINGS), log);
        } finally {
            stranger.shutdownNow();
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFindingWhoseSavingWasConfirmedIsKeptWhenTheStoreServerIsKilledRightAfter() throws Exception {
        int port = freePort();
        Process server = serve(port, "--bind=127.0.0.1");
        try {
            awaitPort(port, server);
            EvidensHome a = new EvidensHome(Files.createDirectories(tmp.resolve("a")));
            Files.writeString(a.root().resolve(HomeStores.SETTINGS), "store: tcp://127.0.0.1:" + port + "\n");
            Files.writeString(a.root().resolve(StorePassword.FILE), PASSWORD + "\n");
            Files.setPosixFilePermissions(a.root().resolve(StorePassword.FILE), PosixFilePermissions.fromString("rw-------"));
            FindingStore before = HomeStores.of(a).findings(Duration.ofSeconds(20));
            for (int i = 1; i <= 5; i++) {
                before.create(CASE, FindingKind.MERKNAD, new FindingDraft("Merknad " + i, List.of(), null, null), "kari");
            }
            // each create has returned: committed. The server dies at once, with no time to write anything later
            signal("KILL", server);
            server.waitFor();
            try {
                before.close();
            } catch (RuntimeException brokenWithTheServer) {
                // its connection went with the server
            }
            server = serve(port, "--bind=127.0.0.1");
            awaitPort(port, server);
            try (FindingStore s = HomeStores.of(a).findings(Duration.ofSeconds(20))) {
                assertEquals(List.of("Merknad 1", "Merknad 2", "Merknad 3", "Merknad 4", "Merknad 5"),
                        s.findings(CASE).stream().map(no.evidens.findings.Finding::title).toList());
            }
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    /**
     * Signs in as an H2 client does (its opening message, by hand: H2's driver cannot be told which address to connect from),
     * from the address {@code from}, with a password that is not the server's, and reads the server's answer to its end.
     */
    private static void wrongPassword(int port, String from, String user, String password) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port, java.net.InetAddress.getByName(from), 0)) {
            s.setSoTimeout(30_000);
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            out.writeInt(17);
            out.writeInt(21);
            for (String text : List.of(StoreServer.FINDINGS, "jdbc:h2:tcp://127.0.0.1:" + port + "/" + StoreServer.FINDINGS, user)) {
                out.writeInt(text.length());
                out.writeChars(text);
            }
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeInt(hash.length);
            out.write(hash);
            out.writeInt(-1);
            out.writeInt(0);
            out.flush();
            s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A store server in a process of its own (H2's wrong-password delay is read once per JVM, as the server's is). */
    private Process serve(int port, String option) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.with(ChildJvm.evidens(), "store", "serve", "--dir",
                tmp.resolve("server").toString(), "--port", String.valueOf(port), option))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile());
        pb.environment().put(StorePassword.ENV, PASSWORD);
        return pb.start();
    }

    private static void signal(String name, Process p) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor(), "kill -" + name);
    }

    /**
     * Waits for the store server to listen: a bound against a server that never starts, not a speed (its JVM's start is some
     * 2–3.5 CPU s, which at load 23–40 on 2 cores took 21–34 s and more; within the test the bounds that mean something are
     * the hung server's answers).
     */
    private static void awaitPort(int port, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the store server stopped at its start");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the store server did not listen within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.ChildJvm;

/**
 * One auditor's workspace on a laptop keeps the findings store in the home's folder open between its requests; a command
 * run beside it ({@code evidens finding create}, another process) still gets the store within seconds, not after the minute
 * it waits for the file at most (when it would fail), while the workspace goes on answering; and the workspace then sees
 * what the command wrote.
 */
class CommandBesideLaptopServerIT {
    private static final String CASE = "testkommune-2026";

    @TempDir
    Path tmp;

    @Test
    void aCommandBesideABusyWorkspaceGetsTheStoreSoon() throws Exception {
        EvidensHome home = new EvidensHome(Files.createDirectories(tmp.resolve("home")));
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer web = WebServer.start(home, 0, "testar")) {
            URI list = URI.create(web.url() + "api/findings?case=" + CASE);
            assertEquals(200, get(http, list).statusCode());
            // the auditor goes on working meanwhile: a request every 50 ms, so the store is never idle long enough to be let go
            AtomicBoolean working = new AtomicBoolean(true);
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            Thread auditor = new Thread(() -> {
                while (working.get()) {
                    try {
                        HttpResponse<String> r = get(http, list);
                        (r.statusCode() == 200 ? answered : failed).incrementAndGet();
                        Thread.sleep(50);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            auditor.start();
            Process command = null;
            long t0 = System.nanoTime();
            try {
                List<String> cmd = ChildJvm.evidens();
                cmd.addAll(List.of("finding", "create",
                        "--home", home.root().toString(), "--case", CASE, "--kind", "avvik", "--title", "Fra kommandolinjen"));
                command = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("command.log").toFile()).start();
                assertTrue(command.waitFor(45, TimeUnit.SECONDS), "the command ends");
            } finally {
                working.set(false);
                auditor.join();
                if (command != null && command.isAlive()) {
                    command.destroyForcibly(); // a command kept out: not left waiting after the test
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String said = Files.readString(tmp.resolve("command.log"));
            assertEquals(0, command.exitValue(), said);
            // a bound, not a speed: a store never let go keeps the command waiting its whole minute, then refuses it
            assertTrue(seconds < 40, "the command took " + seconds + " s: " + said);
            assertEquals(0, failed.get(), "every request of the workspace answered meanwhile");
            assertTrue(answered.get() > 0);
            HttpResponse<String> after = get(http, list);
            assertEquals(200, after.statusCode());
            assertTrue(after.body().contains("Fra kommandolinjen"), after.body());
        }
    }

    /**
     * The store kept open is not a store written later: a finding the workspace confirmed (201) is in the file when the
     * server is killed at once after ({@code kill -9}: it closes nothing), since every commit is written as it is made.
     */
    @Test
    void aFindingConfirmedIsThereAfterTheServerIsKilled() throws Exception {
        EvidensHome home = new EvidensHome(Files.createDirectories(tmp.resolve("home")));
        // the case exists (the workspace adds findings only to a case that has documents, findings or members)
        try (no.evidens.findings.FindingStore store = no.evidens.findings.FindingStore.open(home.root().resolve("findings"))) {
            store.create(CASE, no.evidens.findings.FindingKind.AVVIK, new no.evidens.findings.FindingDraft("Før starten", List.of(), null, null),
                    "testar");
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = ChildJvm.evidens();
        cmd.addAll(List.of("serve", "--home", home.root().toString(), "--port", Integer.toString(port)));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/";
        try {
            String session = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (session == null && System.nanoTime() < deadline) {
                try {
                    session = get(http, URI.create(base + "api/session")).body();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertTrue(session != null, "the server started: " + Files.readString(tmp.resolve("server.log")));
            String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(session).get("token").asText();
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/findings"))
                        .header("Content-Type", "application/json").header("X-Evidens-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"case\":\"" + CASE + "\",\"kind\":\"avvik\",\"title\":\"Bekreftet " + i + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, r.statusCode(), r.body());
            }
            server.destroyForcibly(); // SIGKILL, at once after the third confirmation
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server is gone");
        } finally {
            server.destroyForcibly();
        }
        try (no.evidens.findings.FindingStore store = no.evidens.findings.FindingStore.open(home.root().resolve("findings"))) {
            assertEquals(List.of("Før starten", "Bekreftet 1", "Bekreftet 2", "Bekreftet 3"),
                    store.findings(CASE).stream().map(no.evidens.findings.Finding::title).toList());
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

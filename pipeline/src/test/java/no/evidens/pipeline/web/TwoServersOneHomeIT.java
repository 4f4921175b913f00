package no.evidens.pipeline.web;

import static no.evidens.pipeline.web.WorkspaceClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.ChildJvm;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * Two servers on one home (an administrator's second server, or one restarted while the old is still stopping): each
 * lists the home's ingest jobs with the state they are in, whoever runs them; a job the other server runs is neither
 * marked interrupted nor resumed beside it; one whose server was killed is interrupted, and resuming it adds nothing twice.
 */
class TwoServersOneHomeIT {
    static final String CASE = "to-tjenere";

    @TempDir
    Path tmp;

    @Test
    void aServerStartedWhileAnotherIngestsLeavesItsJobRunningAndListsItAsItEnds() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        CountDownLatch ingesting = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        try (WebServer first = WebServer.start(home, 0, "testar", WebServer.DEFAULT_MAX_UPLOAD, h -> {
            ingesting.countDown();
            try {
                letGo.await(); // the first server's ingestion runs while the second starts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Ingestion(h);
        })) {
            WorkspaceClient one = WorkspaceClient.of(first.url());
            String id = upload(one, "bunke.zip", zip()).get("id").asText();
            String waiting;
            assertTrue(ingesting.await(30, TimeUnit.SECONDS), "the first server ingests");
            try (WebServer second = WebServer.start(home, 0, "testar")) {
                WorkspaceClient two = WorkspaceClient.of(second.url());
                try {
                    assertEquals("running", two.get("/api/ingest/" + id).body().get("state").asText(),
                            "the first server runs it: not interrupted by the second's start");
                    assertEquals("running", listed(two, id).get("state").asText(), "listed on the second server as running");
                    Answer resumed = two.json("POST", "/api/ingest/" + id + "/resume", null);
                    assertEquals(409, resumed.status(), "not ingested a second time beside the first: " + resumed.body());
                    JsonNode behind = upload(two, "plan.zip", WebApiIT.zipOf("styringsdokumenter/plan.txt", "Tiltaksplanen evalueres hvert halvår.\n"));
                    assertEquals("waiting", behind.get("state").asText(), "an upload to the second waits behind the first's: " + behind);
                    waiting = behind.get("id").asText();
                } finally {
                    letGo.countDown();
                }
                JsonNode done = waitWhileRunning(one, id);
                assertEquals("done", done.get("state").asText(), done.toString());
                JsonNode after = waitWhile(two, waiting, "waiting", "running");
                assertEquals("done", after.get("state").asText(), "gone in after the first's: " + after);
                assertEquals(1, after.get("receipt").get("counts").get("indexed").asInt(), after.toString());
                assertEquals("done", waitWhileRunning(two, id).get("state").asText(), "the second server sees it end");
                assertEquals("done", listed(two, id).get("state").asText());
                assertEquals(1, two.get("/api/ingest/" + id).body().get("receipt").get("counts").get("indexed").asInt());

                // run again from the second server: the file already in the case is a duplicate, the case holds it once
                assertEquals(202, two.json("POST", "/api/ingest/" + id + "/resume", null).status());
                JsonNode again = waitWhileRunning(two, id);
                assertEquals("done", again.get("state").asText(), again.toString());
                assertEquals(0, again.get("receipt").get("counts").get("indexed").asInt(), again.toString());
                assertEquals(1, again.get("receipt").get("counts").get("duplicate").asInt(), again.toString());
                assertEquals(1, two.get("/api/search?q=" + enc("referat") + "&case=" + CASE).body().get("total").asInt(),
                        "one passage in the case, not two");
            }
        } finally {
            letGo.countDown();
        }
    }

    /**
     * The server that runs a job is killed (another process, its run lock let go by the OS with it): the server still up
     * sees the job interrupted, without a restart, and marks its file so once.
     */
    @Test
    void aJobWhoseServerIsKilledIsInterruptedForTheServerLeft() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        IngestJobFiles files = new IngestJobFiles(home.root());
        String now = Instant.now().toString();
        Path bundle = Files.createDirectories(home.root().resolve("bundles")).resolve(CASE + "-1.zip");
        Files.write(bundle, zip());
        files.save(new IngestJob.Saved("1", CASE, "bunke.zip", null, bundle.toString(), IngestJob.RUNNING, 1, 0, 0, null, null,
                now, now, null, null, null));
        Process other = new ProcessBuilder(ChildJvm.with(ChildJvm.of(RunLockChild.class), home.root().toString(), "1"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (WebServer left = startedWhenHeld(other, home)) {
            WorkspaceClient client = WorkspaceClient.of(left.url());
            assertEquals("running", client.get("/api/ingest/1").body().get("state").asText(), "its server lives");
            assertEquals(409, client.json("POST", "/api/ingest/1/resume", null).status());

            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            assertEquals("interrupted", client.get("/api/ingest/1").body().get("state").asText(), "its server is gone");
            assertEquals(IngestJob.INTERRUPTED, files.load().get(0).state(), "and its file says so");
            assertEquals(202, client.json("POST", "/api/ingest/1/resume", null).status(), "resumed by hand");
            JsonNode done = waitWhileRunning(client, "1");
            assertEquals("done", done.get("state").asText(), done.toString());
        } finally {
            other.destroyForcibly();
        }
    }

    /** Starts a server on the home once the other process says it holds the job's run lock. */
    private static WebServer startedWhenHeld(Process other, EvidensHome home) throws Exception {
        BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("held", said.readLine(), "the other process holds the run lock");
        return WebServer.start(home, 0, "testar");
    }

    /** Uploads a bundle into {@link #CASE}: its job, as the 202 shows it. */
    static JsonNode upload(WorkspaceClient client, String name, byte[] zip) throws Exception {
        Answer started = client.send(client.req("/api/ingest?case=" + CASE + "&name=" + name).header(WebServer.TOKEN_HEADER, client.token())
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertEquals(202, started.status(), String.valueOf(started.body()));
        return started.body();
    }

    private static JsonNode listed(WorkspaceClient client, String id) throws Exception {
        for (JsonNode job : client.get("/api/ingest").body()) {
            if (job.get("id").asText().equals(id)) {
                return job;
            }
        }
        throw new AssertionError("job " + id + " not listed");
    }

    static JsonNode waitWhileRunning(WorkspaceClient client, String id) throws Exception {
        return waitWhile(client, id, "running");
    }

    static JsonNode waitWhile(WorkspaceClient client, String id, String... states) throws Exception {
        JsonNode job = client.get("/api/ingest/" + id).body();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (List.of(states).contains(job.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = client.get("/api/ingest/" + id).body();
        }
        return job;
    }

    private static byte[] zip() throws Exception {
        return WebApiIT.zipOf("journaler/a.txt", "Koordinatoren skriver referat etter hvert møte.\n");
    }
}

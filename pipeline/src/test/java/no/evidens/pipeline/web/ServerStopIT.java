package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.cli.EvidensCli;
import no.evidens.pipeline.ingest.JournalNotes;

/**
 * A server stopped (SIGTERM: Ctrl-C, {@code systemctl stop}) while it ingests an upload: the process ends within a bound,
 * the job is kept interrupted with the files it did (all committed), no Tika worker is left, and resuming it adds every
 * file once.
 */
class ServerStopIT {
    private static final int FILES = 400;
    /** Not a speed: a bound the stop stays well within on a loaded machine, and a hung one does not. */
    private static final long STOP_BOUND_SECONDS = 15;

    @TempDir
    Path tmp;

    @Test
    void aServerStoppedWhileItIngestsEndsSoonItsJobInterruptedAndResumedAddsEachFileOnce() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EvidensCli.class.getName(),
                "serve", "--home", home.root().toString(), "--port", "0")
                .redirectError(tmp.resolve("server.log").toFile()).start();
        try {
            String said = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(said != null && said.contains(" at http"), "the server says its address: " + said);
            WorkspaceClient client = WorkspaceClient.of(said.replaceAll(".* at (http\\S+).*", "$1"));
            String id = TwoServersOneHomeIT.upload(client, "notater.zip", JournalNotes.zip(FILES,
                    "Koordinatoren deltok i samarbeidsmøte nummer %d med skolen.")).get("id").asText();
            JsonNode job = client.get("/api/ingest/" + id).body();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (job.get("done").asInt() < 10 && "running".equals(job.get("state").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                job = client.get("/api/ingest/" + id).body();
            }
            assertEquals("running", job.get("state").asText(), "stopped in the middle: " + job);
            List<ProcessHandle> workers = server.descendants().toList();
            assertFalse(workers.isEmpty(), "the ingestion's Tika worker runs");

            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(STOP_BOUND_SECONDS, TimeUnit.SECONDS), "the server ended within " + STOP_BOUND_SECONDS + " s");
            for (ProcessHandle worker : workers) {
                assertTrue(worker.onExit().thenApply(w -> true).completeOnTimeout(false, 5, TimeUnit.SECONDS).get(),
                        "no worker left behind: " + worker.pid());
            }

            IngestJob.Saved saved = new IngestJobFiles(home.root()).read(id);
            assertEquals(IngestJob.INTERRUPTED, saved.state(), "kept interrupted, not left running: " + saved);
            int committed = JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT);
            assertTrue(saved.done() > 0 && saved.done() < FILES, "stopped half-way: " + saved.done());
            assertEquals(saved.done(), committed, "every file it counted done is in the index");

            try (WebServer again = WebServer.start(home, 0, "testar")) {
                WorkspaceClient next = WorkspaceClient.of(again.url());
                assertEquals("interrupted", next.get("/api/ingest/" + id).body().get("state").asText());
                assertEquals(202, next.json("POST", "/api/ingest/" + id + "/resume", null).status());
                JsonNode done = TwoServersOneHomeIT.waitWhileRunning(next, id);
                assertEquals("done", done.get("state").asText(), done.toString());
                JsonNode counts = done.get("receipt").get("counts");
                assertEquals(committed, counts.get("duplicate").asInt(), "what was committed is not indexed twice: " + counts);
                assertEquals(FILES - committed, counts.get("indexed").asInt(), counts.toString());
            }
            assertEquals(FILES, JournalNotes.count(home.index(), PassageSchema.KIND_DOCUMENT), "every file once");
        } finally {
            server.destroyForcibly();
        }
    }
}

package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.JournalNotes;
import no.evidens.pipeline.ingest.KeptWorkers;
import no.evidens.pipeline.web.WorkspaceClient.Answer;

/**
 * The workspace's uploads read by one Tika worker while they follow each other (round 55: each upload started a worker
 * and stopped it at its end): an upload whose worker is killed in the middle of it is finished, the next is read whole by
 * a new worker, and a server without uploads for the idle time lets the worker go.
 */
class UploadWorkerIT {
    @TempDir
    Path tmp;

    @Test
    void uploadsInARowShareOneWorkerAndOneThatLosesItDoesNotFailTheNext() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Set<ProcessHandle> before = children();
        try (KeptWorkers workers = KeptWorkers.stoppedAfterIdle(Duration.ofMinutes(10));
             WebServer server = WebServer.start(home, WebConfig.defaults(0, 1 << 24), "testar", workers::ingestion)) {
            WorkspaceClient client = WorkspaceClient.of(server.url());

            JsonNode first = done(client, upload(client, "nordvik", JournalNotes.zip(3, "Nordvik: helsestasjonen deltok i møte %d.")));
            assertEquals(3, first.get("receipt").get("counts").get("indexed").asInt(), first.toString());
            assertEquals(1, workers.workersStarted());

            // the second upload's worker killed once it has read a few of its files (as a file that crashes the worker)
            int files = 400;
            String id = upload(client, "fiendtlig", JournalNotes.zip(files, "Fiendtlig: barnevernet fulgte opp melding %d."));
            JsonNode job = client.get("/api/ingest/" + id).body();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (job.get("done").asInt() < 5 && "running".equals(job.get("state").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                job = client.get("/api/ingest/" + id).body();
            }
            assertEquals("running", job.get("state").asText(), "killed in the middle: " + job);
            assertEquals(1, workers.workersStarted(), "the first upload's worker reads the second");
            List<ProcessHandle> killed = children().stream().filter(p -> !before.contains(p)).toList();
            assertTrue(!killed.isEmpty(), "the kept worker runs");
            killed.forEach(ProcessHandle::destroyForcibly);
            JsonNode hostile = done(client, id);
            JsonNode counts = hostile.get("receipt").get("counts");
            assertEquals(files, counts.get("indexed").asInt() + counts.path("failed").asInt(), "every file has its line: " + counts);

            // the next upload is read whole, by a new worker
            JsonNode next = done(client, upload(client, "austvik", JournalNotes.zip(4, "Austvik: skolen meldte bekymring %d.")));
            JsonNode nextCounts = next.get("receipt").get("counts");
            assertEquals(4, nextCounts.get("indexed").asInt(), next.toString());
            assertEquals(0, nextCounts.path("failed").asInt(), next.toString());
            assertEquals(2, workers.workersStarted(), "a new worker after the one lost, none more");
        }
        // the server's end (its workers closed) leaves no worker
        for (ProcessHandle left : children().stream().filter(p -> !before.contains(p)).toList()) {
            left.onExit().get(2, TimeUnit.MINUTES);
        }
    }

    @Test
    void aServerWithoutUploadsForTheIdleTimeLetsTheWorkerGoAndTheNextUploadStartsOne() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Set<ProcessHandle> before = children();
        try (KeptWorkers workers = KeptWorkers.stoppedAfterIdle(Duration.ofSeconds(1));
             WebServer server = WebServer.start(home, WebConfig.defaults(0, 1 << 24), "testar", workers::ingestion)) {
            WorkspaceClient client = WorkspaceClient.of(server.url());
            done(client, upload(client, "nordvik", JournalNotes.zip(2, "Nordvik: helsestasjonen deltok i møte %d.")));
            assertEquals(1, workers.workersStarted());
            // the idle time passed: the worker ends by itself (its end waited for, not timed: kept, it would never end)
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (children().stream().anyMatch(p -> !before.contains(p)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), children().stream().filter(p -> !before.contains(p)).toList(), "the worker was let go");
            JsonNode next = done(client, upload(client, "austvik", JournalNotes.zip(2, "Austvik: skolen meldte bekymring %d.")));
            assertEquals(2, next.get("receipt").get("counts").get("indexed").asInt(), next.toString());
            assertEquals(2, workers.workersStarted(), "a new worker for the upload after the idle time");
        }
    }

    private static Set<ProcessHandle> children() {
        return ProcessHandle.current().children().collect(Collectors.toSet());
    }

    /** Uploads a bundle into a case of its own: the job's id. */
    private static String upload(WorkspaceClient client, String caseId, byte[] zip) throws Exception {
        Answer started = client.send(client.req("/api/ingest?case=" + caseId + "&name=" + caseId + ".zip")
                .header(WebServer.TOKEN_HEADER, client.token()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertEquals(202, started.status(), String.valueOf(started.body()));
        return started.body().get("id").asText();
    }

    /** Waits for a job's end: done, with its receipt. */
    private static JsonNode done(WorkspaceClient client, String id) throws Exception {
        JsonNode job = TwoServersOneHomeIT.waitWhile(client, id, "running");
        assertEquals("done", job.get("state").asText(), job.toString());
        return job;
    }
}

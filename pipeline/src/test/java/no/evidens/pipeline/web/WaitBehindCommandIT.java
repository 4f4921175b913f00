package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.ChildJvm;
import no.evidens.pipeline.ingest.JournalNotes;

/**
 * An upload refused the index because an {@code evidens ingest} command writes it waits, and goes on within seconds of
 * the command's end (the mark the command leaves, or, when it is killed, its lock going free), not at the server's next
 * look at the waiting jobs.
 */
class WaitBehindCommandIT {
    /** Not a speed: the mark is read every second; a wait until the next look (set to ten minutes here) is far beyond. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void anUploadWaitingBehindAnIngestCommandGoesOnSoonAfterTheCommandEnds() throws Exception {
        behindACommand(command -> {
            assertTrue(command.waitFor(3, TimeUnit.MINUTES), "the command ends");
            assertEquals(0, command.exitValue());
        });
    }

    /** A writer killed ({@code kill -9}: the OOM killer, a power cut) leaves no mark; the OS frees its lock at once. */
    @Test
    void anUploadWaitingBehindAnIngestCommandKilledGoesOnSoonAfterTheKill() throws Exception {
        behindACommand(command -> {
            List<ProcessHandle> workers = command.descendants().toList();
            command.destroyForcibly(); // SIGKILL: the command closes nothing and marks nothing
            assertTrue(command.waitFor(30, TimeUnit.SECONDS), "the command is gone");
            workers.forEach(ProcessHandle::destroyForcibly); // its Tika worker, left without its parent
        });
    }

    /**
     * A writer killed soon after its open, the moment the upload it refused shows waiting: the server looks at the index's
     * lock only while a job waits, so no look saw it held before it was gone; the job's own refusal counts as that.
     */
    @Test
    void anUploadRefusedByAWriterKilledTheMomentItShowsWaitingGoesOnSoonAfterTheKill() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        String before = System.getProperty(UploadRetries.EVERY_PROPERTY);
        System.setProperty(UploadRetries.EVERY_PROPERTY, "600"); // the server's own look at the waiting jobs: far off
        try (WebServer server = WebServer.start(home, 0, "testar")) {
            restore(before);
            Process writer = new ProcessBuilder(ChildJvm.with(ChildJvm.of(IndexWriterChild.class), home.root().toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader said = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("open", said.readLine(), "the child holds the index's writer");
                long opened = System.nanoTime();
                WorkspaceClient client = WorkspaceClient.of(server.url());
                JsonNode job = TwoServersOneHomeIT.upload(client, "plan.zip",
                        WebApiIT.zipOf("styringsdokumenter/plan.txt", "Tiltaksplanen evalueres hvert halvår.\n"));
                String id = job.get("id").asText();
                while ("running".equals(job.get("state").asText()) && System.nanoTime() - opened < TimeUnit.MINUTES.toNanos(1)) {
                    Thread.sleep(10);
                    job = client.get("/api/ingest/" + id).body();
                }
                assertEquals("waiting", job.get("state").asText(), "refused by the writer: " + job);
                writer.destroyForcibly(); // SIGKILL, at once
                assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer is gone");
                long killed = System.nanoTime();
                long lived = (killed - opened) / 1_000_000;
                while ("waiting".equals(job.get("state").asText()) && System.nanoTime() - killed < 2 * BOUND.toNanos()) {
                    Thread.sleep(100);
                    job = client.get("/api/ingest/" + id).body();
                }
                long waited = (System.nanoTime() - killed) / 1_000_000;
                assertTrue(waited < BOUND.toMillis(), "went on " + waited + " ms after the kill of a writer open " + lived + " ms: " + job);
                job = TwoServersOneHomeIT.waitWhileRunning(client, id);
                assertEquals("done", job.get("state").asText(), job.toString());
                assertEquals(1, job.get("receipt").get("counts").get("indexed").asInt(), job.toString());
            } finally {
                writer.destroyForcibly();
            }
        } finally {
            restore(before);
        }
    }

    /** An upload waits behind an {@code evidens ingest} process holding the index's writer, which {@code end} ends. */
    private void behindACommand(Ending end) throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        JournalNotes.write(tmp.resolve("bundle"), 150, "Fastlegen deltok i ansvarsgruppemøte nummer %d.");
        Path marks = tmp.resolve("marks.txt");
        String before = System.getProperty(UploadRetries.EVERY_PROPERTY);
        System.setProperty(UploadRetries.EVERY_PROPERTY, "600"); // the server's own look at the waiting jobs: far off
        try (WebServer server = WebServer.start(home, 0, "testar")) {
            restore(before);
            Process command = new ProcessBuilder(ChildJvm.with(ChildJvm.evidens("-Devidens.ingestMarks=" + marks),
                    "ingest", tmp.resolve("bundle").toString(), "--case", TwoServersOneHomeIT.CASE, "--home", home.root().toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!(Files.exists(marks) && Files.readString(marks).contains("index writer open")) && command.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(command.isAlive(), "the command holds the index's writer");
                WorkspaceClient client = WorkspaceClient.of(server.url());
                JsonNode job = TwoServersOneHomeIT.upload(client, "plan.zip",
                        WebApiIT.zipOf("styringsdokumenter/plan.txt", "Tiltaksplanen evalueres hvert halvår.\n"));
                String id = job.get("id").asText();
                job = TwoServersOneHomeIT.waitWhile(client, id, "running");
                assertEquals("waiting", job.get("state").asText(), "behind the command: " + job);

                end.end(command);
                long ended = System.nanoTime();
                while ("waiting".equals(job.get("state").asText()) && System.nanoTime() - ended < 2 * BOUND.toNanos()) {
                    Thread.sleep(100);
                    job = client.get("/api/ingest/" + id).body();
                }
                long waited = System.nanoTime() - ended;
                assertTrue(waited < BOUND.toNanos(), "went on " + waited / 1_000_000 + " ms after the command ended: " + job);
                job = TwoServersOneHomeIT.waitWhileRunning(client, id);
                assertEquals("done", job.get("state").asText(), job.toString());
                assertEquals(1, job.get("receipt").get("counts").get("indexed").asInt(), job.toString());
            } finally {
                command.destroyForcibly();
            }
        } finally {
            restore(before);
        }
    }

    /** How the command holding the writer ends. */
    private interface Ending {
        void end(Process command) throws Exception;
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(UploadRetries.EVERY_PROPERTY);
        } else {
            System.setProperty(UploadRetries.EVERY_PROPERTY, before);
        }
    }
}

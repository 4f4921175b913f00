package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.ChildJvm;
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
    /** A zip whose unpacking lasts a second or more: the stop falls in it. */
    private static final int UNPACKED_FILES = 4000;

    @TempDir
    Path tmp;

    @Test
    void aServerStoppedWhileItIngestsEndsSoonItsJobInterruptedAndResumedAddsEachFileOnce() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Process server = serve(home);
        try {
            WorkspaceClient client = clientOf(server);
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
                JsonNode after = next.get("/api/ingest/" + id).body();
                assertEquals("interrupted", after.get("state").asText());
                // what it was doing when its server stopped, kept in its file: the workspace says «avbrutt under innlesingen»
                assertEquals("reading", after.get("phase").asText(), after.toString());
                assertEquals(saved.done(), after.get("done").asInt());
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

    /**
     * A server stopped while it unpacks an upload of thousands of files (SIGTERM as the first ones are out): the unpacking
     * is given up, not finished, the process ends at once, nothing unpacked is left, no writer was opened, and the job is
     * kept interrupted (0 of the bundle's files) with its bundle, to resume.
     */
    @Test
    void aServerStoppedWhileItUnpacksAnUploadEndsAtOnceAndLeavesTheJobToResume() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Path marks = tmp.resolve("marks.txt");
        Process server = serve(home, "-Devidens.ingestMarks=" + marks);
        try {
            WorkspaceClient client = clientOf(server);
            String id = TwoServersOneHomeIT.upload(client, "brev.zip", JournalNotes.zip(UNPACKED_FILES,
                    "Kommunen har mottatt henvendelsen nummer %d og svarer innen tre uker.")).get("id").asText();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!unpacking(home) && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(unpacking(home), "the upload is being unpacked");

            long signalled = System.nanoTime();
            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(STOP_BOUND_SECONDS, TimeUnit.SECONDS), "the server ended within " + STOP_BOUND_SECONDS + " s");
            long took = System.nanoTime() - signalled;

            assertFalse(Files.readString(marks).contains("bundle read"), "the unpacking given up, not finished: "
                    + Files.readString(marks) + " (the stop took " + took / 1_000_000 + " ms)");
            IngestJob.Saved saved = new IngestJobFiles(home.root()).read(id);
            assertEquals(IngestJob.INTERRUPTED, saved.state(), "kept interrupted: " + saved);
            assertEquals(0, saved.done(), saved.toString());
            assertEquals("unpacking", saved.phase(), "cut off unpacking, and its file says so: " + saved);
            assertEquals(UNPACKED_FILES, saved.total(), "the bundle's files, as the zip lists them: " + saved);
            assertTrue(Files.isRegularFile(Path.of(saved.bundle())), "the bundle kept, to resume: " + saved.bundle());
            try (Stream<Path> left = Files.list(home.work())) {
                assertEquals(List.of(), left.toList(), "nothing unpacked left behind");
            }
            assertFalse(Files.exists(home.index()), "no index writer opened");
        } finally {
            server.destroyForcibly();
        }
    }

    /** Whether an unpacking of a zip into the home's work folder has begun (its folder holds a file). */
    private static boolean unpacking(EvidensHome home) throws IOException {
        if (!Files.isDirectory(home.work())) {
            return false;
        }
        try (Stream<Path> folders = Files.list(home.work())) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.findAny().isPresent()) {
                        return true;
                    }
                } catch (IOException gone) {
                    // deleted meanwhile
                }
            }
        }
        return false;
    }

    /** {@code evidens serve} on the home, a process of its own (on a free port), with these JVM options. */
    private Process serve(EvidensHome home, String... jvmOptions) throws IOException {
        List<String> command = ChildJvm.evidens(jvmOptions);
        command.addAll(List.of("serve", "--home", home.root().toString(), "--port", "0"));
        return new ProcessBuilder(command).redirectError(tmp.resolve("server.log").toFile()).start();
    }

    /** A client of the server once it says its address. */
    private static WorkspaceClient clientOf(Process server) throws Exception {
        String said = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(said != null && said.contains(" at http"), "the server says its address: " + said);
        return WorkspaceClient.of(said.replaceAll(".* at (http\\S+).*", "$1"));
    }
}

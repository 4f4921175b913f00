package no.evidens.pipeline.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.index.PassageSchema;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.fixture.ChildJvm;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.web.Exposure;
import no.evidens.pipeline.web.WebConfig;
import no.evidens.pipeline.web.WebServer;

/** {@code evidens watch --inbox}: bundles dropped are ingested one after another and moved out; a killed watcher resumes. */
class InboxWatchIT {
    @TempDir
    Path tmp;

    private static Process watch(Path inbox, Path home) throws Exception {
        return new ProcessBuilder(watchCommand(inbox, home))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** As {@link #watch}, what the watcher logs (stderr) and prints written to {@code log}. */
    private static Process watch(Path inbox, Path home, Path log) throws Exception {
        return new ProcessBuilder(watchCommand(inbox, home)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> watchCommand(Path inbox, Path home) {
        List<String> cmd = ChildJvm.evidens("-Xmx1g");
        cmd.addAll(List.of("watch", "--inbox", inbox.toString(), "--home", home.toString()));
        return cmd;
    }

    private static void notes(Path folder, int n, String word) throws Exception {
        Files.createDirectories(folder.resolve("journaler"));
        for (int i = 0; i < n; i++) {
            Files.writeString(folder.resolve("journaler/notat-" + i + ".txt"), "Journalnotat " + i + ".\n\n"
                    + "Fastlegen deltok i ansvarsgruppemøte nummer " + i + " om " + word + ".");
        }
    }

    private static void zip(Path folder, Path zip) throws Exception {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
    }

    private static int documents(Path home) throws Exception {
        Path index = home.resolve("index");
        if (!Files.isDirectory(index) || !DirectoryReader.indexExists(FSDirectory.open(index))) {
            return 0;
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT)));
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    @Test
    void eachBundleDroppedIsIngestedIntoItsCaseAndMovedToDoneOrFailed() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path home = tmp.resolve("home");
        Process watcher = watch(inbox, home);
        try {
            // A folder whose manifest names its case (written last, as the signal), and a zip that is not one.
            Path folder = tmp.resolve("staging/tilsyn-nord");
            notes(folder, 3, "tilsyn nord");
            Files.move(folder, inbox.resolve("tilsyn-nord"));
            Files.writeString(inbox.resolve("tilsyn-nord/manifest.csv"), "path,type,case\njournaler/notat-0.txt,journal,nord-2026\n");
            Files.write(inbox.resolve("skadet.zip"), "dette er ingen zip".getBytes());
            assertTrue(waitFor(() -> Files.isDirectory(inbox.resolve("done/tilsyn-nord"))
                    && Files.isRegularFile(inbox.resolve("failed/skadet.zip")), 240), "both bundles finished");
            assertFalse(Files.exists(inbox.resolve("tilsyn-nord")) || Files.exists(inbox.resolve("skadet.zip")), "out of the inbox");

            JsonNode receipt = Json.mapper().readTree(inbox.resolve("done/tilsyn-nord.receipt.json").toFile());
            assertEquals("nord-2026", receipt.get("case").asText(), "the case the manifest names");
            assertEquals(3, receipt.get("counts").get("indexed").asInt());
            JsonNode why = Json.mapper().readTree(inbox.resolve("failed/skadet.zip.receipt.json").toFile());
            assertTrue(why.get("error").asText().contains("damaged or not a zip"), why.toString());
            assertEquals(3, documents(home));

            InboxState state = InboxState.read(new EvidensHome(home));
            assertNull(state.running());
            assertEquals(2, state.finished().size());
            assertEquals(List.of("done", "failed"), state.finished().stream().map(InboxState.Finished::status).sorted().toList());
            assertEquals(List.of(InboxState.Finished.DAMAGED_BUNDLE), state.finished().stream().map(InboxState.Finished::errorCode)
                    .filter(java.util.Objects::nonNull).toList(), "the failure's kind, for the view to word in the reader's language");
            assertEquals(List.of(), InboxState.waiting(inbox));
        } finally {
            watcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void watchOnceExitsThreeWhenABundleFailedOrHadFilesThatFailedAndZeroWhenAllWentWell() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        String home = tmp.resolve("home").toString();
        notes(inbox.resolve("fjordvik-2026"), 2, "fjordvik");
        Files.writeString(inbox.resolve("fjordvik-2026/manifest.csv"), "path,type\njournaler/notat-0.txt,journal\n");
        CliRun good = CliRun.of("watch", "--inbox", inbox.toString(), "--once", "--home", home);
        assertEquals(0, good.code(), good.out() + good.err());
        assertTrue(Files.isDirectory(inbox.resolve("done/fjordvik-2026")), good.out());

        // a bundle whose manifest names a file it does not hold: ingested, moved to done/, with a failed line
        notes(inbox.resolve("nordvik-2026"), 1, "nordvik");
        Files.writeString(inbox.resolve("nordvik-2026/manifest.csv"), "path,type\njournaler/borte.txt,journal\n");
        CliRun missing = CliRun.of("watch", "--inbox", inbox.toString(), "--once", "--home", home);
        assertEquals(3, missing.code(), missing.out() + missing.err());
        assertTrue(missing.out().contains("nordvik-2026 → case nordvik-2026: 1 indexed, 0 duplicate, 1 failed; moved to done"),
                missing.out());

        Files.write(inbox.resolve("skadet.zip"), "dette er ingen zip".getBytes());
        CliRun damaged = CliRun.of("watch", "--inbox", inbox.toString(), "--once", "--home", home);
        assertEquals(3, damaged.code(), damaged.out() + damaged.err());
        assertTrue(Files.isRegularFile(inbox.resolve("failed/skadet.zip")), damaged.out());

        CliRun empty = CliRun.of("watch", "--inbox", inbox.toString(), "--once", "--home", home);
        assertEquals(0, empty.code(), "nothing left to do: " + empty.out() + empty.err());
    }

    @Test
    void aWatcherKilledHalfWayTakesTheBundleUpAgainWhenItStarts() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path home = tmp.resolve("home");
        int files = 200;
        bigBundleIn(inbox, files);
        Process watcher = watch(inbox, home);
        try {
            assertTrue(committedWithin(home, 180), "the watcher committed documents");
            assertTrue(InboxState.watcherAlive(new EvidensHome(home)), "a watcher at work is told as running");
        } finally {
            watcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int before = documents(home);
        assertTrue(before < files, "killed half-way: " + before);
        assertTrue(Files.isRegularFile(inbox.resolve("stor-sak.zip")), "still in the inbox");
        assertEquals("stor-sak.zip", InboxState.read(new EvidensHome(home)).running().bundle(), "left running when killed");
        assertFalse(InboxState.watcherAlive(new EvidensHome(home)), "but no watcher runs: the workspace tells it cut short");

        StringWriter said = new StringWriter();
        try (InboxWatcher again = new InboxWatcher(new EvidensHome(home), inbox,
                h -> new Ingestion(h, new DocumentAnalyser(), 2), new PrintWriter(said))) {
            again.drain();
        }
        assertTrue(said.toString().startsWith("stor-sak.zip → case stor-sak: "), said.toString());
        JsonNode receipt = Json.mapper().readTree(inbox.resolve("done/stor-sak.zip.receipt.json").toFile());
        assertEquals(files, receipt.get("counts").get("indexed").asInt() + receipt.get("counts").get("duplicate").asInt());
        assertEquals(before, receipt.get("counts").get("duplicate").asInt(), "what was committed is not read again");
        assertEquals(files, documents(home), "every file once");
    }

    /**
     * Ctrl-C or a service manager's stop (SIGTERM) while a bundle is read: the watcher ends within a bound, committing the
     * files it began and saying the bundle is left in the inbox (not moved to done/ half-done); the next start adds each
     * file once.
     */
    @Test
    void aWatcherStoppedHalfWayEndsSoonLeavesTheBundleInTheInboxAndTheNextStartAddsEachFileOnce() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path home = tmp.resolve("home");
        int files = 300;
        bigBundleIn(inbox, files);
        Path log = tmp.resolve("watch.log");
        Process watcher = watch(inbox, home, log);
        try {
            assertTrue(committedWithin(home, 180), "the watcher committed documents");
            watcher.destroy(); // SIGTERM
            assertTrue(watcher.waitFor(15, TimeUnit.SECONDS), "ended within 15 s (a bound, not a speed)");
        } finally {
            watcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(read(log).contains("stor-sak.zip: stopped after "), read(log));
        assertTrue(read(log).contains("left in the inbox, taken up again at the next start"), read(log));
        int before = documents(home);
        assertTrue(before < files, "stopped half-way: " + before);
        assertTrue(Files.isRegularFile(inbox.resolve("stor-sak.zip")), "still in the inbox");
        try (var done = Files.list(inbox.resolve(InboxWatcher.DONE))) {
            assertEquals(0, done.count(), "nothing in done/");
        }

        StringWriter said = new StringWriter();
        try (InboxWatcher again = new InboxWatcher(new EvidensHome(home), inbox,
                h -> new Ingestion(h, new DocumentAnalyser(), 2), new PrintWriter(said))) {
            again.drain();
        }
        JsonNode receipt = Json.mapper().readTree(inbox.resolve("done/stor-sak.zip.receipt.json").toFile());
        assertEquals(before, receipt.get("counts").get("duplicate").asInt(), "what was committed is not read again");
        assertEquals(files - before, receipt.get("counts").get("indexed").asInt());
        assertEquals(files, documents(home), "every file once");
    }

    @Test
    void aFolderBundleGetsNoLockFileTheSameZipDroppedAgainIsIngestedAndQuotationsAreCheckedInDone() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path home = tmp.resolve("home");
        notes(tmp.resolve("lyngvik"), 2, "Lyngvik");
        Path zip = tmp.resolve("lyngvik-2026.zip");
        zip(tmp.resolve("lyngvik"), zip);
        StringWriter said = new StringWriter();
        try (InboxWatcher watcher = new InboxWatcher(new EvidensHome(home), inbox,
                h -> new Ingestion(h, new DocumentAnalyser(), 1), new PrintWriter(said))) {
            watcher.start();
            assertTrue(InboxState.watcherAlive(new EvidensHome(home)));
            // A folder, its manifest last: the watcher's waiting for the manifest to settle leaves nothing in the bundle.
            notes(tmp.resolve("staging/bremnes-2026"), 2, "Bremnes");
            Files.move(tmp.resolve("staging/bremnes-2026"), inbox.resolve("bremnes-2026"));
            Files.writeString(inbox.resolve("bremnes-2026/manifest.csv"), "path,type\njournaler/notat-0.txt,journal\n");
            // The same zip twice, its time kept (as cp -p, rsync -a or a mail client's saving do), the second after the first is done.
            Files.copy(zip, inbox.resolve("lyngvik-2026.zip"), StandardCopyOption.COPY_ATTRIBUTES);
            // The bundles themselves in done/: a receipt is written before its bundle moves (the watcher's order), so on a
            // loaded machine the receipts were there a moment before the folder the test then read.
            assertTrue(waitFor(() -> Files.isRegularFile(inbox.resolve("done/lyngvik-2026.zip"))
                    && Files.isDirectory(inbox.resolve("done/bremnes-2026")), 240), said.toString());
            JsonNode folder = Json.mapper().readTree(inbox.resolve("done/bremnes-2026.receipt.json").toFile());
            assertEquals(2, folder.get("counts").get("indexed").asInt(), folder.toString());
            assertEquals(0, folder.get("counts").get("failed").asInt(), "no file of the watcher's own in the bundle: " + folder);
            try (var left = Files.walk(inbox.resolve("done/bremnes-2026"))) {
                assertEquals(List.of("manifest.csv", "notat-0.txt", "notat-1.txt"), left.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString()).sorted().toList());
            }
            Files.copy(zip, inbox.resolve("lyngvik-2026.zip"), StandardCopyOption.COPY_ATTRIBUTES);
            assertTrue(waitFor(() -> Files.isRegularFile(inbox.resolve("done/lyngvik-2026-2.zip")), 120),
                    "the second drop ingested too, not left in the inbox: " + said);
        }
        assertFalse(InboxState.watcherAlive(new EvidensHome(home)), "stopped");
        JsonNode again = Json.mapper().readTree(inbox.resolve("done/lyngvik-2026-2.zip.receipt.json").toFile());
        assertEquals(2, again.get("counts").get("duplicate").asInt(), again.toString());
        assertEquals(List.of(), InboxState.waiting(inbox));

        // A quotation from a bundle the watcher moved to done/ is checked against the bundle there.
        String h = home.toString();
        CliRun created = CliRun.of("finding", "create", "--case", "lyngvik-2026", "--kind", "avvik", "--title", "Ingen ansvarsgruppe", "--home", h);
        assertEquals(0, created.code(), created.err());
        CliRun attached = CliRun.of("finding", "attach", "--case", "lyngvik-2026", "avvik-1", "--search", "ansvarsgruppemøte Lyngvik",
                "--hit", "1", "--home", h);
        assertEquals(0, attached.code(), attached.err());
        CliRun verified = CliRun.of("verify", "--case", "lyngvik-2026", "--home", h);
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().startsWith("ok "), verified.out());
        assertEquals(inbox.resolve("done/lyngvik-2026-2.zip").toString(), again.get("bundle").asText(), "the receipt names where the bundle is");
    }

    /**
     * A home whose {@code inbox.json} cannot be written (here a folder in the way of its temporary file, as a full disk
     * is faked without root; walked on a real full disk in docs/web-walks.md, round 45): the failure is logged once, not at
     * every poll (500 ms), the watcher goes on (the bundle is ingested and moved to {@code done/}), the Innboks page says
     * the state is not saved (nb, nn), and once the way is clear the state is written at the next poll, said once in the
     * log. Before, the first write's exception went to Camel at every poll and the bundle was never read.
     */
    @Test
    void aStateThatCannotBeSavedIsLoggedOnceTheWatcherGoesOnAndSavesItWhenItCan() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path home = tmp.resolve("home");
        Path log = tmp.resolve("watch.log");
        Process watcher = watch(inbox, home, log);
        try {
            assertTrue(waitFor(() -> Files.isRegularFile(home.resolve(InboxState.FILE)), 120), "the watcher started");
            Path inTheWay = Files.createDirectories(home.resolve(InboxState.FILE + ".tmp").resolve("i-veien"));
            notes(tmp.resolve("lyngvik"), 2, "Lyngvik");
            zip(tmp.resolve("lyngvik"), tmp.resolve("lyngvik-2026.zip"));
            Files.move(tmp.resolve("lyngvik-2026.zip"), inbox.resolve("lyngvik-2026.zip"));
            assertTrue(waitFor(() -> Files.isRegularFile(inbox.resolve("done/lyngvik-2026.zip.receipt.json")), 180),
                    "the bundle ingested all the same: " + read(log));
            assertTrue(InboxState.read(new EvidensHome(home)).finished().isEmpty(), "the state on disk is the one last saved");
            // a few seconds of polls (each tries to save the state again) before the log is read
            Thread.sleep(3000);
            String said = read(log);
            assertEquals(1, count(said, "the inbox's state could not be saved"), said);
            assertEquals(0, count(said, "ERROR"), said);

            EvidensHome h = new EvidensHome(home);
            try (WebServer server = WebServer.start(h, WebConfig.defaults(0, 1 << 20), Exposure.local(), "testar", Ingestion::new)) {
                JsonNode nb = inboxApi(server, "nb");
                assertFalse(nb.get("stateSaved").asBoolean(), nb.toString());
                assertEquals(InboxState.Finished.UNEXPECTED, nb.get("stateNotSaved").get("errorCode").asText(), nb.toString());
                assertTrue(nb.get("stateNotSaved").get("text").asText().startsWith("Køens tilstand blir ikke lagret (siden "), nb.toString());
                assertTrue(inboxApi(server, "nn").get("stateNotSaved").get("text").asText()
                        .startsWith("Tilstanden til køen blir ikkje lagra (sidan "), "nn");

                Files.delete(inTheWay);
                Files.delete(inTheWay.getParent());
                assertTrue(waitFor(() -> {
                    try {
                        return !InboxState.read(h).finished().isEmpty();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }, 60), "saved at a poll once the way is clear: " + read(log));
                assertEquals("lyngvik-2026.zip", InboxState.read(h).finished().get(0).bundle());
                JsonNode again = inboxApi(server, "nb");
                assertTrue(again.get("stateSaved").asBoolean(), again.toString());
                assertTrue(again.get("stateNotSaved").isNull(), again.toString());
            }
            assertTrue(waitFor(() -> count(read(log), "the inbox's state is saved again") == 1, 30), read(log));
            assertEquals(1, count(read(log), "the inbox's state could not be saved"), read(log));
        } finally {
            watcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode inboxApi(WebServer server, String language) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url() + "api/inbox")).header("Accept-Language", language).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** A zip of {@code files} notes of case {@code stor-sak}, dropped into the inbox. */
    private void bigBundleIn(Path inbox, int files) throws Exception {
        notes(tmp.resolve("stor"), files, "en stor sak");
        zip(tmp.resolve("stor"), tmp.resolve("stor-sak.zip"));
        Files.move(tmp.resolve("stor-sak.zip"), inbox.resolve("stor-sak.zip"));
    }

    /** Whether the home's index holds a committed document within {@code seconds}. */
    private static boolean committedWithin(Path home, int seconds) throws Exception {
        return waitFor(() -> {
            try {
                return documents(home) > 0;
            } catch (Exception e) {
                return false; // no index yet
            }
        }, seconds);
    }
}

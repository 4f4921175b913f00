package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.StoredDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.inbox.InboxState;
import no.evidens.pipeline.inbox.InboxWatcher;

/**
 * Bundle after bundle through one inbox watcher: each bundle its own case, receipt and move to {@code done/}, all read by
 * one Tika worker, started once (round 54: each bundle started a worker, and stopped it at its end). A bundle whose
 * worker is killed in the middle of it (as a file that crashes the worker kills it) is finished, and the next bundle is
 * read by a new worker, as within a bundle.
 */
class KeptWorkersIT {
    @TempDir
    Path tmp;

    @Test
    void bundlesOfOneWatcherShareOneWorkerAndOneThatLosesItDoesNotFailTheNext() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("innboks"));
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        AtomicBoolean killed = new AtomicBoolean();
        StringWriter lines = new StringWriter();
        try (KeptWorkers workers = new KeptWorkers(new IsolatedExtractor(2, 1_000_000, false, 300), 2)) {
            // the hostile bundle's worker is killed at its first document stored; every other ingestion is the watcher's own
            Function<EvidensHome, Ingestion> ingestions = h -> {
                Ingestion ingestion = workers.ingestion(h);
                return ingestion.sinkAround(real -> new KillingWorkerAtFirstAdd(real, () -> {
                    if (Files.exists(inbox.resolve("c-fiendtlig.zip")) && killed.compareAndSet(false, true)) {
                        ProcessHandle.current().children().filter(p -> !before.contains(p)).forEach(ProcessHandle::destroyForcibly);
                    }
                }));
            };
            try (InboxWatcher watcher = new InboxWatcher(home, inbox, ingestions, new PrintWriter(lines))) {
                zip(inbox.resolve("a-nordvik.zip"), 3);
                zip(inbox.resolve("b-sørvik.zip"), 4);
                assertTrue(watcher.drain(), lines.toString());
                assertEquals(1, workers.workersStarted(), "one worker for two bundles: " + lines);

                zip(inbox.resolve("c-fiendtlig.zip"), 4);
                zip(inbox.resolve("d-austvik.zip"), 3);
                watcher.drain();
                assertTrue(killed.get(), "the worker was killed in the hostile bundle");
                assertEquals(2, workers.workersStarted(), "a new worker after the one lost, none more: " + lines);
            }
        }
        Map<String, InboxState.Finished> finished = InboxState.read(home).finished().stream()
                .collect(Collectors.toMap(InboxState.Finished::bundle, f -> f));
        for (String bundle : List.of("a-nordvik.zip", "b-sørvik.zip", "c-fiendtlig.zip", "d-austvik.zip")) {
            InboxState.Finished f = finished.get(bundle);
            assertEquals(InboxWatcher.DONE, f.status(), f.toString());
            assertEquals(bundle.substring(0, bundle.length() - 4), f.caseId(), f.toString());
            assertTrue(Files.isRegularFile(inbox.resolve("done").resolve(bundle + ".receipt.json")), bundle);
        }
        assertEquals(3, finished.get("a-nordvik.zip").indexed());
        assertEquals(4, finished.get("b-sørvik.zip").indexed());
        assertEquals(4, finished.get("c-fiendtlig.zip").indexed() + finished.get("c-fiendtlig.zip").failedFiles());
        // the bundle after the lost worker is read whole, by the new one
        assertEquals(3, finished.get("d-austvik.zip").indexed(), finished.get("d-austvik.zip").toString());
        assertEquals(0, finished.get("d-austvik.zip").failedFiles(), finished.get("d-austvik.zip").toString());
        // and the close stopped it: no worker outlives the run (its end waited for: a stop is a signal, its exit follows)
        for (ProcessHandle left : ProcessHandle.current().children().filter(p -> !before.contains(p)).toList()) {
            left.onExit().get(2, TimeUnit.MINUTES);
        }
    }

    /**
     * A watching {@code watch} lets the worker go when its inbox is empty (a watcher waits for hours between deliveries,
     * and would hold a worker's memory all that time), and starts one again for the next bundle.
     */
    @Test
    void aWatcherWhoseInboxIsEmptyLetsTheWorkerGoAndTheNextBundleStartsOne() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("innboks"));
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (KeptWorkers workers = new KeptWorkers(new IsolatedExtractor(2, 1_000_000, false, 300), 2);
             InboxWatcher watcher = new InboxWatcher(home, inbox, workers::ingestion, new PrintWriter(new StringWriter()))) {
            watcher.whenIdle(workers::idle).start();
            zip(inbox.resolve("a-nordvik.zip"), 2);
            waitFor(inbox.resolve("done/a-nordvik.zip.receipt.json"));
            assertEquals(1, workers.workersStarted());
            // the inbox empty: the worker is stopped at the next poll (its end waited for, not timed)
            for (ProcessHandle worker : ProcessHandle.current().children().filter(p -> !before.contains(p)).toList()) {
                worker.onExit().get(2, TimeUnit.MINUTES);
            }
            zip(inbox.resolve("b-sørvik.zip"), 2);
            waitFor(inbox.resolve("done/b-sørvik.zip.receipt.json"));
            assertEquals(2, workers.workersStarted(), "a new worker for the bundle after the wait");
        }
        assertEquals(2, InboxState.read(home).finished().stream().filter(f -> InboxWatcher.DONE.equals(f.status())).count());
    }

    /** Waits (at most minutes, on a loaded machine) for a file the watcher writes. */
    private static void waitFor(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(file), file + " never came");
    }

    private static void zip(Path zip, int files) throws IOException {
        String place = zip.getFileName().toString();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < files; i++) {
                z.putNextEntry(new ZipEntry("journaler/notat-" + i + ".txt"));
                z.write(("Notat " + i + " fra " + place + ": helsestasjonen deltar i ansvarsgruppen, og barnevernet "
                        + "fulgte opp familien etter meldingen.").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    /** The index's sink, which runs a step at the first document stored (here: the worker killed), then stores as usual. */
    private static final class KillingWorkerAtFirstAdd implements EvidenceSink {
        private final EvidenceSink real;
        private Runnable atFirst;

        KillingWorkerAtFirstAdd(EvidenceSink real, Runnable atFirst) {
            this.real = real;
            this.atFirst = atFirst;
        }

        private synchronized void first() {
            if (atFirst != null) {
                atFirst.run();
                atFirst = null;
            }
        }

        @Override
        public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
            first();
            real.add(doc, passages);
        }

        @Override
        public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
            first();
            real.replace(doc, passages);
        }

        @Override
        public List<IndexedDocument> deleteDocuments(String caseId, Set<String> types) throws IOException {
            return real.deleteDocuments(caseId, types);
        }

        @Override
        public List<StoredDocument.Entry> documents(String caseId) throws IOException {
            return real.documents(caseId);
        }

        @Override
        public Optional<StoredDocument> stored(String caseId, String docId) throws IOException {
            return real.stored(caseId, docId);
        }

        @Override
        public boolean contains(String caseId, String sha256) throws IOException {
            return real.contains(caseId, sha256);
        }

        @Override
        public void commit() throws IOException {
            real.commit();
        }

        @Override
        public List<NotStored> notStored() {
            return real.notStored();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }
    }
}

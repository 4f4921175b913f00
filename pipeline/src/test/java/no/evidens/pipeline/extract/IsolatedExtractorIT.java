package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedExtractorIT {
    @TempDir
    Path tmp;
    /** The class's folder for what its tests only read: the scan. */
    @TempDir
    static Path shared;
    /** A full page of small print (made once for the class: drawing and writing it takes seconds on a busy machine). */
    private static Path scan;

    @BeforeAll
    static void drawTheScan() throws Exception {
        scan = scanOf(shared.resolve("side.png"), 96);
    }

    @Test
    void extractsInAWorkerProcessWithTheSameResultAsInProcess() throws Exception {
        Path txt = tmp.resolve("notat.txt");
        Files.writeString(txt, "Helsestasjonen deltar i ansvarsgruppen.\n\nNAV-kontoret deltar ikke.");
        try (IsolatedExtractor isolated = new IsolatedExtractor(1, 1_000_000, false, 60)) {
            Extraction e = isolated.extract(txt);
            assertEquals(new TikaExtractor(1_000_000, false).extract(txt), e);
            ExtractionException empty = assertThrows(ExtractionException.class, () -> isolated.extract(tmp.resolve("mangler.txt")));
            assertEquals(Reason.UNREADABLE, empty.reason(), empty.getMessage());
        }
    }

    /**
     * A file name may hold a line break (Linux allows any byte but the slash): the worker, which takes one request a
     * line, reads the file all the same, and the next file too. Before, the name was cut at the break (the file
     * "could not be opened") and the rest of the line ended the worker's reading, so every later file waited for its
     * time limit.
     */
    @Test
    void aFileNameWithLineBreaksIsReadAndTheWorkerGoesOn() throws Exception {
        Path odd = tmp.resolve("linje\nskift\r og \\ skråstrek.txt");
        Files.writeString(odd, "Helsestasjonen deltar i ansvarsgruppen.");
        Path next = tmp.resolve("neste.txt");
        Files.writeString(next, "NAV-kontoret deltar ikke.");
        TikaExtractor inProcess = new TikaExtractor(1_000_000, false);
        try (IsolatedExtractor isolated = new IsolatedExtractor(1, 1_000_000, false, 20)) {
            assertEquals(inProcess.extract(odd), isolated.extract(odd));
            assertEquals(inProcess.extract(next), isolated.extract(next));
        }
    }

    @Test
    void oneWorkerProcessReadsTwoFilesAtATimeWithTheSameResultsAsInProcess() throws Exception {
        List<Path> files = textFiles("notat", 12, "Notat %d: helsestasjonen deltar i ansvarsgruppen.\n\nNAV-kontoret deltar ikke.");
        TikaExtractor inProcess = new TikaExtractor(1_000_000, false);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (IsolatedExtractor isolated = new IsolatedExtractor(2, 1_000_000, false, 60)) {
            List<Future<Extraction>> answers = new ArrayList<>();
            for (Path f : files) {
                answers.add(callers.submit(() -> isolated.extract(f)));
            }
            for (int i = 0; i < files.size(); i++) {
                assertEquals(inProcess.extract(files.get(i)), answers.get(i).get(), files.get(i).toString());
            }
            assertEquals(1, ProcessHandle.current().children().filter(p -> !before.contains(p)).count(),
                    "two threads in one worker process");
        } finally {
            callers.shutdown();
        }
    }

    /**
     * An ingest starts its worker before the first file (so the worker's start overlaps the models' load): the worker
     * is running before any file is asked for, a second call starts none, and the files it then reads come back as
     * in process, read by that one worker.
     */
    @Test
    void aPreparedWorkerIsRunningBeforeTheFirstFileAndReadsAsInProcess() throws Exception {
        List<Path> files = textFiles("referat", 4, "Referat %d: kommunen svarte ikke på varselet.\n\nTilsynet avsluttes.");
        TikaExtractor inProcess = new TikaExtractor(1_000_000, false);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (IsolatedExtractor isolated = new IsolatedExtractor(2, 1_000_000, false, 60)) {
            isolated.prepare();
            List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !before.contains(p)).toList();
            assertEquals(1, started.size(), "one worker process, started before any file");
            assertTrue(started.get(0).isAlive());
            isolated.prepare();
            List<Future<Extraction>> answers = new ArrayList<>();
            for (Path f : files) {
                answers.add(callers.submit(() -> isolated.extract(f)));
            }
            for (int i = 0; i < files.size(); i++) {
                assertEquals(inProcess.extract(files.get(i)), answers.get(i).get(), files.get(i).toString());
            }
            assertEquals(started, ProcessHandle.current().children().filter(p -> !before.contains(p)).toList(),
                    "the prepared worker read them all");
        } finally {
            callers.shutdown();
        }
    }

    /**
     * A worker's start given up (its thread interrupted, as a stopped ingestion does to the start of its first worker)
     * ends at once, not waiting for a worker to be ready, and leaves the extractor whole: Tika's look for Tesseract,
     * interrupted, would have said it is missing (and the extractor kept that), so the next start reads a scan with OCR.
     */
    @Test
    void aStartGivenUpEndsItsWorkerAtOnceAndTheNextStartStillReadsWithOcr() throws Exception {
        BufferedImage line = new BufferedImage(1400, 160, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = line.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, line.getWidth(), line.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 56));
        g.drawString("Ettervern for ungdom", 40, 100);
        g.dispose();
        Path png = tmp.resolve("linje.png");
        ImageIO.write(line, "png", png.toFile());
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (IsolatedExtractor isolated = new IsolatedExtractor(1)) { // Tesseract looked for as the first worker starts
            long asked = System.nanoTime();
            Thread.currentThread().interrupt(); // the stop, asked as the start begins
            isolated.prepare();
            long took = (System.nanoTime() - asked) / 1_000_000;
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertTrue(took < 5_000, "given up without waiting for the worker to be ready (1-4 CPU s): " + took + " ms");
            // Workers only: Tika's look for Tesseract runs `tesseract --version` on a thread of its own, which the stop does not
            // wait for (it ends by itself in a moment; on a loaded machine it may still be running here).
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            assertEquals(List.of(), ProcessHandle.current().children().filter(p -> !before.contains(p) && p.isAlive()
                    && p.info().command().map(java::equals).orElse(true)).toList(), "no worker left running");
            String text = isolated.extract(png).text();
            assertTrue(text.contains("Ettervern"), "read with OCR by a worker started afterwards: '" + text + "'");
        }
    }

    /** A worker that cannot start ahead of the files leaves nothing running, and the first file still says why. */
    @Test
    void aWorkerThatCannotStartAheadIsLeftForTheFirstFile() throws Exception {
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om avvik.");
        try (IsolatedExtractor overloaded = new IsolatedExtractor(1, 1_000_000, false, 60, 0)) {
            overloaded.prepare();
            ExtractionException e = assertThrows(ExtractionException.class, () -> overloaded.extract(txt));
            assertEquals(Reason.TIMED_OUT, e.reason(), e.getMessage() + " / " + e.detail());
        }
    }

    /**
     * A worker kept between ingests (the inbox's watcher) that ended while idle (killed by the system's out-of-memory
     * killer, or by hand) is replaced when the next ingest gets ready, not handed its first file.
     */
    @Test
    void aWorkerFoundDeadWhenTheNextIngestGetsReadyIsReplaced() throws Exception {
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (IsolatedExtractor isolated = new IsolatedExtractor(2, 1_000_000, false, 300)) {
            isolated.prepare();
            assertEquals(1, isolated.sharedStarts());
            ProcessHandle first = ProcessHandle.current().children().filter(p -> !before.contains(p)).findFirst().orElseThrow();
            first.destroyForcibly();
            first.onExit().get(2, TimeUnit.MINUTES);
            isolated.prepare();
            assertEquals(2, isolated.sharedStarts(), "a new worker in place of the dead one");
            assertTrue(ProcessHandle.current().children().anyMatch(p -> !before.contains(p) && p.isAlive()));
            assertTrue(isolated.extract(txt).text().contains("taushetsplikt"));
            assertEquals(2, isolated.sharedStarts(), "the file read by it");
        }
    }

    @Test
    void aFileLostWithTheWorkerItSharedIsReadAgainAlone() throws Exception {
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        // A quarter of the full page: this test reads its scan through to the end twice (again in a worker, then in process to
        // compare), some 13 CPU s each for the full page, which made it half the class's time; a quarter still keeps Tesseract
        // at it for seconds, far longer than the moment between its start being seen and the worker being stopped.
        Path quarter = scanOf(tmp.resolve("kvart-side.png"), 24);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        // Tesseract in the workers with the same 300 s as the in-process reading below: its own 120 s ran out for the full
        // page on a loaded machine, where the file's 300 s had not
        try (IsolatedExtractor isolated = new IsolatedExtractor(2, 1_000_000, true, 300, IsolatedExtractor.DEFAULT_START_MILLIS, 300)) {
            isolated.extract(txt); // the shared worker is running
            ProcessHandle shared = ProcessHandle.current().children().filter(p -> !before.contains(p)).findFirst().orElseThrow();
            Future<Extraction> read = caller.submit(() -> isolated.extract(quarter));
            // Tesseract reads the page for seconds: the worker is stopped while the page is in it, as it is for
            // the time limit of another file it holds. Its Tesseract running is waited for, not a fixed half second
            // (on a loaded machine the page may not have reached the worker by then).
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && ocrOf(shared).isEmpty()) {
                Thread.sleep(100);
            }
            assertTrue(ocrOf(shared).isPresent(), "Tesseract never started in the shared worker");
            shared.destroyForcibly();
            Extraction again = read.get();
            // The in-process reading to compare with runs after the worker's, not beside it, and with the worker's own
            // 300 s limit: two Tesseracts at once on a loaded 2-core machine passed Tika's default limit (CI, load 41).
            assertEquals(new TikaExtractor(1_000_000, true, 300).extract(quarter), again, "read again in a worker of its own");
            assertTrue(isolated.extract(txt).text().contains("taushetsplikt"), "a new shared worker took over");
        } finally {
            caller.shutdown();
        }
    }

    @Test
    void aFileOverTheTimeLimitIsStoppedAndTheNextFileStillWorks() throws Exception {
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        try (IsolatedExtractor isolated = new IsolatedExtractor(1, 1_000_000, true, 1)) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> isolated.extract(scan));
            assertEquals(Reason.TIMED_OUT, e.reason(), e.getMessage());
            assertTrue(isolated.extract(txt).text().contains("taushetsplikt"), "a new worker took over");
        }
    }

    /**
     * A worker that dies in the middle of a page (a crash, memory exhausted, or stopped for a time limit) leaves
     * nothing behind: Tika's temporary copy of the page and Tesseract's output were left in the system's temporary
     * folder, readable by every user of the machine, and Tesseract ran on, orphaned, to the end of the page. Now each
     * worker has a private folder, deleted once it has ended, and the programs still working in it are stopped.
     */
    @Test
    void aWorkerThatDiesMidPageLeavesNoTemporaryFileAndNoOcrRunning() throws Exception {
        Path system = Path.of(System.getProperty("java.io.tmpdir"));
        String ours = WorkerTempFolders.prefix(ProcessHandle.current().pid());
        Set<String> tikaFilesBefore = names(system, "apache-tika-");
        Set<String> foldersBefore = names(system, ours);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (IsolatedExtractor isolated = new IsolatedExtractor(1, 1_000_000, true, 600)) {
            Future<Reason> read = caller.submit(() -> assertThrows(ExtractionException.class, () -> isolated.extract(scan)).reason());
            // Tesseract reading the page, started by this JVM's worker: waited for, not timed.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && ocrOfMyWorker(ours, system).isEmpty()) {
                Thread.sleep(100);
            }
            ProcessHandle ocr = ocrOfMyWorker(ours, system).orElseThrow(() -> new AssertionError("Tesseract never started"));
            ocr.parent().orElseThrow().destroyForcibly(); // the worker dies mid-page
            assertEquals(Reason.PARSER_CRASHED, read.get(5, TimeUnit.MINUTES));
        } finally {
            caller.shutdown();
        }
        // The worker's folder goes once the process has exited: waited for, not timed.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && (!ocrOf(ours, system).isEmpty() || !newNames(system, ours, foldersBefore).isEmpty())) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), ocrOf(ours, system), "no Tesseract of the dead worker still running");
        assertEquals(Set.of(), newNames(system, ours, foldersBefore), "the worker's private folder is deleted");
        assertEquals(Set.of(), newNames(system, "apache-tika-", tikaFilesBefore),
                "no temporary file of Tika's left in the system's temporary folder");
    }

    /** The names in {@code folder} that start with {@code prefix} and are not among {@code before}. */
    private static Set<String> newNames(Path folder, String prefix, Set<String> before) throws Exception {
        Set<String> now = names(folder, prefix);
        now.removeAll(before);
        return now;
    }

    /** The names in {@code folder} that start with {@code prefix}. */
    private static Set<String> names(Path folder, String prefix) throws Exception {
        try (var all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    /** A Tesseract process started by this worker. */
    private static java.util.Optional<ProcessHandle> ocrOf(ProcessHandle worker) {
        return worker.children().filter(p -> p.info().command().map(c -> c.endsWith("tesseract")).orElse(false)).findFirst();
    }

    /** A Tesseract process started by a worker of this JVM. */
    private static java.util.Optional<ProcessHandle> ocrOfMyWorker(String ours, Path system) {
        long me = ProcessHandle.current().pid();
        return ocrOf(ours, system).stream()
                .filter(p -> p.parent().flatMap(ProcessHandle::parent).map(h -> h.pid() == me).orElse(false))
                .findFirst();
    }

    /** Running Tesseract processes that read a page for this JVM's workers (in their folder, or Tika's in the system's). */
    private static List<ProcessHandle> ocrOf(String ours, Path system) {
        String loose = system.resolve("apache-tika-").toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("tesseract")).orElse(false))
                .filter(p -> {
                    String args = String.join(" ", p.info().arguments().orElse(new String[0]));
                    return args.contains(ours) || args.contains(loose);
                })
                .toList();
    }

    /**
     * A machine so busy that a worker is not ready within its start limit (a limit of 0 stands for it): the file
     * was not read, and its receipt says it ran out of time (read again by the next ingest), not "unexpected error".
     */
    @Test
    void aFileWhoseWorkerCannotStartInTimeIsTimedOut() throws Exception {
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (IsolatedExtractor overloaded = new IsolatedExtractor(1, 1_000_000, false, 60, 0)) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> overloaded.extract(txt));
            assertEquals(Reason.TIMED_OUT, e.reason(), e.getMessage() + " / " + e.detail());
            assertTrue(e.detail().contains("did not start"), e.detail());
        }
        for (ProcessHandle p : ProcessHandle.current().children().filter(p -> !before.contains(p)).toList()) {
            p.onExit().get(30, TimeUnit.SECONDS); // the late worker was stopped, not left running
        }
    }

    /**
     * Three callers, one worker of two threads: the third waits for a free thread. The two in the worker run out of
     * time and the worker is stopped; nobody gives a thread back, and the one waiting starts a worker of its own
     * instead of waiting for ever.
     */
    @Test
    void aCallerWaitingForAWorkerThatIsStoppedStartsAnother() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (IsolatedExtractor isolated = new IsolatedExtractor(2, 1_000_000, true, 1)) {
            List<Future<Reason>> reasons = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reasons.add(callers.submit(() -> assertThrows(ExtractionException.class, () -> isolated.extract(scan)).reason()));
            }
            for (Future<Reason> r : reasons) {
                // Far beyond what three worker starts and three one-second limits take, even on a busy machine.
                assertEquals(Reason.TIMED_OUT, r.get(10, TimeUnit.MINUTES));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A scan of {@code lines} lines of small print at 300 dpi, written to {@code png}: 96 fill an A4 page, for which Tesseract
     * needs far more than a second.
     */
    private static Path scanOf(Path png, int lines) throws Exception {
        BufferedImage page = new BufferedImage(2480, Math.min(3508, 60 + 36 * lines), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        for (int y = 60; y < page.getHeight(); y += 36) {
            g.drawString("Barneverntjenesten og NAV samarbeider om ettervern for ungdom mellom 18 og 23 år, jf. § 4-3.", 40, y);
        }
        g.dispose();
        ImageIO.write(page, "png", png.toFile());
        return png;
    }

    /** {@code count} text files {@code name-i.txt}, each holding {@code text} with its number for {@code %d}. */
    private List<Path> textFiles(String name, int count, String text) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path f = tmp.resolve(name + "-" + i + ".txt");
            Files.writeString(f, String.format(Locale.ROOT, text, i));
            files.add(f);
        }
        return files;
    }
}

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedExtractorIT {
    @TempDir
    Path tmp;

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

    @Test
    void aFileLostWithTheWorkerItSharedIsReadAgainAlone() throws Exception {
        Path scan = fullPageScan();
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        try (IsolatedExtractor isolated = new IsolatedExtractor(2, 1_000_000, true, 300)) {
            isolated.extract(txt); // the shared worker is running
            ProcessHandle shared = ProcessHandle.current().children().filter(p -> !before.contains(p)).findFirst().orElseThrow();
            Future<Extraction> read = caller.submit(() -> isolated.extract(scan));
            // Tesseract reads the page for seconds: the worker is stopped while the scan is in it, as it is for
            // the time limit of another file it holds.
            Thread.sleep(500);
            shared.destroyForcibly();
            assertEquals(new TikaExtractor(1_000_000, true).extract(scan), read.get(), "read again in a worker of its own");
            assertTrue(isolated.extract(txt).text().contains("taushetsplikt"), "a new shared worker took over");
        } finally {
            caller.shutdown();
        }
    }

    @Test
    void aFileOverTheTimeLimitIsStoppedAndTheNextFileStillWorks() throws Exception {
        Path scan = fullPageScan();
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        try (IsolatedExtractor isolated = new IsolatedExtractor(1, 1_000_000, true, 1)) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> isolated.extract(scan));
            assertEquals(Reason.TIMED_OUT, e.reason(), e.getMessage());
            assertTrue(isolated.extract(txt).text().contains("taushetsplikt"), "a new worker took over");
        }
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
        Path scan = fullPageScan();
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

    /** A full page of small print: Tesseract needs far more than a second for it. */
    private Path fullPageScan() throws Exception {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        for (int y = 60; y < page.getHeight(); y += 36) {
            g.drawString("Barneverntjenesten og NAV samarbeider om ettervern for ungdom mellom 18 og 23 år, jf. § 4-3.", 40, y);
        }
        g.dispose();
        Path scan = tmp.resolve("side.png");
        ImageIO.write(page, "png", scan.toFile());
        return scan;
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

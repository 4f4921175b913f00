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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void oneWorkerProcessReadsTwoFilesAtATimeWithTheSameResultsAsInProcess() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path f = tmp.resolve("notat-" + i + ".txt");
            Files.writeString(f, "Notat " + i + ": helsestasjonen deltar i ansvarsgruppen.\n\nNAV-kontoret deltar ikke.");
            files.add(f);
        }
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
}

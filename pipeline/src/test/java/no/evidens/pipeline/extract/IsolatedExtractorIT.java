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
    void aFileOverTheTimeLimitIsStoppedAndTheNextFileStillWorks() throws Exception {
        // A full page of small print: Tesseract needs far more than a second for it.
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
        Path txt = tmp.resolve("kort.txt");
        Files.writeString(txt, "Kort notat om taushetsplikt.");
        try (IsolatedExtractor isolated = new IsolatedExtractor(1, 1_000_000, true, 1)) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> isolated.extract(scan));
            assertEquals(Reason.TIMED_OUT, e.reason(), e.getMessage());
            assertTrue(isolated.extract(txt).text().contains("taushetsplikt"), "a new worker took over");
        }
    }
}

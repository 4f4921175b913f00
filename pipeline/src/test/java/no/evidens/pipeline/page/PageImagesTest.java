package no.evidens.pipeline.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.extract.Sha256;

/** Page images: rendered at a bounded size, kept per file hash, only of the very file that was indexed. */
class PageImagesTest {
    @TempDir
    Path dir;

    private IndexedDocument pdf(Path bundle, int pages) throws Exception {
        Path file = bundle.resolve("styringsdokumenter/plan.pdf");
        Files.createDirectories(file.getParent());
        try (PDDocument d = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                d.addPage(new PDPage(PDRectangle.A4));
            }
            d.save(file.toFile());
        }
        return new IndexedDocument("d1", "sak", "styringsdokumenter/plan.pdf", "styringsdokument", "Plan", Sha256.of(file),
                "application/pdf", "side en\nside to", List.of(0, 8));
    }

    @Test
    void aPdfPageIsRenderedWithinTheBoundsAndKeptUnderTheHome() throws Exception {
        Path bundle = dir.resolve("bunke");
        IndexedDocument doc = pdf(bundle, 2);
        EvidensHome home = new EvidensHome(dir.resolve("home"));
        PageImages pages = new PageImages(home);
        byte[] png = pages.png(doc, bundle.toString(), 2).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() <= PageImages.MAX_WIDTH && image.getHeight() <= PageImages.MAX_HEIGHT);
        assertEquals(Math.round(PDRectangle.A4.getWidth() / 72 * PageImages.MAX_DPI), image.getWidth(), 1.0);
        Path cached = home.root().resolve("pages").resolve(doc.sha256()).resolve("2.png");
        assertTrue(Files.isRegularFile(cached));
        assertTrue(pages.png(doc, bundle.toString(), 3).isEmpty(), "no page 3");

        PageImages.forget(home, doc.sha256());
        assertFalse(Files.exists(cached.getParent()), "deleted with its document");
    }

    @Test
    void aFileChangedSinceItWasIndexedIsNotShown() throws Exception {
        Path bundle = dir.resolve("bunke");
        IndexedDocument doc = pdf(bundle, 1);
        Files.write(bundle.resolve(doc.file()), new byte[] {'%', 'P', 'D', 'F'});
        assertTrue(new PageImages(new EvidensHome(dir.resolve("home"))).png(doc, bundle.toString(), 1).isEmpty());
        assertTrue(new PageImages(new EvidensHome(dir.resolve("home"))).png(doc, null, 1).isEmpty(), "no bundle known");
    }
}

package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.renderer.PageRangeRequest;
import org.apache.tika.renderer.RenderResults;
import org.apache.tika.renderer.pdf.pdfbox.PDFBoxRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanedPdfRendererTest {
    @TempDir
    Path tmp;

    @Test
    void aScannedPageIsCleanedOfSpecksBeforeOcrAsAPictureFileIs() throws Exception {
        Path pdf = tmp.resolve("skannet.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(72, 72));
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.addRect(18, 54, 0.48f, 0.48f); // a speck: two pixels square at Tika's 300 dpi
                c.addRect(48, 12, 3, 48);        // a letter's stroke
                c.fill();
            }
            doc.save(pdf.toFile());
        }
        BufferedImage plain = firstPage(new PDFBoxRenderer(), pdf);
        BufferedImage cleaned = firstPage(new CleanedPdfRenderer(), pdf);
        float scale = plain.getWidth() / 72f;
        int x = Math.round(18.24f * scale);
        int y = Math.round((72 - 54.24f) * scale);
        assertTrue(darkest(plain, x, y) < 128, "the speck is on the page as rendered");
        assertEquals(255, darkest(cleaned, x, y), "and gone from what Tesseract reads");
        assertEquals(0, cleaned.getRaster().getSample(Math.round(49.5f * scale), cleaned.getHeight() / 2, 0), "the stroke stays");
    }

    /** The darkest grey within two pixels of (x, y). */
    private static int darkest(BufferedImage img, int x, int y) {
        int min = 255;
        for (int i = x - 2; i <= x + 2; i++) {
            for (int j = y - 2; j <= y + 2; j++) {
                min = Math.min(min, img.getRaster().getSample(i, j, 0));
            }
        }
        return min;
    }

    private static BufferedImage firstPage(PDFBoxRenderer renderer, Path pdf) throws Exception {
        try (TikaInputStream in = TikaInputStream.get(pdf);
             RenderResults pages = renderer.render(in, new Metadata(), new ParseContext(), PageRangeRequest.RENDER_ALL);
             InputStream picture = pages.getResults().get(0).getInputStream()) {
            return ImageIO.read(picture);
        }
    }
}

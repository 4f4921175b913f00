package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The hyphens a PDF draws as small filled bars are read in the same pass over a page as its words: that pass
 * must see the very bars a graphics pass of their own sees (the one kept for pages with Type 3 fonts), whatever
 * the content stream does around them, and join the word before a bar with the next line's first word.
 */
class PdfDrawnHyphensTest {
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    /** Two lines, the first ending in "over" with a bar after it drawn by {@code bar} at the given x. */
    private static PDDocument twoLines(BarDrawer bar) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
            c.setNonStrokingColor(Color.DARK_GRAY);
            line(c, "Tilsynet ser at over", 700);
            bar.draw(c, 60 + FONT.getStringWidth("Tilsynet ser at over") / 1000 * 12 + 0.6f, 700 + 12 * 0.26f);
            line(c, "gangen til voksen alder er sårbar.", 684);
        }
        return doc;
    }

    private static void line(PDPageContentStream c, String text, float y) throws IOException {
        c.beginText();
        c.setFont(FONT, 12);
        c.newLineAtOffset(60, y);
        c.showText(text);
        c.endText();
    }

    @FunctionalInterface
    private interface BarDrawer {
        void draw(PDPageContentStream c, float x, float y) throws IOException;
    }

    private static List<PdfDrawnHyphens.Bar> wordsPass(PDDocument doc) throws IOException {
        return PdfLayout.PageReader.read(doc, doc.getPage(0), doc.getPage(0)).bars();
    }

    @Test
    void theWordsPassSeesTheBarsOfAGraphicsPassWhateverIsDrawnAroundThem() throws IOException {
        try (PDDocument doc = twoLines((c, x, y) -> {
            c.addRect(x, y, 3.4f, 0.8f);
            c.fill();
            // Not bars: a stroked one, one with a line added before its fill, one too large.
            c.addRect(100, 500, 3, 1);
            c.stroke();
            c.addRect(120, 500, 3, 1);
            c.lineTo(130, 510);
            c.fill();
            c.addRect(140, 500, 40, 20);
            c.fill();
            // Bars again: filled and stroked, closed and filled even-odd, and one drawn under a transformation.
            c.addRect(200, 500, 3, 1);
            c.fillAndStroke();
            c.addRect(220, 500, 3, 1);
            c.closeAndFillAndStrokeEvenOdd();
            c.saveGraphicsState();
            c.transform(Matrix.getTranslateInstance(50, -100));
            c.setLineWidth(2);
            c.addRect(240, 500, 3, 1);
            c.fillEvenOdd();
            c.restoreGraphicsState();
        })) {
            List<PdfDrawnHyphens.Bar> graphics = PdfDrawnHyphens.bars(doc.getPage(0));
            assertEquals(4, graphics.size(), graphics.toString());
            assertEquals(new PdfDrawnHyphens.Bar(290, 400, 293, 401), graphics.get(3));
            assertEquals(graphics, wordsPass(doc));
        }
    }

    @Test
    void aBarAfterALineEndJoinsItsWordWithTheNextLinesFirst() throws IOException {
        try (PDDocument doc = twoLines((c, x, y) -> {
            c.saveGraphicsState();
            c.transform(Matrix.getTranslateInstance(x, y));
            c.addRect(0, 0, 3.4f, 0.8f);
            c.fill();
            c.restoreGraphicsState();
        })) {
            assertEquals(Set.of("over-gangen"), PdfLayout.of(doc).drawnHyphens());
        }
        try (PDDocument doc = twoLines((c, x, y) -> {
            c.addRect(x, y, 3.4f, 0.8f);
            c.stroke();
        })) {
            assertEquals(Set.of(), PdfLayout.of(doc).drawnHyphens());
        }
    }
}

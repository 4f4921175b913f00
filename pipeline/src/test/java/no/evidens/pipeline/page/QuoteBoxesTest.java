package no.evidens.pipeline.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Where a quotation stands on a PDF page, found among the page's glyphs. */
class QuoteBoxesTest {
    /** An A4 page with three lines: at 100 pt, 400 pt and 700 pt from the top; the middle and last say the same. */
    private static PDDocument page() throws IOException {
        PDDocument pdf = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        float h = PDRectangle.A4.getHeight();
        try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
            String[] lines = {"1.3 Lovgrunnlag", "Planen bygger på barne-", "Planen bygger på barnevernloven"};
            float[] tops = {100, 400, 700};
            for (int i = 0; i < lines.length; i++) {
                s.beginText();
                s.setFont(font, 12);
                s.newLineAtOffset(72, h - tops[i]);
                s.showText(lines[i]);
                s.endText();
            }
        }
        return pdf;
    }

    @Test
    void aHeadingIsOutlinedWhereItStands() throws IOException {
        try (PDDocument pdf = page()) {
            List<QuoteBoxes.Box> boxes = QuoteBoxes.find(pdf, 1, "1.3 Lovgrunnlag", 0);
            assertEquals(1, boxes.size(), boxes.toString());
            QuoteBoxes.Box b = boxes.get(0);
            double top = 100 / PDRectangle.A4.getHeight();
            assertTrue(b.y() < top && b.y() + b.height() > top - 0.005, "around the line's baseline: " + b);
            assertEquals(72 / PDRectangle.A4.getWidth(), b.x(), 0.002);
            assertTrue(b.width() > 0.1 && b.width() < 0.25, b.toString());
        }
    }

    @Test
    void ofTwoPlacesTheOneNearestTheQuotationsPlaceInTheTextIsTaken() throws IOException {
        try (PDDocument pdf = page()) {
            double y0 = QuoteBoxes.find(pdf, 1, "Planen bygger på barne", 0.2).get(0).y();
            double y1 = QuoteBoxes.find(pdf, 1, "Planen bygger på barne", 0.6).get(0).y();
            assertTrue(y0 < 0.5 && y1 > 0.8, y0 + " then " + y1);
        }
    }

    @Test
    void hyphensSpacesAndLigaturesDoNotCountWhenMatching() throws IOException {
        assertEquals("barnevernloven", QuoteBoxes.letters("barne-\nvern loven"));
        assertEquals("fil", QuoteBoxes.letters("\uFB01l"));
        try (PDDocument pdf = page()) {
            assertTrue(QuoteBoxes.find(pdf, 1, "står ikke her", 0).isEmpty());
        }
    }
}

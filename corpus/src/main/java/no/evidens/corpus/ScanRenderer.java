package no.evidens.corpus;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Text as pictures only, as a scanner gives it: each page is drawn with Java2D into a black-and-white
 * image at 300 dpi and placed in the PDF as a CCITT G4 image, with no text layer at all. The font is
 * the Liberation Sans that PDFBox ships, so the pictures do not depend on the fonts of the machine.
 */
final class ScanRenderer {

    static final int DPI = 300;
    static final int PAGE_WIDTH = Math.round(PDRectangle.A4.getWidth() / 72f * DPI);
    static final int PAGE_HEIGHT = Math.round(PDRectangle.A4.getHeight() / 72f * DPI);
    static final int MARGIN = DPI; // one inch
    static final float BODY_PT = 12f;
    static final float TITLE_PT = 15f;

    /** One line of text on a page image, {@code y} its baseline in pixels. */
    record Line(int x, int y, boolean title, String text) {
    }

    /** The lines of each page and the offset of the expected text each page starts at. */
    record Layout(List<List<Line>> pages, List<Integer> pageStarts) {

        Layout {
            pages = pages.stream().map(List::copyOf).toList();
            pageStarts = List.copyOf(pageStarts);
        }
    }

    private static final Font BASE = loadFont();

    private ScanRenderer() {
    }

    private static Font loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships LiberationSans-Regular.ttf");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Font font(boolean title) {
        return BASE.deriveFont(title ? Font.BOLD : Font.PLAIN, (title ? TITLE_PT : BODY_PT) / 72f * DPI);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Left-aligned word wrap in pages of {@code width} × {@code height} pixels. */
    static Layout layout(SourceText text, int width, int height) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = graphics(scratch);
        List<List<Line>> pages = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int[] offsets = text.paragraphOffsets();
        int usable = width - 2 * MARGIN;
        int y = MARGIN;
        for (int p = 0; p < text.paragraphs().size(); p++) {
            boolean title = p == 0;
            FontMetrics metrics = g.getFontMetrics(font(title));
            int leading = Math.round(metrics.getHeight() * 1.15f);
            String[] words = text.paragraphs().get(p).split(" ");
            int offset = offsets[p];
            int i = 0;
            while (i < words.length) {
                int lineStart = offset;
                StringBuilder line = new StringBuilder(words[i]);
                offset += words[i].length() + 1;
                i++;
                while (i < words.length && metrics.stringWidth(line + " " + words[i]) <= usable) {
                    line.append(' ').append(words[i]);
                    offset += words[i].length() + 1;
                    i++;
                }
                if (pages.isEmpty() || y + leading > height - MARGIN) {
                    pages.add(new ArrayList<>());
                    starts.add(pages.size() == 1 ? 0 : lineStart);
                    y = MARGIN;
                }
                y += leading;
                pages.get(pages.size() - 1).add(new Line(MARGIN, y, title, line.toString()));
            }
            y += leading / 2;
        }
        g.dispose();
        return new Layout(pages, starts);
    }

    static Layout pageLayout(SourceText text) {
        return layout(text, PAGE_WIDTH, PAGE_HEIGHT);
    }

    private static BufferedImage draw(List<Line> lines, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        for (Line line : lines) {
            g.setFont(font(line.title()));
            g.drawString(line.text(), line.x(), line.y());
        }
        g.dispose();
        return image;
    }

    /** A PDF of page images only. */
    static byte[] pdf(SourceText text, String title, LocalDate date) throws IOException {
        Layout layout = pageLayout(text);
        try (PDDocument document = new PDDocument()) {
            for (List<Line> lines : layout.pages()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = CCITTFactory.createFromImage(document, draw(lines, PAGE_WIDTH, PAGE_HEIGHT));
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            PdfRenderer.setInfo(document, title, date, "scan|" + text.expectedText());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PNG picture of a short text (one page, as high as the text needs). */
    static byte[] png(SourceText text) throws IOException {
        int width = PAGE_WIDTH;
        Layout layout = layout(text, width, Integer.MAX_VALUE / 2);
        List<Line> lines = layout.pages().get(0);
        int height = lines.get(lines.size() - 1).y() + MARGIN;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(lines, width, height), "png", out);
        return out.toByteArray();
    }
}

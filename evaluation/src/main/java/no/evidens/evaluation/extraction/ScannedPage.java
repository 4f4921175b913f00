package no.evidens.evaluation.extraction;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A page of a text as a scanner gives it, drawn with Java2D: 200 dpi grey, a running header and a page
 * number, justified-left body in 11 pt Liberation Sans (shipped with PDFBox, so no machine font
 * matters), long words hyphenated at line ends, then turned by up to ±0.8°, slightly blurred and
 * speckled, all from one seed.
 */
final class ScannedPage {
    static final int DPI = 200;
    static final String HEADER = "Statsforvaltaren – rapport frå tilsyn";
    private static final int WIDTH = Math.round(8.27f * DPI);
    private static final int HEIGHT = Math.round(11.69f * DPI);
    private static final int MARGIN = DPI;
    private static final Font FONT = loadFont().deriveFont(11f * DPI / 72f);

    /** The image and the body text on it (header and page number are not text). */
    record Page(BufferedImage image, String expectedText) {
    }

    private ScannedPage() {
    }

    private static Font loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException | NullPointerException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        }
    }

    /** The first page of {@code paragraphs}, numbered {@code number}, scanned with noise from {@code seed}. */
    static Page render(List<String> paragraphs, int number, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * 0.8), WIDTH / 2.0, HEIGHT / 2.0);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        g.drawString(HEADER, MARGIN, MARGIN / 2);
        g.drawString("Side " + number, WIDTH / 2 - fm.stringWidth("Side " + number) / 2, HEIGHT - MARGIN / 2);
        int y = MARGIN + line;
        int bottom = HEIGHT - MARGIN - line;
        List<String> placed = new ArrayList<>();
        for (String paragraph : paragraphs) {
            List<String> lines = wrap(paragraph, fm, WIDTH - 2 * MARGIN);
            if (y + line * lines.size() > bottom) {
                break; // whole paragraphs only, so that the expected text is the paragraphs as written
            }
            for (String l : lines) {
                g.drawString(l, MARGIN, y);
                y += line;
            }
            placed.add(paragraph);
            y += line / 2;
        }
        g.dispose();
        return new Page(noise(img, random), String.join("\n\n", placed));
    }

    /** Lines of at most {@code width}; a long word that does not fit is split after its middle with a hyphen. */
    static List<String> wrap(String paragraph, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (fm.stringWidth(candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            int cut = word.length() >= 10 && word.chars().allMatch(Character::isLetter) ? word.length() / 2 : -1;
            int hyphen = word.indexOf('-');
            if (hyphen > 0 && hyphen < word.length() - 1
                    && fm.stringWidth(current + " " + word.substring(0, hyphen + 1)) <= width) {
                lines.add(current + " " + word.substring(0, hyphen + 1));
                current.setLength(0);
                current.append(word.substring(hyphen + 1));
            } else if (cut > 0 && !current.isEmpty() && fm.stringWidth(current + " " + word.substring(0, cut) + "-") <= width) {
                lines.add(current + " " + word.substring(0, cut) + "-");
                current.setLength(0);
                current.append(word.substring(cut));
            } else {
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                }
                current.setLength(0);
                current.append(word);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** A slight blur and dark specks, as a cheap scanner gives. */
    private static BufferedImage noise(BufferedImage img, Random random) {
        float[] k = new float[9];
        java.util.Arrays.fill(k, 0.06f);
        k[4] = 0.52f;
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        int specks = WIDTH * HEIGHT / 4000;
        for (int i = 0; i < specks; i++) {
            int x = random.nextInt(WIDTH - 2);
            int y = random.nextInt(HEIGHT - 2);
            int grey = random.nextInt(90);
            int size = random.nextInt(3) + 1;
            for (int dx = 0; dx < size; dx++) {
                for (int dy = 0; dy < size; dy++) {
                    blurred.getRaster().setSample(x + dx, y + dy, 0, grey);
                }
            }
        }
        return blurred;
    }
}

package no.evidens.pipeline.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Words that end a line with a hyphen the PDF draws as a shape (a short filled bar right after the last
 * letter) instead of writing it as text, as some producers do: the text has no hyphen, but the word goes
 * on on the next line. Found with PDFBox, since Tika's text keeps no shapes.
 */
final class PdfDrawnHyphens {
    private record Bar(double minX, double minY, double maxX, double maxY) {
    }

    private PdfDrawnHyphens() {
    }

    /** The words that such a hyphen follows (empty when there are none or the PDF cannot be read). */
    static Set<String> of(Path pdf) {
        Set<String> words = new LinkedHashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                List<Bar> bars = bars(doc.getPage(p));
                if (!bars.isEmpty()) {
                    words.addAll(wordsBefore(doc, p + 1, bars));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            words.clear();
        }
        return words;
    }

    /** Small filled rectangles: what a drawn hyphen is. */
    private static List<Bar> bars(PDPage page) throws IOException {
        List<Bar> bars = new ArrayList<>();
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            private Bar pending;

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                pending = new Bar(Math.min(p0.getX(), p2.getX()), Math.min(p0.getY(), p2.getY()),
                        Math.max(p0.getX(), p2.getX()), Math.max(p0.getY(), p2.getY()));
            }

            @Override
            public void fillPath(int windingRule) {
                if (pending != null && pending.maxX() - pending.minX() < 12 && pending.maxY() - pending.minY() < 3) {
                    bars.add(pending);
                }
                pending = null;
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
                fillPath(windingRule);
            }

            @Override
            public void strokePath() {
                pending = null;
            }

            @Override
            public void endPath() {
                pending = null;
            }

            @Override
            public void drawImage(PDImage pdImage) {
                // images are not hyphens
            }

            @Override
            public void clip(int windingRule) {
                // clipping does not matter here
            }

            @Override
            public void moveTo(float x, float y) {
                pending = null;
            }

            @Override
            public void lineTo(float x, float y) {
                pending = null;
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                pending = null;
            }

            @Override
            public Point2D getCurrentPoint() {
                return new Point2D.Float(0, 0);
            }

            @Override
            public void closePath() {
                // a rectangle is closed already
            }

            @Override
            public void shadingFill(COSName shadingName) {
                // shadings are not hyphens
            }
        };
        engine.processPage(page);
        return bars;
    }

    /** The words whose last letter a bar follows closely, at the height of a hyphen. */
    private static List<String> wordsBefore(PDDocument doc, int page, List<Bar> bars) throws IOException {
        List<String> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (positions.isEmpty() || text.isBlank()) {
                    return;
                }
                TextPosition last = positions.get(positions.size() - 1);
                double end = last.getTextMatrix().getTranslateX() + last.getWidth();
                double baseline = last.getTextMatrix().getTranslateY();
                double size = Math.max(1, last.getFontSizeInPt());
                for (Bar b : bars) {
                    double mid = (b.minY() + b.maxY()) / 2;
                    if (b.minX() >= end - 0.5 && b.minX() <= end + size * 0.3 && mid > baseline && mid < baseline + size * 0.6) {
                        String[] words = text.strip().split("\\s+");
                        out.add(words[words.length - 1]);
                        return;
                    }
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        return out;
    }
}

package no.evidens.pipeline.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Words that end a line with a hyphen the PDF draws as a shape (a short filled bar right after the last
 * letter) instead of writing it as text, as some producers do: the text has no hyphen, but the word goes
 * on on the next line. The shapes come from PDFBox, the words from {@link PdfLayout}.
 */
final class PdfDrawnHyphens {
    record Bar(double minX, double minY, double maxX, double maxY) {
    }

    private PdfDrawnHyphens() {
    }

    /** Small filled rectangles: what a drawn hyphen is. */
    static List<Bar> bars(PDPage page) throws IOException {
        List<Bar> bars = new ArrayList<>();
        boolean type3 = Type3Fonts.reachable(page);
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            private Bar pending;

            @Override
            protected void showText(byte[] string) throws IOException {
                // Only a Type 3 font's glyphs reach the path methods below; other text moves no pen for a
                // shape, so where the page has no Type 3 font its glyphs are not laid out again (most of this
                // pass's CPU; the words' pass has laid them out already).
                if (type3) {
                    super.showText(string);
                }
            }

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

    /**
     * Each word whose last letter a bar follows closely, at the height of a hyphen, with the first word
     * of the next line of its column: {@code over-gangen}. The pair, not the word alone, says where the
     * hyphen stands, so that "om" ending another line is not joined too.
     */
    static List<String> wordsBefore(List<PdfLayout.Word> words, List<Bar> bars) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            PdfLayout.Word w = words.get(k);
            for (Bar b : bars) {
                double mid = (b.minY() + b.maxY()) / 2;
                if (b.minX() >= w.endX() - 0.5 && b.minX() <= w.endX() + w.size() * 0.3
                        && mid > w.baseline() && mid < w.baseline() + w.size() * 0.6) {
                    PdfLayout.Word next = nextLineStart(words, k);
                    if (next != null) {
                        out.add(lastToken(w.text()) + "-" + next.text().split("\\s+")[0]);
                    }
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The first word of the line below word {@code i}, or null: the next word in the order the page writes
     * its text (as Tika reads it), which in a column is the next line's first; the words beside it on
     * the page, in another column, would be wrong.
     */
    private static PdfLayout.Word nextLineStart(List<PdfLayout.Word> words, int i) {
        if (i + 1 >= words.size()) {
            return null;
        }
        PdfLayout.Word w = words.get(i);
        PdfLayout.Word next = words.get(i + 1);
        return next.top() > w.top() + w.height() * 0.5 ? next : null;
    }

    private static String lastToken(String text) {
        String[] parts = text.split("\\s+");
        return parts[parts.length - 1];
    }
}

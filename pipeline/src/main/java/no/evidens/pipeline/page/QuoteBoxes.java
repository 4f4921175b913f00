package no.evidens.pipeline.page;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where a quotation stands on a PDF page: the boxes of its glyphs, merged per line, as fractions of the
 * page's width and height (so the outline fits the image at any size).
 *
 * <p>The indexed text is normalised (hyphenation undone, running heads and page numbers taken out, spaces
 * evened), so its offsets do not count the page's glyphs one to one. The quotation is found again among
 * the page's glyphs by its letters alone (no spaces or hyphens, ligatures unfolded), and where it occurs
 * more than once, the occurrence nearest its place in the page's indexed text is taken.
 */
public final class QuoteBoxes {
    /** One outlined rectangle; all four values are fractions of the page (0–1), from its top left corner. */
    public record Box(double x, double y, double width, double height) {
    }

    private QuoteBoxes() {
    }

    /**
     * The boxes of {@code quote} on page {@code page} (from 1), expected at about {@code where} (0–1) of the
     * way down the page's text; empty when the page's glyphs do not hold it (a scan without a text layer).
     */
    static List<Box> find(PDDocument pdf, int page, String quote, double where) throws IOException {
        Glyphs g = new Glyphs();
        g.setStartPage(page);
        g.setEndPage(page);
        g.getText(pdf);
        String wanted = letters(quote);
        if (wanted.isEmpty() || g.keys.isEmpty()) {
            return List.of();
        }
        String keys = g.keys.toString();
        int best = -1;
        double expected = where * keys.length();
        for (int i = keys.indexOf(wanted); i >= 0; i = keys.indexOf(wanted, i + 1)) {
            if (best < 0 || Math.abs(i - expected) < Math.abs(best - expected)) {
                best = i;
            }
        }
        if (best < 0) {
            return List.of();
        }
        PDRectangle box = pdf.getPage(page - 1).getCropBox();
        return merge(g.boxes.subList(best, best + wanted.length()), box.getWidth(), box.getHeight());
    }

    /** The letters that identify a text: no whitespace, no hyphens, compatibility forms unfolded (ﬁ → fi). */
    static String letters(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(c -> !Character.isWhitespace(c) && !isHyphen(c) && !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isHyphen(int c) {
        return c == '-' || c == '\u00AD' || c == '\u2010' || c == '\u2011';
    }

    /** Glyph boxes merged into one rectangle per run on a line, scaled to fractions of the page. */
    private static List<Box> merge(List<double[]> glyphs, double pageWidth, double pageHeight) {
        List<double[]> runs = new ArrayList<>();
        double[] run = null;
        for (double[] b : glyphs) {
            boolean sameLine = run != null && Math.abs(b[1] - run[1]) < Math.max(b[3], run[3]) / 2 && b[0] >= run[0] - 1;
            if (sameLine) {
                double right = Math.max(run[0] + run[2], b[0] + b[2]);
                double top = Math.min(run[1], b[1]);
                double bottom = Math.max(run[1] + run[3], b[1] + b[3]);
                run = new double[] {run[0], top, right - run[0], bottom - top};
                runs.set(runs.size() - 1, run);
            } else {
                run = b.clone();
                runs.add(run);
            }
        }
        return runs.stream().map(r -> new Box(clamp(r[0] / pageWidth), clamp(r[1] / pageHeight),
                clamp(r[2] / pageWidth), clamp(r[3] / pageHeight))).toList();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Collects each letter of the page with its glyph's box (left, top, width, height in points). */
    private static final class Glyphs extends PDFTextStripper {
        final StringBuilder keys = new StringBuilder();
        final List<double[]> boxes = new ArrayList<>();

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                String k = letters(p.getUnicode());
                double h = Math.max(p.getHeightDir(), 1);
                double[] box = {p.getXDirAdj(), p.getYDirAdj() - h, Math.max(p.getWidthDirAdj(), 0.5), h * 1.25};
                for (int i = 0; i < k.length(); i++) {
                    keys.append(k.charAt(i));
                    boxes.add(box);
                }
            }
        }
    }
}

package no.evidens.pipeline.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a PDF page that stand in its top or bottom margin, set apart from the body: running
 * headers, footers and page numbers, found by where they stand, so that they are known even on a
 * single page, where nothing repeats (positions from {@link PdfLayout}). A page with no line in its
 * body has no margin lines: its only lines are never taken away.
 */
final class PdfMargins {
    /** The share of the page height at the top and at the bottom that is margin. */
    private static final float BAND = 0.09f;
    /** How far (in line heights) a margin line must stand from the body. */
    private static final float GAP = 1.5f;

    private record Line(String text, float top, float height) {
    }

    private PdfMargins() {
    }

    /** The lines of a page (its words, in the order the page writes them) that stand in its margins, apart from the body. */
    static List<String> marginLines(List<PdfLayout.Word> words, float height) {
        List<Line> lines = new ArrayList<>();
        for (PdfLayout.Word w : words) {
            lines.add(new Line(w.text(), w.top(), w.height()));
        }
        // The stripper hands over words; words at one height make a line, as in Tika's text.
        List<Line> joined = new ArrayList<>();
        for (Line w : lines) {
            Line last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && Math.abs(last.top() - w.top()) < Math.max(2f, last.height() / 2)) {
                joined.set(joined.size() - 1, new Line(last.text() + " " + w.text(), last.top(), Math.max(last.height(), w.height())));
            } else {
                joined.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        if (joined.stream().noneMatch(l -> l.top() >= height * BAND && l.top() <= height * (1 - BAND))) {
            // No line in the body: what stands in the margins is all the page says (a single line 57 pt from
            // the top, or one between a running header and a page number), and is never taken for furniture.
            return out;
        }
        for (Line l : joined) {
            boolean top = l.top() < height * BAND;
            boolean bottom = l.top() > height * (1 - BAND);
            if ((top || bottom) && apart(l, joined, top, height)) {
                out.add(l.text());
            }
        }
        return out;
    }

    /** No body line comes within GAP line heights of it (on the side of the body). */
    private static boolean apart(Line l, List<Line> lines, boolean top, float height) {
        for (Line o : lines) {
            boolean body = o.top() >= height * BAND && o.top() <= height * (1 - BAND);
            if (body) {
                float distance = top ? o.top() - l.top() : l.top() - o.top();
                if (distance < GAP * Math.max(l.height(), o.height()) * 2) {
                    return false;
                }
            }
        }
        return true;
    }
}

package no.evidens.pipeline.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines of a PDF's pages that stand in their top or bottom margin, set apart from the body, and look like
 * furniture: running headers, footers and page numbers, found by where they stand, so that they are known even
 * on a single page, where nothing repeats (positions from {@link PdfLayout}). Where a line stands is not enough
 * on its own, since a title or a section heading may stand as high: a line set in a larger type than the page's
 * body is a title and stays; on a document of more than one page, a line in the body's type that repeats in the
 * margins of no other page and is not a page number stays too. When unsure, the line stays: a header left in the
 * text is a small error, a title lost from it is evidence lost. A page with no line in its body has no margin
 * lines: its only lines are never taken away.
 */
final class PdfMargins {
    /** The share of the page height at the top and at the bottom that is margin. */
    private static final float BAND = 0.09f;
    /** How far (in line heights) a margin line must stand from the body. */
    private static final float GAP = 1.5f;
    /** How much larger (or smaller) than the body's a line's type must be to count as another type. */
    private static final float OTHER_TYPE = 1.1f;
    /** A page number standing alone, as {@code normalise.PageFurniture} knows one: "3", "Side 3 av 12", "- 3 -". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)(side|s\\.|page)?\\s*\\d{1,4}(\\s*(av|/|of)\\s*\\d{1,4})?|[-–]\\s*\\d{1,4}\\s*[-–]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A line's type against the body's of its page. */
    enum Type { SMALLER, BODY, LARGER }

    /** A line standing apart in a margin of its page: its text and its type against the page's body. */
    record Candidate(String text, Type type) {
    }

    /**
     * What one page says of its margins: the lines standing apart there ({@link Candidate}), and the keys
     * ({@link #key}) of every line in its margins, apart or not, against which other pages' lines are matched.
     */
    record Page(List<Candidate> apart, Set<String> marginKeys) {
        static final Page NONE = new Page(List.of(), Set.of());
    }

    private record Line(String text, float top, float height, double size) {
    }

    private PdfMargins() {
    }

    /**
     * For each page of a document (what {@link #page} made of it), the lines of its margins that are furniture:
     * apart from the body and not larger than its type; on a document of more than one page, also smaller than
     * the body's type, a page number, or repeated (digits aside) in the margins of another page.
     */
    static List<List<String>> marginLines(List<Page> pages) {
        Map<String, Integer> pagesWithKey = new HashMap<>();
        for (Page p : pages) {
            p.marginKeys().forEach(k -> pagesWithKey.merge(k, 1, Integer::sum));
        }
        List<List<String>> out = new ArrayList<>();
        for (Page p : pages) {
            List<String> furniture = new ArrayList<>();
            for (Candidate c : p.apart()) {
                boolean furnitureByLook = c.type() == Type.SMALLER
                        || PAGE_NUMBER.matcher(c.text().strip()).matches()
                        || pagesWithKey.getOrDefault(key(c.text()), 0) >= 2;
                if (c.type() != Type.LARGER && (pages.size() == 1 || furnitureByLook)) {
                    furniture.add(c.text());
                }
            }
            out.add(furniture);
        }
        return out;
    }

    /** What a page (its words, in the order the page writes them) says of its margins. */
    static Page page(List<PdfLayout.Word> words, float height) {
        // The stripper hands over words; words at one height make a line, as in Tika's text.
        List<Line> joined = new ArrayList<>();
        for (PdfLayout.Word w : words) {
            Line last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && Math.abs(last.top() - w.top()) < Math.max(2f, last.height() / 2)) {
                joined.set(joined.size() - 1, new Line(last.text() + " " + w.text(), last.top(),
                        Math.max(last.height(), w.height()), Math.max(last.size(), w.size())));
            } else {
                joined.add(new Line(w.text(), w.top(), w.height(), w.size()));
            }
        }
        if (joined.stream().noneMatch(l -> inBody(l, height))) {
            // No line in the body: what stands in the margins is all the page says (a single line 57 pt from
            // the top, or one between a running header and a page number), and is never taken for furniture.
            return Page.NONE;
        }
        double body = bodySize(joined, height);
        List<Candidate> apart = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Line l : joined) {
            if (!inBody(l, height)) {
                keys.add(key(l.text()));
                if (apart(l, joined, l.top() < height * BAND, height)) {
                    Type type = l.size() > body * OTHER_TYPE ? Type.LARGER : l.size() * OTHER_TYPE < body ? Type.SMALLER : Type.BODY;
                    apart.add(new Candidate(l.text(), type));
                }
            }
        }
        return new Page(apart, keys);
    }

    private static boolean inBody(Line l, float height) {
        return l.top() >= height * BAND && l.top() <= height * (1 - BAND);
    }

    /** The type most of the body's letters are set in (to half a point). */
    private static double bodySize(List<Line> lines, float height) {
        Map<Long, Integer> letters = new HashMap<>();
        for (Line l : lines) {
            if (inBody(l, height)) {
                letters.merge(Math.round(l.size() * 2), l.text().length(), Integer::sum);
            }
        }
        return letters.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey() / 2.0;
    }

    /** No body line comes within GAP line heights of it (on the side of the body). */
    private static boolean apart(Line l, List<Line> lines, boolean top, float height) {
        for (Line o : lines) {
            if (inBody(o, height)) {
                float distance = top ? o.top() - l.top() : l.top() - o.top();
                if (distance < GAP * Math.max(l.height(), o.height()) * 2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Lines that differ only in their numbers (page numbers, dates) are the same furniture. */
    private static String key(String line) {
        return SPACES.matcher(DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#")).replaceAll(" ");
    }
}

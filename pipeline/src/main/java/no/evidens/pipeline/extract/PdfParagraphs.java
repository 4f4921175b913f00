package no.evidens.pipeline.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Paragraphs of a PDF page rebuilt from where its lines stand, for text whose producer sets lines
 * apart (double spacing, one text object a line), which Tika then gives as one paragraph a line: two
 * lines one under the other belong to one paragraph when the second follows at the page's usual line
 * spacing, is not indented, is set in the same size, and its first word would not have fitted at the
 * end of the first (a line that stops short of the right margin ends its paragraph). Tika's paragraph
 * breaks between such lines are then undone ({@link #rejoin}).
 */
final class PdfParagraphs {
    /** Two lines of one paragraph: the last word of the first and the first word of the second. */
    record Join(String lastWord, String firstWord) {
    }

    private record Line(List<PdfLayout.Word> words, float top, float height, float left, float right, double size) {
        String first() {
            return SPACES.split(words.get(0).text())[0];
        }

        String last() {
            String[] parts = SPACES.split(words.get(words.size() - 1).text());
            return parts[parts.length - 1];
        }
    }

    /**
     * What {@code String.split("\\s+")} splits a word's text at, compiled once: {@code split} compiles its
     * pattern on every call (7% of the layout's CPU over 500 of the bench's PDFs, flight recording of 2026-12-07).
     */
    static final Pattern SPACES = Pattern.compile("\\s+");

    /** How far past the usual spacing the next line of a paragraph may stand. */
    private static final float SPACING_TOLERANCE = 1.3f;
    /** Most characters searched ahead for the next join, so that one not found costs little. */
    private static final int SEARCH_WINDOW = 4000;

    private PdfParagraphs() {
    }

    /** The line ends inside a paragraph on a page, from its words in the order the page writes them. */
    static List<Join> joins(List<PdfLayout.Word> words) {
        List<Line> lines = lines(words);
        float[] steps = new float[Math.max(0, lines.size() - 1)];
        int n = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            float step = lines.get(i + 1).top() - lines.get(i).top();
            if (step > 0 && step < lines.get(i).height() * 6) {
                steps[n++] = step;
            }
        }
        if (n == 0) {
            return List.of();
        }
        float usual = usualStep(Arrays.copyOf(steps, n));
        List<Join> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = lines.get(i + 1);
            float step = b.top() - a.top();
            boolean spacing = step > 0 && step <= usual * SPACING_TOLERANCE;
            boolean sameSize = Math.abs(a.size() - b.size()) <= 0.1 * a.size();
            boolean notIndented = b.left() <= a.left() + a.size() * 0.8 && b.left() >= a.left() - a.size() * 4;
            float right = columnRight(lines, a);
            boolean fullLine = !Float.isNaN(right) && right - a.right() < firstWordWidth(b) + a.size() * 0.3;
            boolean bullet = "•◦▪‣⁃∙●*–-".indexOf(b.first().charAt(0)) >= 0;
            if (spacing && sameSize && notIndented && fullLine && !bullet) {
                out.add(new Join(a.last(), b.first()));
            }
        }
        return out;
    }

    /**
     * How far right the lines that start where {@code a} starts (its column) reach, or NaN where that
     * is not known: fewer than three lines reach that far (a letter's two lines say nothing of its width).
     */
    private static float columnRight(List<Line> lines, Line a) {
        List<Line> column = new ArrayList<>();
        float right = a.right();
        for (Line l : lines) {
            if (Math.abs(l.left() - a.left()) < a.size() * 2 && Math.abs(l.right() - a.right()) < a.size() * 40) {
                column.add(l);
                right = Math.max(right, l.right());
            }
        }
        float edge = right;
        long reaching = column.stream().filter(l -> edge - l.right() <= a.size()).count();
        return reaching >= 3 ? right : Float.NaN;
    }

    private static float firstWordWidth(Line b) {
        PdfLayout.Word w = b.words().get(0);
        String text = w.text();
        int space = text.indexOf(' ');
        float width = w.right() - w.left();
        return space < 0 ? width : width * space / text.length();
    }

    /** Words at one height, one after another, make a line. */
    private static List<Line> lines(List<PdfLayout.Word> words) {
        List<Line> out = new ArrayList<>();
        List<PdfLayout.Word> current = new ArrayList<>();
        for (PdfLayout.Word w : words) {
            if (!current.isEmpty()) {
                PdfLayout.Word prev = current.get(current.size() - 1);
                boolean sameLine = Math.abs(prev.top() - w.top()) < Math.max(2f, prev.height() / 2) && w.left() >= prev.left();
                if (!sameLine) {
                    out.add(line(current));
                    current = new ArrayList<>();
                }
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(line(current));
        }
        return out;
    }

    private static Line line(List<PdfLayout.Word> words) {
        PdfLayout.Word first = words.get(0);
        PdfLayout.Word last = words.get(words.size() - 1);
        float height = 0;
        double size = 0;
        for (PdfLayout.Word w : words) {
            height = Math.max(height, w.height());
            size = Math.max(size, w.size());
        }
        return new Line(List.copyOf(words), first.top(), height, first.left(), last.right(), size);
    }

    /**
     * The line spacing inside a paragraph: the smallest step from line to line that the page takes at
     * least twice (one alone may be a superscript or a table). Not the median: a page of short
     * paragraphs has more steps between paragraphs than inside them.
     */
    private static float usualStep(float[] values) {
        Arrays.sort(values);
        for (int i = 0; i + 1 < values.length; i++) {
            if (values[i + 1] - values[i] <= 0.5f) {
                return values[i + 1];
            }
        }
        return values[values.length / 2];
    }

    /**
     * Undoes Tika's paragraph breaks between the lines of one paragraph: in each page of {@code text},
     * the white space between a join's two words, where it holds a blank line, keeps one line break and
     * the rest becomes spaces, so that every offset stays where it was.
     */
    static String rejoin(String text, List<Integer> pageStarts, List<List<Join>> joins) {
        StringBuilder out = new StringBuilder(text);
        for (int p = 0; p < pageStarts.size() && p < joins.size(); p++) {
            int from = pageStarts.get(p);
            int to = p + 1 < pageStarts.size() ? pageStarts.get(p + 1) : text.length();
            int cursor = from;
            for (Join j : joins.get(p)) {
                int at = find(text, j, cursor, Math.min(to, cursor + SEARCH_WINDOW));
                if (at < 0) {
                    continue;
                }
                int ws = at + j.lastWord().length();
                int end = ws;
                while (end < to && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                boolean keptOne = false;
                for (int k = ws; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        if (keptOne) {
                            out.setCharAt(k, ' ');
                        }
                        keptOne = true;
                    }
                }
                cursor = end;
            }
        }
        return out.toString();
    }

    /** Where {@code j.lastWord()} stands before white space with a line break and {@code j.firstWord()}, or -1. */
    private static int find(String text, Join j, int from, int to) {
        for (int at = text.indexOf(j.lastWord(), from); at >= 0 && at < to; at = text.indexOf(j.lastWord(), at + 1)) {
            int k = at + j.lastWord().length();
            boolean lineBreak = false;
            while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                lineBreak |= text.charAt(k) == '\n';
                k++;
            }
            if (lineBreak && text.startsWith(j.firstWord(), k) && (at == 0 || Character.isWhitespace(text.charAt(at - 1)))) {
                return at;
            }
        }
        return -1;
    }
}

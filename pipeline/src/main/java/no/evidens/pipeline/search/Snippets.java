package no.evidens.pipeline.search;

import no.evidens.index.SearchHit;
import no.evidens.index.TextRange;

/**
 * Marks a hit's snippet from its offsets: the fragments of its text the search chose, " … " between
 * fragments that do not touch, each matched word wrapped. The JSON {@code snippet} (HTML) and the
 * terminal's marking are both made here, so that they mark the same words. Written here rather than
 * taken from Lucene's DefaultPassageFormatter because the index now hands out offsets, not markup;
 * the HTML is kept byte for byte what that formatter wrote.
 */
public final class Snippets {
    private static final String ELLIPSIS = " … ";

    /** How text outside the marks is written: as it is, or HTML-escaped (with '/' too, or not). */
    private enum Escape { NONE, HTML, HTML_AND_SLASH }

    private Snippets() {
    }

    /** The JSON contract: matches in {@code <mark>…</mark>}, everything else HTML-escaped. */
    public static String html(SearchHit hit) {
        if (!hit.highlighted()) {
            // A passage looked up by id: its whole text, escaped as such passages always were (no '/' escape).
            StringBuilder b = new StringBuilder(hit.text().length() + 16);
            append(b, hit.text(), 0, hit.text().length(), Escape.HTML);
            return b.toString();
        }
        return render(hit, "<mark>", "</mark>", Escape.HTML_AND_SLASH);
    }

    /** Plain text for a terminal: matches between {@code open} and {@code close} (e.g. "[" and "]", or bold). */
    public static String marked(SearchHit hit, String open, String close) {
        return hit.highlighted() ? render(hit, open, close, Escape.NONE) : hit.text();
    }

    private static String render(SearchHit hit, String open, String close, Escape escape) {
        String text = hit.text();
        StringBuilder b = new StringBuilder(text.length() + 32);
        int pos = 0;
        int m = 0;
        for (TextRange f : hit.fragments()) {
            if (f.start() > pos && pos > 0) {
                b.append(ELLIPSIS);
            }
            pos = f.start();
            for (; m < hit.matches().size() && hit.matches().get(m).start() < f.end(); m++) {
                TextRange match = hit.matches().get(m);
                append(b, text, pos, match.start(), escape);
                b.append(open);
                append(b, text, match.start(), match.end(), escape);
                b.append(close);
                pos = match.end();
            }
            append(b, text, pos, Math.max(pos, f.end()), escape);
            pos = f.end();
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String s, int from, int to, Escape escape) {
        if (escape == Escape.NONE) {
            b.append(s, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                case '/' -> b.append(escape == Escape.HTML_AND_SLASH ? "&#x2F;" : "/");
                default -> b.append(c);
            }
        }
    }
}

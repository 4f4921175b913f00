package no.evidens.models;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into blocks that no sentence crosses: paragraphs (separated by a blank line) and list
 * items (a line opening with a bullet, or with {@code a)}, {@code 1)}, {@code 1.}, {@code 2.3.4} and an
 * upper-case word). Headings without final punctuation end their sentence this way, since a heading
 * stands in its own paragraph or on a line before a list.
 */
final class TextBlocks {
    /** A blank line, or the start of a line that opens a list item. */
    private static final Pattern BREAK = Pattern.compile(
            "\\n[\\h\\x0B\\f\\r]*\\n"
                    + "|\\n(?=\\h*(?:[•●▪◦‣∙·*\\uF0B7]|[-–]\\h|\\(?[a-zæøå]\\)\\h|\\(?\\d{1,2}\\)\\h"
                    + "|\\d{1,2}(?:\\.\\d{1,2}){0,3}\\.?\\h+\\p{Lu}))");

    private TextBlocks() {
    }

    /** Start and end offsets (pairs) of the non-blank blocks of {@code text}, trimmed. */
    static List<int[]> blocks(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BREAK.matcher(text);
        int start = 0;
        while (m.find()) {
            add(text, start, m.start(), out);
            start = m.end();
        }
        add(text, start, text.length(), out);
        return out;
    }

    private static void add(String text, int start, int end, List<int[]> out) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new int[] {s, e});
        }
    }
}

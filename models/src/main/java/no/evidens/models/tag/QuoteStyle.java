package no.evidens.models.tag;

import java.util.List;

/**
 * Which way round a document writes its guillemets. Norwegian writes «…» (and ‹…›); some writers, as in
 * Danish and German typesetting, write »…« (and ›…‹). A mark that stands before a word and after a space
 * opens, one that stands after a word and before a space or punctuation closes; when the document's
 * guillemets open with » and close with « more often than the other way round, it is read reversed.
 * Thread-safe (no state).
 */
final class QuoteStyle {
    private QuoteStyle() {
    }

    /** Whether the guillemets of {@code text} (outside {@code furniture}) are written »…«. */
    static boolean reversedGuillemets(String text, List<int[]> furniture) {
        int normal = 0;
        int reversed = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '«' && c != '»' || insideAny(furniture, i)) {
                continue;
            }
            boolean opens = opensWord(text, i);
            boolean closes = closesWord(text, i);
            if (opens == closes) {
                continue; // «» or a mark between two words: says nothing
            }
            if ((c == '«') == opens) {
                normal++;
            } else {
                reversed++;
            }
        }
        return reversed > normal;
    }

    /** The text with « and », ‹ and › exchanged (same length, same offsets). */
    static String swapGuillemets(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (chars[i]) {
                case '«' -> '»';
                case '»' -> '«';
                case '‹' -> '›';
                case '›' -> '‹';
                default -> chars[i];
            };
        }
        return new String(chars);
    }

    /** A quotation found in the swapped text, with the opening mark the document really has. */
    static Quotation reversedMark(Quotation q) {
        char open = q.open() == '«' ? '»' : q.open() == '‹' ? '›' : q.open();
        return new Quotation(q.start(), q.end(), open, q.depth(), q.flags(), q.attribution());
    }

    private static boolean opensWord(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return (Character.isWhitespace(before) || "([:–—-/".indexOf(before) >= 0)
                && (Character.isLetterOrDigit(after) || after == '.' || after == '[');
    }

    private static boolean closesWord(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return (Character.isLetterOrDigit(before) || ".!?…)]".indexOf(before) >= 0)
                && (Character.isWhitespace(after) || ".,;:!?)]–—-".indexOf(after) >= 0);
    }

    private static boolean insideAny(List<int[]> ranges, int i) {
        for (int[] r : ranges) {
            if (i >= r[0] && i < r[1]) {
                return true;
            }
        }
        return false;
    }
}

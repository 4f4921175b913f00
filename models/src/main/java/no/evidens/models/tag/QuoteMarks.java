package no.evidens.models.tag;

/**
 * Whether a quotation mark at a position can open or close a quotation, judged by its neighbours.
 * Thread-safe (no state).
 */
final class QuoteMarks {
    private QuoteMarks() {
    }

    static boolean canOpen(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return !Character.isWhitespace(after) && (Character.isWhitespace(before) || "([{«‹/–—-:".indexOf(before) >= 0 || i == 0);
    }

    static boolean canClose(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return !Character.isWhitespace(before) && (Character.isWhitespace(after) || ".,;:!?)]}»›…-–—/".indexOf(after) >= 0);
    }

    /** {@code 3"}, {@code 12,5"}, {@code 2'30"}: a straight or curly double mark right after a digit. */
    static boolean isInchMark(String text, int i) {
        char c = text.charAt(i);
        if (c != '"' && c != '”' && c != '″') {
            return false;
        }
        return i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')
                && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))
                && !hasOpenBefore(text, i);
    }

    /** A straight opening mark earlier in the same paragraph that this one could close ({@code "model 3"}). */
    private static boolean hasOpenBefore(String text, int i) {
        int from = Math.max(text.lastIndexOf("\n\n", i), 0);
        int count = 0;
        for (int k = from; k < i; k++) {
            if (text.charAt(k) == text.charAt(i) && !(k > 0 && Character.isDigit(text.charAt(k - 1)))) {
                count++;
            }
        }
        return count % 2 == 1;
    }

    /**
     * A straight {@code "} with white space before it and no letter or digit after it ({@code " Tittel "},
     * {@code " Nappen ".}), as text rebuilt from tokens writes quotation marks.
     */
    static boolean spacedStraight(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        return text.charAt(i) == '"' && Character.isWhitespace(before) && !Character.isLetterOrDigit(after(text, i));
    }

    static char after(String text, int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    }
}

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

    /**
     * {@code 3"}, {@code 12,5"}, {@code 2'30"}: a straight or curly double mark right after a digit, unless an opening
     * mark of its kind earlier in the same paragraph is still open ({@code "model 3"}): an odd count of such marks
     * (not themselves after a digit) since the paragraph's start, which {@code marks} keeps along the text.
     */
    static boolean isInchMark(MarkIndex marks, int i) {
        String text = marks.text();
        char c = text.charAt(i);
        if (c != '"' && c != '”' && c != '″') {
            return false;
        }
        return i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')
                && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))
                && marks.sameDoublesBefore(i) % 2 == 0;
    }

    /**
     * A straight {@code "} with white space before it and no letter or digit after it ({@code " Tittel "},
     * {@code " Nappen ".}), as text rebuilt from tokens writes quotation marks.
     */
    static boolean spacedStraight(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        return text.charAt(i) == '"' && Character.isWhitespace(before) && !Character.isLetterOrDigit(after(text, i));
    }

    /**
     * A spaced straight {@code "} before an ellipsis and a word ({@code at "... det må tas}): a quotation that starts in
     * the middle of its source's sentence opens here, though no letter follows the mark.
     */
    static boolean opensWithEllipsis(String text, int i) {
        int k = i + 1;
        if (text.startsWith("...", k)) {
            k += 3;
        } else if (k < text.length() && text.charAt(k) == '…') {
            k++;
        } else {
            return false;
        }
        return k + 1 < text.length() && Character.isWhitespace(text.charAt(k)) && Character.isLetter(text.charAt(k + 1));
    }

    /**
     * A straight {@code "} right after a sentence's end and a space ({@code religionsfriheten. "De …}): with a straight
     * quotation open it closes that one, as text rebuilt from tokens puts the space on the wrong side of a closing
     * mark; straight marks do not nest in straight marks.
     */
    static boolean closesAfterSentence(String text, int i) {
        int k = i - 1;
        while (k > 0 && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
            k--;
        }
        return k < i - 1 && text.charAt(i) == '"' && ".!?…".indexOf(text.charAt(k)) >= 0;
    }

    static char after(String text, int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    }
}

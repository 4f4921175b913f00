package no.evidens.models.tag;

import java.util.regex.Pattern;

/**
 * The closing cases of {@link QuoteTagger} that look ahead in the paragraph: one » for two, a « closed by a
 * straight mark, straight single marks inside a quotation; and where an unclosed title ends. Thread-safe (no state).
 */
final class QuoteClosing {
    /** A dialogue turn opening inside a sentence run: {@code . - Vi}. */
    private static final Pattern TURN_INSIDE = Pattern.compile("[.!?]\\s+[-–—]\\s+\\p{Lu}");

    private QuoteClosing() {
    }

    /** A dialogue turn opens between {@code from} and {@code to}. */
    static boolean turnInside(String text, int from, int to) {
        return TURN_INSIDE.matcher(text).region(from, to).find();
    }

    /**
     * No {@code »} follows {@code from} in its paragraph before the next {@code «}: a {@code «} open before {@code from}
     * has no closer of its own (a later {@code »} closes a later {@code «}), so a straight mark may close it
     * ({@code «Tosk! Hvor er du? " Slike ting. … «Jeg kjøpte …»}).
     */
    static boolean noCloserBeforeOpener(MarkIndex marks, int from) {
        int next = marks.nextGuillemet(from);
        return next < 0 || next >= marks.paragraphEnd(from) || marks.text().charAt(next) == '«';
    }

    /**
     * A straight ' that can close comes after {@code open} before the end of its quotation or paragraph: before the next
     * » ” " or “ (where the quotation it would be nested in ends).
     */
    static boolean singleClosesAhead(MarkIndex marks, int open) {
        int closer = marks.nextSingleCloser(open + 2);
        return closer < marks.paragraphEnd(open) && closer < marks.nextSingleStop(open + 2);
    }

    /**
     * Whether a « open here may still be closed later: the sentence goes on after the mark just closed, or a » without
     * its « follows in the paragraph, or the paragraph break lets the quotation run on ({@link QuoteTagger#closesLater}).
     * Only the paragraph's guillemets are read, not its every character.
     */
    static boolean closedLater(MarkIndex marks, int from) {
        String text = marks.text();
        if (from < text.length() && ".,;:!?".indexOf(text.charAt(from)) < 0 && !Character.isWhitespace(text.charAt(from))
                || from < text.length() && Character.isWhitespace(text.charAt(from)) && !text.startsWith("\n\n", from)
                && from + 1 < text.length() && text.charAt(from + 1) != '\n') {
            return true; // the sentence goes on after the mark: «Stille Vann» i en setning
        }
        int end = marks.paragraphEnd(from);
        int depth = 0;
        for (int k : marks.guillemetsWithin(from, end)) {
            if (text.charAt(k) == '«') {
                depth++;
            } else if (depth == 0) {
                return true; // a closing mark still to come
            } else {
                depth--;
            }
        }
        return end < text.length() && QuoteTagger.closesLater(text, from, end, '«', '»');
    }

    /**
     * The words between an opening mark at {@code mark} and {@code end} are a title or a term: at most
     * {@link QuoteTagger#PHRASE_WORDS} words, the mark right after a word of a running sentence (not after a colon or a
     * sentence's end, where speech is quoted).
     */
    static boolean titleLike(String text, int mark, int end) {
        int k = mark - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && Character.isLetter(text.charAt(k)) && text.substring(mark + 1, end).strip().split("\\s+").length
                <= QuoteTagger.PHRASE_WORDS;
    }
}

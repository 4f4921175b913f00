package no.evidens.models.tag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches {@link Matcher#find()} gives, one after the other, but tried only at the positions where a match can
 * start. {@code find} tries the pattern at every position of the text; a pattern that opens with a look-behind and
 * alternatives (a phone number, a street address) costs about as much at a letter as at a digit, and most of a
 * text's positions cannot start one. Java's regular expressions skip ahead only for a literal prefix, so this
 * tests the first character itself and tries the pattern ({@link Matcher#lookingAt()} on the rest of the text, its
 * bounds transparent so look-behind and look-ahead see the whole text, as they do for {@code find}) only where that
 * test passes. {@code find} tries positions in order and takes the first where the pattern matches, then goes on
 * from the match's end; so does this, so the matches are the same as long as the test passes at every position
 * where a match can start (a superset is fine), for a pattern that never matches the empty string (one that
 * does would not end a loop: this goes on from the next position then).
 */
final class StartedFind {
    /** Whether a match can start at this character: true for every character a match's first may be. */
    @FunctionalInterface
    interface Start {
        boolean canStart(String text, int index);
    }

    private final Matcher matcher;
    private final String text;
    private final Start start;
    private int next;

    StartedFind(Pattern pattern, String text, Start start) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.start = start;
    }

    /** The next match, as {@link Matcher#find()} gives it; then {@link #matcher()} holds its groups. */
    boolean find() {
        int n = text.length();
        for (int i = next; i < n; i++) {
            if (start.canStart(text, i)) {
                matcher.region(i, n);
                if (matcher.lookingAt()) {
                    next = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
        }
        next = n;
        return false;
    }

    /** The matcher, holding the last match. */
    Matcher matcher() {
        return matcher;
    }

    /** An ASCII digit ({@code \d} without the Unicode flag). */
    static boolean digit(String text, int index) {
        char c = text.charAt(index);
        return c >= '0' && c <= '9';
    }

    /** Whether the character before {@code index} is a letter of the Basic Multilingual Plane. */
    static boolean afterLetter(String text, int index) {
        return index > 0 && Character.isLetter(text.charAt(index - 1)) && !Character.isSurrogate(text.charAt(index - 1));
    }
}

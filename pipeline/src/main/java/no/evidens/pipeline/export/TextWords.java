package no.evidens.pipeline.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;

/** Where words stand in a text, as the anonymiser reads them: the word before or after a place, a sentence's opening. */
final class TextWords {
    private TextWords() {
    }

    /** A capitalised word, also with a capital inside ({@code ElBaradei}, {@code McCartney}; round 10). */
    static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}\\d])\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*(?![\\p{L}\\d])");

    private static final Pattern NEXT_WORD = Pattern.compile("\\G[ ,]*([\\p{L}']+)");

    /** The word after {@code end} (skipping spaces and a comma), or null. */
    static String nextWord(String text, int end) {
        Matcher m = NEXT_WORD.matcher(text);
        return m.find(end) ? m.group(1) : null;
    }

    /** The word before {@code start}, or null. */
    static String previousWord(String text, int start) {
        int e = start;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == ',')) {
            e--;
        }
        int b = e;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '\'')) {
            b--;
        }
        return b < e ? text.substring(b, e) : null;
    }

    static String wordStartingAt(String text, int start) {
        int e = start;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return text.substring(start, e);
    }

    static String wordEndingAt(String text, int end) {
        int b = end;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        return b < end ? text.substring(b, end) : null;
    }

    /** Whether a word at {@code at} opens a sentence, a line, a quotation or a dash turn (so its capital says nothing). */
    static boolean opening(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || at - 1 - i >= 2) {
            return true; // two spaces: a heading without a full stop ends there
        }
        char c = text.charAt(i);
        if (c == '.' && DocumentNames.isTitle(String.valueOf(previousWord(text, i)))) {
            return false; // Mrs. Barnard, dr. Hansen
        }
        return ".!?:;\n«\"“”»'‘’-–—(…*)".indexOf(c) >= 0;
    }

    /** Lower case, without a genitive -s. */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    /** Where the capitalised pair {@code X-Y} starts when the word at {@code start} is its {@code Y}; else {@code start}. */
    static int hyphenPairStart(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != '-') {
            return start;
        }
        String before = wordEndingAt(text, start - 1);
        return before != null && Character.isUpperCase(before.charAt(0)) ? start - 1 - before.length() : start;
    }

    /** Whether a hyphen and a capitalised word follow {@code end} ({@code X} of a pair {@code X-Y}). */
    static boolean hyphenPairAfter(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == '-' && Character.isUpperCase(text.charAt(end + 1));
    }

    /** Whether the word {@code [start, end)} is one half of a capitalised pair {@code X-Y}. */
    static boolean inHyphenPair(String text, int start, int end) {
        return hyphenPairAfter(text, end) || hyphenPairStart(text, start) != start;
    }
}

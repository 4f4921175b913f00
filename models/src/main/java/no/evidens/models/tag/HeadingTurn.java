package no.evidens.models.tag;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dialogue turn used as a heading, as news articles quote a speaker in a crosshead: a dash and a few words with no
 * punctuation, on a paragraph of their own ({@code - Bedre å vente enn å angre}) or run into the text that follows
 * ({@code - Gleder oss Navnet på …}: the heading ends before the capital that opens the next sentence). Used by
 * {@link DialogueQuotes}. Thread-safe (no state).
 */
final class HeadingTurn {
    /** At most this many words in a run-in heading, this many in one on its own paragraph. */
    static final int RUN_IN_WORDS = 6;
    static final int OWN_WORDS = 10;

    /** Words after which a heading cannot stop: the sentence goes on. */
    private static final Set<String> GOES_ON = Set.of("i", "på", "til", "fra", "av", "om", "med", "ved", "mot", "for", "hos",
            "under", "over", "etter", "gjennom", "mellom", "og", "eller", "men", "at", "som", "en", "et", "ei", "den", "det",
            "de", "er", "var", "har", "hadde", "ble", "blir", "vil", "skal", "kan", "må", "sa", "sier", "kalt", "heter", "het",
            "herr", "fru", "the", "of", "von", "van", "la", "le");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");

    private HeadingTurn() {
    }

    /**
     * The end of a heading run into the text from {@code start} (the first word after the dash), or -1: one to
     * {@value #RUN_IN_WORDS} words with no punctuation, the last in lower case and not one a sentence goes on after,
     * then a capitalised word the document never writes capitalised after a lower-case word (a name would be).
     */
    static int runIn(String text, int start, int limit) {
        String[] words = text.substring(start, limit).split(" ", RUN_IN_WORDS + 2);
        int at = start;
        for (int i = 0; i < words.length - 1 && i <= RUN_IN_WORDS; i++) {
            String w = words[i];
            if (!WORD.matcher(w).matches()) {
                return -1; // punctuation, or a line break: no heading
            }
            String next = words[i + 1];
            at += w.length();
            if (i > 0 && Character.isUpperCase(next.isEmpty() ? 'x' : next.charAt(0)) && Character.isLowerCase(w.charAt(0))
                    && !GOES_ON.contains(w.toLowerCase(Locale.ROOT)) && !writtenAsName(text, leadingWord(next), at + 1)) {
                return at;
            }
            at++; // the space
        }
        return -1;
    }

    /**
     * A turn alone on its paragraph ({@code [start, end)}) that is a heading: a capital first, at most
     * {@value #OWN_WORDS} words, no sentence punctuation at the end, and no list around it (the lines before and after
     * are no short items opened with a dash or a bullet, the one before ends without a colon).
     */
    static boolean ownParagraph(String text, int dash, int start, int end) {
        String words = text.substring(start, end).strip();
        if (words.isEmpty() || !Character.isUpperCase(words.charAt(0)) || words.split("\\s+").length > OWN_WORDS
                || words.contains("\n") || (DialogueQuotes.SENTENCE_END + ",;:").indexOf(words.charAt(words.length() - 1)) >= 0) {
            return false;
        }
        String before = text.substring(0, dash).stripTrailing();
        int previousStart = before.lastIndexOf('\n') + 1;
        String previous = before.substring(previousStart).strip();
        String after = text.substring(end).stripLeading();
        int nextEnd = after.indexOf('\n');
        return !previous.endsWith(":") && !listItem(previous) && !listItem(nextEnd < 0 ? after : after.substring(0, nextEnd));
    }

    /** A short line opened with a dash or a bullet (a long one is a paragraph of dialogue, not an item). */
    private static boolean listItem(String line) {
        String s = line.strip();
        return !s.isEmpty() && "-–—•*".indexOf(s.charAt(0)) >= 0 && s.split("\\s+").length <= OWN_WORDS + 1;
    }

    /** The word (letters only) at the start of {@code s}. */
    private static String leadingWord(String s) {
        int k = 0;
        while (k < s.length() && Character.isLetter(s.charAt(k))) {
            k++;
        }
        return s.substring(0, k);
    }

    /**
     * The document writes {@code word} capitalised after a lower-case word elsewhere than at {@code at}: a name, not a
     * sentence's first word.
     */
    private static boolean writtenAsName(String text, String word, int at) {
        if (word.isEmpty()) {
            return true;
        }
        Matcher m = Pattern.compile("\\p{Ll},? (" + Pattern.quote(word) + ")(?![\\p{L}])").matcher(text);
        while (m.find()) {
            if (m.start(1) != at) {
                return true;
            }
        }
        return false;
    }
}

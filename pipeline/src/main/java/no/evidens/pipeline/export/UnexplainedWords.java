package no.evidens.pipeline.export;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;

/**
 * The capitalised words of a text that stand inside a sentence (not at its opening) and that nothing explains (round 12
 * of the anonymiser: the masking budget): the document never writes them in lower case, no list knows them as a place
 * or organisation, they are no title, institution, function word or law, they have no common noun's shape (unless
 * listed as a name), and they stand in no short quoted title, beside no English word and in no label. Round 15 (the
 * budget spent on safety, chosen on the hold-out folds): a word in a run of capitalised words with no listed name
 * ({@code Zorbek Quillan}) is no longer explained by that alone — a foreign full name no list knows stands so too. Round 18:
 * a pair of capitalised words joined by a hyphen with no listed place or organisation in it ({@code Quillan-Berg}, made up)
 * is judged as one word — its first half is no longer skipped for the hyphen after it, and its second half does not open
 * a sentence for the hyphen before it.
 */
final class UnexplainedWords {
    private UnexplainedWords() {
    }

    /** Adds to {@code out} the stems of {@code text}'s unexplained words. */
    static void collect(String text, Set<String> lowerCase, Set<String> out) {
        Matcher m = TextWords.CAPITALISED.matcher(text);
        while (m.find()) {
            String w = m.group();
            int from = pairStart(text, m.start());
            boolean pairX = TextWords.hyphenPairAfter(text, m.end()) && unlisted(text, m.start());
            if (!TextWords.opening(text, from) && !lowerCase.contains(w.toLowerCase(Locale.ROOT))
                    && DomainNames.shared().typeOf(w) == null && !DocumentNames.isTitle(w) && !DocumentNames.isNoNameWord(w)
                    && !DocumentNames.isFunctionWord(w)
                    && (!DocumentNames.isCommonNounShape(w, lowerCase) || DocumentNames.isPersonNameWord(w) || DocumentNames.isFamousName(w))
                    && !(m.end() < text.length() && text.charAt(m.end()) == '-' && !pairX) && !insideShortQuote(text, m.start(), m.end())
                    && !english(TextWords.previousWord(text, m.start()), w)
                    && !english(TextWords.nextWord(text, m.end()), w)
                    && !label(text, m.end()) && !law(w)) {
                out.add(TextWords.stem(w));
            }
        }
    }

    /**
     * Where the word's capitalised pair {@code X-Y} starts when the word is its {@code Y} and no part is listed (so the pair,
     * not the hyphen, says whether it opens a sentence); else the word's start.
     */
    private static int pairStart(String text, int start) {
        int from = TextWords.hyphenPairStart(text, start);
        return from != start && unlisted(text, from) ? from : start;
    }

    /** Whether neither word of the capitalised pair starting at {@code start} is a listed place or organisation. */
    private static boolean unlisted(String text, int start) {
        String x = TextWords.wordStartingAt(text, start);
        String y = TextWords.wordStartingAt(text, start + x.length() + 1);
        return DomainNames.shared().typeOf(x) == null && DomainNames.shared().typeOf(y) == null;
    }

    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "with",
            "from", "my", "your", "our", "is", "are", "we", "you", "i", "i'm", "me");

    /** Whether a word stands inside a short quoted phrase ({@code «Rock Master»}, {@code "Til Ungdommen"}): a title. */
    private static boolean insideShortQuote(String text, int a, int b) {
        int open = -1;
        for (int i = a - 1; i >= Math.max(0, a - SHORT_QUOTE); i--) {
            char c = text.charAt(i);
            if (c == '»' || c == '”' || c == '.') {
                break;
            }
            if (c == '«' || c == '“' || c == '"') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        for (int i = b; i < Math.min(text.length(), b + SHORT_QUOTE); i++) {
            char c = text.charAt(i);
            if (c == '»' || c == '”' || c == '"') {
                return true;
            }
            if (c == '«' || c == '“' || c == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    private static final int SHORT_QUOTE = 60;

    /** A word followed by a colon (a label: {@code Foto:}), a web address's dot or an apostrophe ({@code Mac'en}). */
    private static boolean label(String text, int end) {
        if (end + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        return c == ':' || c == '\'' || c == '.' && Character.isLetter(text.charAt(end + 1));
    }

    /** A law by its name ({@code Grunnloven}, {@code Barnelova}): no person. */
    private static boolean law(String word) {
        String w = TextWords.stem(word);
        return w.endsWith("lov") || w.endsWith("loven") || w.endsWith("lova");
    }

    /**
     * Whether the neighbour of {@code name} is an English word; round 27: one that is also a Norwegian word ({@code i},
     * {@code for}, {@code at}, {@code to}) says nothing beside a listed public figure's, given name's or surname's word
     * ({@code for Obama}, {@code i Hitlers Europa}: the folds' stress runs). Round 28: a surname's shape counts also where
     * the word has a common noun's shape too (round 27 left a surname ending in {@code land} before {@code i} unmasked for
     * that narrowing).
     */
    private static boolean english(String word, String name) {
        if (word == null || !ENGLISH.contains(word.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return !NORWEGIAN_TOO.contains(word) || !(DocumentNames.isFamousName(name) || DocumentNames.isPersonNameWord(name));
    }

    /** Words of {@link #ENGLISH} that are Norwegian words too, written as Norwegian writes them (lower case). */
    private static final Set<String> NORWEGIAN_TOO = Set.of("i", "for", "at", "to", "a", "is", "me");
}

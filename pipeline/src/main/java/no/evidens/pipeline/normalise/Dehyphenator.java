package no.evidens.pipeline.normalise;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Joins words hyphenated at line ends ({@code fylkesmen-} + {@code nene} → {@code fylkesmennene}) and
 * at soft hyphens, and keeps real hyphens: {@code sosial- og helsetjenester}, {@code NAV-kontoret},
 * {@code § 4-3}, {@code e-post}. Where the rules cannot tell, a Norwegian word list decides.
 */
final class Dehyphenator {
    /** Words after which a hyphen is a suspended compound ("sosial- og helsetjenester"). */
    private static final Set<String> CONJUNCTIONS = Set.of("og", "eller", "samt", "og/eller", "enn", "som");
    private static final char SOFT_HYPHEN = '\u00AD';

    /** Loaded on first need only: most documents never ask. */
    private final Supplier<WordList> words;

    Dehyphenator(Supplier<WordList> words) {
        this.words = words;
    }

    /**
     * Edits to {@code text} that join the words split at line ends. With {@code lostHyphens} (text from a
     * page layout, where extraction may drop the hyphen), a line break between two pieces that are not
     * words but make one is joined too.
     */
    TextEdits find(String text, boolean lostHyphens) {
        return find(text, lostHyphens, Set.of());
    }

    /** As {@link #find(String, boolean)}, where the layout showed a hyphen drawn after each of {@code drawnHyphens}. */
    TextEdits find(String text, boolean lostHyphens, Set<String> drawnHyphens) {
        TextEdits edits = new TextEdits();
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            int h = i;
            while (h > 0 && (text.charAt(h - 1) == ' ' || text.charAt(h - 1) == '\t' || text.charAt(h - 1) == '\r')) {
                h--;
            }
            if (h == 0) {
                continue;
            }
            char mark = text.charAt(h - 1);
            boolean hyphen = mark == '-' || mark == SOFT_HYPHEN || mark == '\u2010';
            if (!hyphen && !(lostHyphens && Character.isLowerCase(mark))) {
                continue;
            }
            int next = i + 1;
            boolean blankLine = false;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                blankLine |= text.charAt(next) == '\n';
                next++;
            }
            if (next >= text.length() || blankLine && !(hyphen && Character.isLowerCase(text.charAt(next)))) {
                // A paragraph ends here; only a hyphen before lower case goes on over a column or page break.
                continue;
            }
            String left = wordBefore(text, hyphen ? h - 1 : h);
            String right = wordAfter(text, next);
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            if (!hyphen) {
                if (drawnHyphens.contains(left) && Character.isLowerCase(right.charAt(0)) || isLostHyphen(left, right)) {
                    edits.replace(h, next, "");
                }
            } else if (mark == SOFT_HYPHEN) {
                edits.replace(h - 1, next, "");
            } else if (keepsHyphen(left, right)) {
                edits.replace(h, next, CONJUNCTIONS.contains(right.toLowerCase()) ? " " : "");
            } else {
                edits.replace(h - 1, next, "");
            }
        }
        return edits;
    }

    private boolean keepsHyphen(String left, String right) {
        if (CONJUNCTIONS.contains(right.toLowerCase())) {
            return true; // sosial- og helsetjenester
        }
        char last = left.charAt(left.length() - 1);
        if (Character.isUpperCase(last) || Character.isDigit(last) || !Character.isLowerCase(right.charAt(0))) {
            return true; // NAV-kontoret, 4-3, 18-23, Oslo-Bergen
        }
        // A line-end hyphen in running text almost always splits one word (compounds included):
        // keep it only where the word list knows the hyphenated form (e-post).
        return words.get().contains(left + "-" + right);
    }

    /** "fylkesmen" + "nene": the two together are a word, and not both pieces are. */
    private boolean isLostHyphen(String left, String right) {
        if (!Character.isLowerCase(right.charAt(0))) {
            return false;
        }
        WordList list = words.get();
        String whole = left + right;
        if (list.contains(whole)) {
            return !(list.contains(left) && list.contains(right));
        }
        // Known only as a compound of two listed words: join only where neither piece is a word, since the
        // shipped list is small and misses many inflected words (guttens + psykiske is no "gutten-spsykiske").
        return isWordOrCompound(list, whole) && !list.contains(left) && !list.contains(right);
    }

    /**
     * A word of the list, or a compound of two (with or without the linking s): the list holds few of
     * the compounds Norwegian makes freely (voksen + tjenester).
     */
    static boolean isWordOrCompound(WordList list, String word) {
        if (list.contains(word)) {
            return true;
        }
        for (int k = 3; k <= word.length() - 3; k++) {
            String head = word.substring(0, k);
            if (list.contains(head)) {
                String tail = word.substring(k);
                if (list.contains(tail) || tail.length() > 3 && tail.charAt(0) == 's' && list.contains(tail.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String wordBefore(String text, int hyphen) {
        int s = hyphen;
        while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)))) {
            s--;
        }
        return text.substring(s, hyphen);
    }

    private static String wordAfter(String text, int from) {
        int e = from;
        while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '/')) {
            e++;
        }
        return text.substring(from, e);
    }
}

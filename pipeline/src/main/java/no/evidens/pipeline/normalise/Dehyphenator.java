package no.evidens.pipeline.normalise;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Joins words hyphenated at line ends ({@code fylkesmen-} + {@code nene} → {@code fylkesmennene}) and
 * at soft hyphens, and keeps real hyphens: {@code sosial- og helsetjenester}, {@code Nav-kontoret},
 * {@code § 4-3}, {@code e-post}. A line break with no hyphen printed is never joined, unless the page
 * layout showed a hyphen drawn there as a shape. Where the rules cannot tell, the document's own
 * spelling and then a Norwegian word list decide.
 */
final class Dehyphenator {
    /** Words after which a hyphen is a suspended compound ("sosial- og helsetjenester"). */
    private static final Set<String> CONJUNCTIONS = Set.of("og", "eller", "samt", "og/eller", "enn", "som");
    private static final char SOFT_HYPHEN = '\u00AD';
    /** Abbreviations written as names, that stay before a hyphen: Nav-kontoret, Bufetat-regionen. */
    private static final Set<String> KNOWN_ABBREVIATIONS = Set.of("nav", "bufetat", "bufdir", "udir", "imdi", "udi", "une",
            "ikt", "bup", "dps", "ppt", "sfo", "kpr");

    /** Loaded on first need only: most documents never ask. */
    private final Supplier<WordList> words;

    Dehyphenator(Supplier<WordList> words) {
        this.words = words;
    }

    /** Edits to {@code text} that join the words split at line ends by a printed hyphen. */
    TextEdits find(String text) {
        return find(text, Set.of());
    }

    /**
     * As {@link #find(String)}; {@code drawnHyphens} holds, from the page layout, each line end where a
     * hyphen was drawn as a shape and not written as text, as {@code lastWord-firstWordOfNextLine}.
     */
    TextEdits find(String text, Set<String> drawnHyphens) {
        TextEdits edits = new TextEdits();
        Spellings spelled = null;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            int h = i;
            while (h > 0 && (text.charAt(h - 1) == ' ' || text.charAt(h - 1) == '\t' || text.charAt(h - 1) == '\r')) {
                h--;
            }
            if (h == 0) {
                continue;
            }
            char mark = text.charAt(h - 1);
            boolean printed = mark == '-' || mark == SOFT_HYPHEN || mark == '\u2010';
            if (!printed && (drawnHyphens.isEmpty() || !Character.isLetterOrDigit(mark))) {
                continue;
            }
            int next = i + 1;
            boolean blankLine = false;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                blankLine |= text.charAt(next) == '\n';
                next++;
            }
            if (next >= text.length() || blankLine && !(printed && Character.isLowerCase(text.charAt(next)))) {
                // A paragraph ends here; only a hyphen before lower case goes on over a column or page break.
                continue;
            }
            boolean drawn = !printed && drawnHyphens.contains(tokenBefore(text, h) + "-" + tokenAfter(text, next));
            if (!printed && !drawn) {
                continue; // no hyphen was printed: two words stay two words
            }
            int hyphenAt = printed ? h - 1 : h;
            String left = wordBefore(text, hyphenAt);
            String right = wordAfter(text, next);
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            if (mark == SOFT_HYPHEN) {
                edits.replace(h - 1, next, "");
                continue;
            }
            if (spelled == null) {
                spelled = Spellings.of(text);
            }
            if (keepsHyphen(text, hyphenAt, left, right, spelled)) {
                String kept = CONJUNCTIONS.contains(right.toLowerCase(Locale.ROOT)) ? " " : "";
                edits.replace(h, next, printed ? kept : "-" + kept);
            } else {
                edits.replace(hyphenAt, next, "");
            }
        }
        return edits;
    }

    private boolean keepsHyphen(String text, int hyphenAt, String left, String right, Spellings spelled) {
        if (CONJUNCTIONS.contains(right.toLowerCase(Locale.ROOT))) {
            return true; // sosial- og helsetjenester
        }
        char last = left.charAt(left.length() - 1);
        if (Character.isUpperCase(last) || Character.isDigit(last) || !Character.isLowerCase(right.charAt(0))) {
            return true; // NAV-kontoret, 4-3, 18-23, Oslo-Bergen
        }
        // The document's own spelling inside its lines comes first: Helsetilsynet, korona-pandemien.
        String hyphenated = (left + "-" + right).toLowerCase(Locale.ROOT);
        if (spelled.words().contains((left + right).toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (spelled.words().contains(hyphenated)) {
            return true;
        }
        if (left.length() == 1 || KNOWN_ABBREVIATIONS.contains(left.toLowerCase(Locale.ROOT))) {
            return true; // e-post, Nav-kontoret
        }
        if (Character.isUpperCase(left.charAt(0)) && left.length() <= 4 && spelled.names().contains(left)
                && !startsSentence(text, hyphenAt - left.length())) {
            return true; // a short name the text writes as a word of its own (Oslo, Bufdir), inside a sentence
        }
        // A line-end hyphen in running text almost always splits one word (compounds included):
        // keep it only where the word list knows the hyphenated form (e-post).
        return words.get().contains(hyphenated);
    }

    /**
     * How the text spells words inside its lines: every word and hyphenated word, lower case, and the
     * capitalised words that stand alone or open a hyphenated word (Oslo, Nav in Nav-kontoret).
     */
    private record Spellings(Set<String> words, Set<String> names) {
        static Spellings of(String text) {
            Set<String> words = new HashSet<>();
            Set<String> names = new HashSet<>();
            // A word ending in a hyphen and white space is half a word: not a spelling.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?U)\\b\\w+(-\\w+)*\\b(?!-)").matcher(text);
            while (m.find()) {
                String w = m.group();
                words.add(w.toLowerCase(Locale.ROOT));
                String first = w.split("-")[0];
                if (Character.isUpperCase(first.charAt(0))) {
                    names.add(first);
                }
            }
            return new Spellings(words, names);
        }
    }

    /** Whether the word at {@code start} opens a sentence (or the text): after . ! ? : or a blank line. */
    private static boolean startsSentence(String text, int start) {
        int p = start;
        while (p > 0 && (Character.isWhitespace(text.charAt(p - 1)) || "«\"(“".indexOf(text.charAt(p - 1)) >= 0)) {
            if (p - 2 >= 0 && text.charAt(p - 1) == '\n' && text.charAt(p - 2) == '\n') {
                return true;
            }
            p--;
        }
        return p == 0 || ".!?:".indexOf(text.charAt(p - 1)) >= 0;
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

    /** The characters up to the white space before {@code end}: a line's last word as the layout gives it. */
    private static String tokenBefore(String text, int end) {
        int s = end;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
            s--;
        }
        return text.substring(s, end);
    }

    private static String tokenAfter(String text, int from) {
        int e = from;
        while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
            e++;
        }
        return text.substring(from, e);
    }
}

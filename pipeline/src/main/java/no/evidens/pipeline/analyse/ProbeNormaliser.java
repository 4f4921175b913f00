package no.evidens.pipeline.analyse;

import java.util.regex.Pattern;

import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;

/**
 * The normalisers Tika's language detector runs over each piece of a text before it counts the grams: web and mail
 * addresses, then every run of what is neither a letter nor an ideograph, made one space; then OpenNLP's emoji,
 * Twitter, number and shrink normalisers ({@link #tikas()} is that chain as Tika builds it). The same passes with the
 * same patterns, in the same order, give the same text; but a pass whose pattern cannot match is left out, as a
 * {@code replaceAll} without a match returns its text as it was. Whether a pattern can match is told from a character
 * any match must hold (an {@code @} for a mail address, a digit for a number, an {@code x} for a face once only
 * letters are left), which one look along the piece finds; and the pass that keeps letters and ideographs is one
 * loop ({@link #lettersAndIdeographs}). Most passes then never run a matcher: on 1,100 texts of the ingest bench
 * the ten pattern passes per 300 characters were some 4% of the main process's Java samples
 * (docs/ingest-speed-rounds.md, thirty-second round). OpenNLP's normalisers run all their patterns in one call, so
 * their patterns are written out here (the same strings and flags), each behind its own test.
 * {@code ProbeNormaliserTest} compares this with {@link #tikas()}.
 */
final class ProbeNormaliser implements CharSequenceNormalizer {
    static final ProbeNormaliser INSTANCE = new ProbeNormaliser();

    // Tika's own (its detector keeps a copy of OpenNLP's address normaliser with a faster pattern).
    private static final Pattern URL = Pattern.compile("https?://[-_.?&~;+=/#0-9A-Za-z]{10,10000}");
    private static final Pattern MAIL = Pattern.compile("[-_.0-9A-Za-z]{1,100}@[-_0-9A-Za-z]{1,100}[-_.0-9A-Za-z]{1,100}");
    private static final Pattern OTHER = Pattern.compile("[^\\p{IsAlphabetic}\\p{IsIdeographic}]+");
    // OpenNLP's (opennlp-tools 2.5: EmojiCharSequenceNormalizer, TwitterCharSequenceNormalizer,
    // NumberCharSequenceNormalizer, ShrinkCharSequenceNormalizer).
    private static final Pattern EMOJI = Pattern.compile("[\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+");
    private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
    private static final Pattern RT = Pattern.compile("\\b(rt[ :])+", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACE = Pattern.compile("[:;x]-?[()dop]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAUGH = Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATED = Pattern.compile("(.)\\1{2,}", Pattern.CASE_INSENSITIVE);

    private ProbeNormaliser() {
    }

    /** Tika's chain of the same normalisers, every pattern run on every piece: what this one must equal. */
    static CharSequenceNormalizer tikas() {
        return new AggregateCharSequenceNormalizer(
                text -> MAIL.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" "),
                text -> OTHER.matcher(text).replaceAll(" "),
                EmojiCharSequenceNormalizer.getInstance(), TwitterCharSequenceNormalizer.getInstance(),
                NumberCharSequenceNormalizer.getInstance(), ShrinkCharSequenceNormalizer.getInstance());
    }

    @Override
    public CharSequence normalize(CharSequence text) {
        String s = text.toString();
        if (s.contains("http")) {
            s = URL.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('@') >= 0) {
            s = MAIL.matcher(s).replaceAll(" ");
        }
        s = lettersAndIdeographs(s);
        boolean surrogates = hasSurrogate(s);
        if (surrogates) {
            s = EMOJI.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('#') >= 0 || s.indexOf('@') >= 0) {
            s = HASH_USER.matcher(s).replaceAll(" ");
        }
        if (mayRetweet(s)) {
            s = RT.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('x') >= 0 || s.indexOf('X') >= 0 || s.indexOf(':') >= 0 || s.indexOf(';') >= 0) {
            s = FACE.matcher(s).replaceAll(" ");
        }
        if (mayLaugh(s)) {
            s = LAUGH.matcher(s).replaceAll("$1$2$1$2");
        }
        if (hasDigit(s)) {
            s = NUMBER.matcher(s).replaceAll(" ");
        }
        if (hasTwoSpaces(s)) {
            s = SPACES.matcher(s).replaceAll(" ");
        }
        // "(.)" takes a whole code point: with a surrogate pair in the piece, the characters alone do not tell.
        if (surrogates || hasSurrogate(s) || hasThreeAlike(s)) {
            s = REPEATED.matcher(s).replaceAll("$1$1");
        }
        return s.trim();
    }

    /**
     * What {@link #OTHER}'s {@code replaceAll(" ")} gives, in one pass without a matcher: every run of code points that
     * are neither alphabetic nor ideographic (a lone surrogate among them) made one space. Written out because it is
     * the one pass that changes nearly every piece, and the pattern asks two Unicode properties of each code point
     * through the matcher's nodes; the test compares it with the pattern.
     */
    static String lettersAndIdeographs(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) { // the text as it is up to its first code point to replace
            int cp = s.codePointAt(i);
            if (!Character.isAlphabetic(cp) && !Character.isIdeographic(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        boolean inRun = false;
        while (i < n) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isAlphabetic(cp) || Character.isIdeographic(cp)) {
                b.append(s, i, next);
                inRun = false;
            } else if (!inRun) {
                b.append(' ');
                inRun = true;
            }
            i = next;
        }
        return b.toString();
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') { // \d without UNICODE_CHARACTER_CLASS
                return true;
            }
        }
        return false;
    }

    /** An {@code r}, a {@code t} (either case, as a case-insensitive pattern without UNICODE_CASE takes them), then a space or colon. */
    private static boolean mayRetweet(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (lower(s.charAt(i)) == 'r' && lower(s.charAt(i + 1)) == 't' && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')) {
                return true;
            }
        }
        return false;
    }

    /**
     * What every match of {@link #LAUGH} holds: an h or j, one or more of the vowels right after it, and then the same h
     * or j again (its last repetition of the first group, the vowels of the second, and the back reference after them).
     */
    private static boolean mayLaugh(String s) {
        int n = s.length();
        for (int p = 0; p + 2 < n; p++) {
            char first = lower(s.charAt(p));
            if (first != 'h' && first != 'j') {
                continue;
            }
            int q = p + 1;
            while (q < n && isVowel(lower(s.charAt(q)))) {
                q++;
            }
            if (q > p + 1 && q < n && lower(s.charAt(q)) == first) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'i' || c == 'e' || c == 'o' || c == 'u';
    }

    /** Two characters of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return) side by side. */
    private static boolean hasTwoSpaces(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (isSpace(s.charAt(i)) && isSpace(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Three characters side by side that are the same but for ASCII case (a back reference without UNICODE_CASE). */
    private static boolean hasThreeAlike(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            char c = lower(s.charAt(i));
            if (lower(s.charAt(i + 1)) == c && lower(s.charAt(i + 2)) == c) {
                return true;
            }
        }
        return false;
    }

    /** ASCII's lower case only, as Java's patterns fold case without UNICODE_CASE. */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}

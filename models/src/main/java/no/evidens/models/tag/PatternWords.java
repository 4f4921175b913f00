package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distinct words of a codebook's patterns (base form and how it matches), each with a number, and which
 * of them a token matches. A token is compared with a word only when it could match at all: every mode but
 * {@link IndicatorTagger.Mode#SUFFIX} needs the token to start with the word's first letter, so the words are
 * kept by that letter. What a token matches is worked out once per distinct token and then read from a bit set,
 * where before every pattern compared every token again with string operations. The words a token matches depend
 * on the token alone, so they are remembered across texts (up to {@link #REMEMBERED} distinct tokens, then for one
 * text only): most tokens of a text are words of the texts before it. Built once, then read-only but for that
 * memory (thread-safe); the per-text cache belongs to one call.
 */
final class PatternWords {
    private final List<String> stems = new ArrayList<>();
    private final List<IndicatorTagger.Mode> modes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Character, List<Integer>> byFirstLetter = new HashMap<>();
    /** Words a token of any first letter may match: suffixes, and an empty base form. */
    private final List<Integer> anyFirstLetter = new ArrayList<>();
    /** How many distinct tokens are remembered across texts at most (each some 100 to 200 bytes with its bit set). */
    static final int REMEMBERED = 50_000;
    private final Map<String, BitSet> remembered = new ConcurrentHashMap<>();
    /** What every token matching no word gets (never changed). */
    private static final BitSet NONE = new BitSet();
    /** The first letters of the words, for {@link #mayMatch}; made again after a word is added (null until then). */
    private volatile Openings openings;

    /** The number of a word, the same for the same base form and mode. */
    int id(String stem, IndicatorTagger.Mode mode) {
        return ids.computeIfAbsent(mode.name() + ' ' + stem, k -> {
            int id = stems.size();
            openings = null;
            stems.add(stem);
            modes.add(mode);
            if (mode == IndicatorTagger.Mode.SUFFIX || stem.isEmpty()) {
                anyFirstLetter.add(id);
            } else {
                byFirstLetter.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(id);
            }
            return id;
        });
    }

    /** A cache for one text: each distinct (lower-case) token's matching words. */
    static Map<String, BitSet> newCache() {
        return new HashMap<>();
    }

    /**
     * The words the token {@code text[from, to)} matches once lower-cased: {@link #matching(String, Map)} of the token
     * in lower case, but a token that cannot match any word ({@link #mayMatch}) is answered without being cut from the
     * text, lower-cased or looked up. Most tokens of a text are such (none of the codebook's words starts as they do),
     * and the look-up of each in {@link #remembered} was a third of the codebook stage's samples, a fresh string's
     * hash and a probe of a map of tens of thousands (flight recording of {@code bench tagging}, round 57).
     */
    BitSet matching(String text, int from, int to, Map<String, BitSet> cache) {
        Openings o = openings;
        if (o == null) {
            o = new Openings(stems, modes);
            openings = o;
        }
        if (!o.mayMatch(text, from, to)) {
            return NONE;
        }
        return matching(text.substring(from, to).toLowerCase(Locale.ROOT), cache);
    }

    /**
     * The openings of the words, to tell cheaply that a token matches none. Every mode but a suffix needs the token to
     * start with the word, or (a base form of 4+ letters ending in e) with the word less its e: in both cases with the
     * word's first three letters (all of a shorter word's); a suffix needs the token to hold the word, at most
     * {@link #LONGEST_ENDING} characters before its end. Only tokens of ISO 8859-1 characters are judged, lower-cased a
     * character at a time: for them that is what {@code String.toLowerCase(Locale.ROOT)} gives (it changes the length,
     * or looks at a character's neighbours, only for characters beyond that range); any other token may match.
     */
    static final class Openings {
        /** Whether some word is empty (then any token may match). */
        private final boolean any;
        /** The words of 1 and 2 letters, as their letters packed ({@link #key}). */
        private final int[] whole;
        /** The first 3 letters of the words of 3+ letters, packed, sorted. */
        private final int[] firstThree;
        /** The first 2 letters of the words of 3+ letters, packed (a quick no before the binary search). */
        private final BitSet firstTwo = new BitSet(1 << 16);
        /** The suffix words in lower case. */
        private final char[][] suffixes;

        Openings(List<String> stems, List<IndicatorTagger.Mode> modes) {
            boolean anyWord = false;
            List<Integer> shortWords = new ArrayList<>();
            List<Integer> three = new ArrayList<>();
            List<char[]> suffixWords = new ArrayList<>();
            for (int id = 0; id < stems.size(); id++) {
                String stem = stems.get(id);
                if (stem.isEmpty()) {
                    anyWord = true;
                } else if (modes.get(id) == IndicatorTagger.Mode.SUFFIX) {
                    suffixWords.add(stem.toCharArray());
                } else if (latin1(stem, Math.min(3, stem.length()))) {
                    // A word starting beyond ISO 8859-1 matches no token judged here (those are all within it).
                    if (stem.length() < 3) {
                        shortWords.add(key(stem, 0, stem.length()));
                    } else {
                        three.add(key(stem, 0, 3));
                        firstTwo.set(key(stem, 0, 2));
                    }
                }
            }
            any = anyWord;
            whole = shortWords.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            firstThree = three.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            suffixes = suffixWords.toArray(new char[0][]);
        }

        /** Whether the token {@code text[from, to)}, lower-cased, may match a word (false: it matches none). */
        boolean mayMatch(String text, int from, int to) {
            int length = to - from;
            if (any || length == 0) {
                return true;
            }
            for (int i = from; i < to; i++) {
                if (text.charAt(i) > 0xFF) {
                    return true; // not judged
                }
            }
            int c0 = lower(text, from);
            int k1 = c0;
            if (Arrays.binarySearch(whole, k1) >= 0) {
                return true;
            }
            if (length >= 2) {
                int k2 = k1 << 8 | lower(text, from + 1);
                if (Arrays.binarySearch(whole, k2) >= 0) {
                    return true;
                }
                if (length >= 3 && firstTwo.get(k2)
                        && Arrays.binarySearch(firstThree, k2 << 8 | lower(text, from + 2)) >= 0) {
                    return true;
                }
            }
            for (char[] suffix : suffixes) {
                if (holdsNearEnd(text, from, to, suffix)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the lower-cased token holds {@code word} ending at most {@link #LONGEST_ENDING} before its end. */
        private static boolean holdsNearEnd(String text, int from, int to, char[] word) {
            for (int end = to; end >= from + word.length && end >= to - LONGEST_ENDING; end--) {
                int start = end - word.length;
                boolean same = true;
                for (int k = 0; k < word.length && same; k++) {
                    same = lower(text, start + k) == word[k];
                }
                if (same) {
                    return true;
                }
            }
            return false;
        }

        private static int lower(String text, int at) {
            return Character.toLowerCase(text.charAt(at));
        }

        private static boolean latin1(String s, int n) {
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) > 0xFF) {
                    return false;
                }
            }
            return true;
        }

        /** The first {@code n} (at most 3) characters of {@code s} from {@code at}, each within ISO 8859-1, packed. */
        private static int key(String s, int at, int n) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                k = k << 8 | s.charAt(at + i);
            }
            return k;
        }
    }

    /** The longest of {@link IndicatorTagger#ENDINGS}: what a suffix word may be followed by in a token. */
    static final int LONGEST_ENDING = IndicatorTagger.ENDINGS.stream().mapToInt(String::length).max().orElse(0);

    /** The words the lower-case {@code token} matches, as a set of their numbers (do not change it). */
    BitSet matching(String token, Map<String, BitSet> cache) {
        BitSet known = remembered.get(token);
        if (known == null) {
            known = cache.get(token);
        }
        if (known != null) {
            return known;
        }
        BitSet out = new BitSet();
        if (!token.isEmpty()) {
            test(token, byFirstLetter.getOrDefault(token.charAt(0), List.of()), out);
        }
        test(token, anyFirstLetter, out);
        if (remembered.size() < REMEMBERED) {
            remembered.put(token, out);
        } else {
            cache.put(token, out);
        }
        return out;
    }

    private void test(String token, List<Integer> candidates, BitSet out) {
        for (int id : candidates) {
            if (IndicatorTagger.matches(modes.get(id), stems.get(id), token)) {
                out.set(id);
            }
        }
    }
}

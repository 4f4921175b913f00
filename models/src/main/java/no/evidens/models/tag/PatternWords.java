package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
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

    /** The number of a word, the same for the same base form and mode. */
    int id(String stem, IndicatorTagger.Mode mode) {
        return ids.computeIfAbsent(mode.name() + ' ' + stem, k -> {
            int id = stems.size();
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

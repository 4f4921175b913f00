package no.evidens.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a word may be broken at a line end. A simple syllable rule of the project's own, no word list:
 * between two vowels, a run of consonants is split before the longest consonant group that may begin
 * a Norwegian syllable (at least one consonant stays behind: {@code fyl-kes-men-ne-ne},
 * {@code verns-tje-nes-ten}); at least two letters stay on the line and three go to the next.
 * A word with a real hyphen may also break right after it ({@code NAV-} / {@code kontoret}); digits,
 * all-capital words and {@code §} references are never broken.
 */
final class Hyphenator {

    /** A place to break a word: the second part starts at {@code index}; {@code addHyphen} unless the word has one there. */
    record Break(int index, boolean addHyphen) {
    }

    private static final String VOWELS = "aeiouyæøåéèêóòô";
    private static final Set<String> ONSETS = Set.of(
        "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "kv", "pl", "pr", "sk", "skj", "skr", "sl",
        "sm", "sn", "sp", "spr", "st", "str", "sv", "tr", "tv", "sj", "kj", "tj", "gj", "hj", "hv", "fj",
        "bj", "pj", "vr");
    static final int MIN_BEFORE = 2;
    static final int MIN_AFTER = 3;

    private Hyphenator() {
    }

    /** The break points of a whitespace-free token, in increasing order. */
    static List<Break> breaks(String token) {
        List<Break> breaks = new ArrayList<>();
        int start = 0;
        while (start < token.length() && !Character.isLetter(token.charAt(start))) {
            start++;
        }
        int end = token.length();
        while (end > start && !Character.isLetter(token.charAt(end - 1))) {
            end--;
        }
        if (end - start < MIN_BEFORE + MIN_AFTER) {
            return breaks;
        }
        String core = token.substring(start, end);
        if (core.chars().anyMatch(Character::isDigit) || core.equals(core.toUpperCase(java.util.Locale.ROOT))) {
            return breaks;
        }
        // Letter runs inside the core, split by real hyphens; anything else (digits, '/', '.') stops us.
        int runStart = 0;
        for (int i = 0; i <= core.length(); i++) {
            if (i == core.length() || core.charAt(i) == '-') {
                String run = core.substring(runStart, i);
                if (!run.chars().allMatch(Character::isLetter)) {
                    return List.of();
                }
                if (!run.equals(run.toUpperCase(java.util.Locale.ROOT))) {
                    for (int p : syllableBreaks(run)) {
                        breaks.add(new Break(start + runStart + p, true));
                    }
                }
                if (i < core.length() && i >= MIN_BEFORE && core.length() - i - 1 >= MIN_AFTER) {
                    breaks.add(new Break(start + i + 1, false));
                }
                runStart = i + 1;
            }
        }
        return breaks;
    }

    /** Syllable break points inside a run of letters. */
    static List<Integer> syllableBreaks(String word) {
        List<Integer> points = new ArrayList<>();
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        int previousVowel = -1;
        for (int i = 0; i < lower.length(); i++) {
            if (VOWELS.indexOf(lower.charAt(i)) < 0) {
                continue;
            }
            if (previousVowel >= 0 && i - previousVowel > 1) {
                String cluster = lower.substring(previousVowel + 1, i);
                int onset = cluster.length() - 1;
                for (int k = 1; k < cluster.length() - 1; k++) {
                    if (ONSETS.contains(cluster.substring(k))) {
                        onset = k;
                        break;
                    }
                }
                int point = previousVowel + 1 + onset;
                if (point >= MIN_BEFORE && word.length() - point >= MIN_AFTER) {
                    points.add(point);
                }
            }
            previousVowel = i;
        }
        return points;
    }
}

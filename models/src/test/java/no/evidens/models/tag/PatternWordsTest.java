package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The words a token matches, read through the quick "matches none" test on the token's opening and ending, are those
 * every word's own test gives the token in lower case: on tokens in both cases, inflected, compounded, short, beyond
 * ISO 8859-1 and with characters whose lower case is longer than themselves.
 */
class PatternWordsTest {
    private record W(String stem, IndicatorTagger.Mode mode) {
    }

    private static final List<W> WORDS = List.of(
            new W("taushetsplikt", IndicatorTagger.Mode.INFLECT), new W("rutine", IndicatorTagger.Mode.INFLECT),
            new W("samarb", IndicatorTagger.Mode.PREFIX), new W("avvik", IndicatorTagger.Mode.EXACT),
            new W("barn", IndicatorTagger.Mode.SUFFIX), new W("mannens", IndicatorTagger.Mode.SUFFIX),
            new W("i", IndicatorTagger.Mode.EXACT), new W("og", IndicatorTagger.Mode.INFLECT),
            new W("ås", IndicatorTagger.Mode.PREFIX), new W("møte", IndicatorTagger.Mode.INFLECT),
            new W("§", IndicatorTagger.Mode.EXACT), new W("ŝipo", IndicatorTagger.Mode.INFLECT),
            new W("i̇stanbul", IndicatorTagger.Mode.INFLECT), new W("σας", IndicatorTagger.Mode.EXACT),
            new W("nav", IndicatorTagger.Mode.EXACT), new W("øye", IndicatorTagger.Mode.INFLECT));

    private static final String[] TOKENS = {
        "Taushetsplikten", "TAUSHETSPLIKTBESTEMMELSENE", "taushetsplikt", "rutinane", "Rutinar", "RUTIN", "rutine",
        "Samarbeidsmøtene", "samarb", "sam", "sa", "s", "Avvik", "avviket", "Fosterbarn", "fosterbarna",
        "BARNEBARNET", "barnebarnene", "barn", "Barnas", "Politimannens", "mannensx", "mannen", "I", "i", "og",
        "Ogsa", "Og", "o", "Åsted", "ÅS", "å", "Møta", "møtene", "møt", "§", "§§", "Ŝipoene", "ŝipo", "İstanbul",
        "istanbul", "ΣΑΣ", "σας", "NAV", "NAV-kontoret", "Nav", "nava", "ØYET", "øya", "Øy", "ÿ", "Ÿes", "µg",
        "ß", "x", "12.03.2025", "«sitat»", "barn-", "a\u0301", "\uD835\uDD04bc", "Taus\u00ADhetsplikt", "ǅemal",
    };

    private static PatternWords words() {
        PatternWords words = new PatternWords();
        for (W w : WORDS) {
            words.id(w.stem(), w.mode());
        }
        return words;
    }

    /** What each word's own test says of the lower-cased token, as the tagger said before the quick test. */
    private static BitSet byEachWord(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        BitSet out = new BitSet();
        for (int id = 0; id < WORDS.size(); id++) {
            if (IndicatorTagger.matches(WORDS.get(id).mode(), WORDS.get(id).stem(), lower)) {
                out.set(id);
            }
        }
        return out;
    }

    @Test
    void aTokenMatchesTheWordsItMatchedBefore() {
        PatternWords words = words();
        String text = " " + String.join("  ", TOKENS) + " ";
        int at = 1;
        int matching = 0;
        for (String token : TOKENS) {
            BitSet expected = byEachWord(token);
            matching += expected.isEmpty() ? 0 : 1;
            for (int round = 0; round < 2; round++) { // the second round answers from memory
                assertEquals(expected, words.matching(text, at, at + token.length(), PatternWords.newCache()), token);
            }
            at += token.length() + 2;
        }
        assertTrue(matching > TOKENS.length / 2, "most tokens match some word: " + matching);
    }

    @Test
    void tellsQuicklyOnlyTokensThatMatchNoWord() {
        PatternWords words = words();
        PatternWords.Openings openings = new PatternWords.Openings(
                WORDS.stream().map(W::stem).toList(), WORDS.stream().map(W::mode).toList());
        List<String> ruledOut = new ArrayList<>();
        for (String token : TOKENS) {
            if (!openings.mayMatch(token, 0, token.length())) {
                ruledOut.add(token);
                assertTrue(byEachWord(token).isEmpty(), token);
            }
        }
        // "mannensx" and "Ÿes" (beyond ISO 8859-1) go on to the words' own tests, which find none.
        assertEquals(List.of("sa", "s", "mannen", "o", "å", "øya", "Øy", "ÿ", "µg", "ß", "x", "12.03.2025", "«sitat»"),
                ruledOut);
        assertTrue(words.matching("Xyz", 0, 3, PatternWords.newCache()).isEmpty());
    }

    @Test
    void anEmptyWordLetsEveryTokenThrough() {
        PatternWords.Openings openings = new PatternWords.Openings(List.of("", "avvik"),
                List.of(IndicatorTagger.Mode.INFLECT, IndicatorTagger.Mode.EXACT));
        assertTrue(openings.mayMatch("xyz", 0, 3));
        PatternWords.Openings without = new PatternWords.Openings(List.of("avvik"), List.of(IndicatorTagger.Mode.EXACT));
        assertFalse(without.mayMatch("xyz", 0, 3));
    }
}

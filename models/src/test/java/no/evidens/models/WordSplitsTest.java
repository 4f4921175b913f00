package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

class WordSplitsTest {
    private static final String RESOURCE = NorwegianModels.RESOURCE_DIR + NorwegianModels.TOKEN_MODEL;
    private static final String[] SENTENCES = {
        "Saksbehandler Kari Nordbø (Fjordvik kommune) sendte bekymringsmeldingen til barneverntjenesten, jf. bvl. § 4-3.",
        "«Vi har ikke rutiner for dette», sa rektor – og la til: «Det gjelder også PPT/NAV-kontoret.»",
        "Møtet 12.03.2025 kl. 14:30 ble holdt i henhold til pkt. 3.2 a), dvs. etter fristen!",
        "E-post: kari.nordbo@fjordvik.kommune.no; tlf. 12 34 56 78 … se www.fjordvik.kommune.no/tilsyn?id=7.",
        "Ord\u00a0med\u2009smale\u00a0mellomrom\tog\ttabulatorer\nog ny linje, «sitat»,igjen;(parentes)og «sitat»,igjen.",
        "NAV-veileder, NAV-veileder, NAV-veileder: «ja», «ja», «ja»! 1.000,50 kr., 1.000,50 kr., O.l., o.l.",
        " ", "", "a", "x.", "...", "--", "Hr.Olsen's 3-4-5 «‹«nested»›»",
    };

    @Test
    void givesTheTokenizersOwnSpansWhetherAWordIsNewOrRemembered() throws IOException {
        TokenizerModel model;
        try (InputStream in = WordSplitsTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            model = new TokenizerModel(in);
        }
        TokenizerME plain = new TokenizerME(model);
        WordSplits remembered = new WordSplits(new TokenizerME(model));
        for (int round = 0; round < 2; round++) { // the second round reads every word from memory
            for (String sentence : SENTENCES) {
                assertArrayEquals(plain.tokenizePos(sentence), remembered.tokenizePos(sentence), sentence);
            }
        }
        String all = String.join(" ", SENTENCES);
        assertArrayEquals(plain.tokenizePos(all), remembered.tokenizePos(all));
    }

    /**
     * Words on the edge of "letters and digits only", which the bundled model keeps whole unasked: letters outside the
     * basic plane, other scripts' digits, modifier and title-case letters (all kept whole), and beside them combining
     * marks, superscripts, soft hyphens, joiners and lone surrogates (which the model is asked about).
     */
    private static final String[] EDGE_WORDS = {
        "barnevernstjenesten", "A4-ark", "2025", "12.03.2025", "Nordbø", "ÆØÅæøå", "\uD835\uDD04\uD835\uDD1Ebc",
        "x\uD835\uDFD9y", "\u0663\u0664\u0665", "m\u00B2", "ǅemal", "ªb", "hʰa", "e\u0301tat", "sam\u00ADarbeid",
        "a\u200Db", "ab\uD835", "\uDD04ab", "Fylkesmannen's", "NAV)", "(2)", "ok!", "a1b2c3", "ΣΊΣΥΦΟΣ", "İstanbul",
    };

    @Test
    void keepsWholeOnlyTheWordsTheTokenizerKeepsWhole() throws IOException {
        TokenizerModel model;
        try (InputStream in = WordSplitsTest.class.getResourceAsStream(RESOURCE)) {
            model = new TokenizerModel(in);
        }
        assertTrue(model.getFactory().isUseAlphaNumericOptimization());
        assertEquals(WordSplits.LETTERS_AND_DIGITS, model.getFactory().getAlphaNumericPattern().pattern());
        TokenizerME plain = new TokenizerME(model);
        WordSplits splits = WordSplits.of(model);
        Pattern pattern = model.getFactory().getAlphaNumericPattern();
        for (String word : EDGE_WORDS) {
            assertEquals(pattern.matcher(word).matches(), WordSplits.lettersAndDigits(word, 0, word.length()), word);
            assertArrayEquals(plain.tokenizePos(word), splits.tokenizePos(word), word);
            String sentence = "Før " + word + " og etter " + word + ".";
            for (int round = 0; round < 2; round++) {
                assertArrayEquals(plain.tokenizePos(sentence), splits.tokenizePos(sentence), sentence);
            }
        }
        for (String sentence : SENTENCES) {
            assertArrayEquals(plain.tokenizePos(sentence), splits.tokenizePos(sentence), sentence);
        }
    }
}

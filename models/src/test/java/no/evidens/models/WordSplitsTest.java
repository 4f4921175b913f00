package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;

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
}

package no.evidens.models.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ParagraphFeaturesTest {
    /** The pattern the child test replaced: it must give the same answer for every word of letters. */
    private static final Pattern CHILD = Pattern.compile("(barn|born|ungdom|unge|elev|fosterbarn|mindreårig)\\p{L}*");

    @Test
    void childWordsAnswerAsThePatternDid() {
        List<String> words = new ArrayList<>(List.of("barn", "barna", "barnevernet", "born", "borna", "ungdom",
                "ungdommen", "unge", "ungen", "ung", "ungd", "elev", "elevane", "fosterbarn", "fosterbarnet",
                "mindreårig", "mindreårige", "mindre", "bar", "bor", "el", "skolebarn", "foster", "leve", "jarn",
                "barnå", "elev\uD835\uDC00", "ungdomskole"));
        // Random words: a child word cut at a random length (often whole), then letters of those words and a few
        // others, so that both matches and near misses are many.
        String[] starts = {"barn", "born", "ungdom", "unge", "elev", "fosterbarn", "mindreårig", "skole"};
        String letters = "barnoudgmelvfstiåæøe";
        Random random = new Random(37);
        for (int i = 0; i < 50_000; i++) {
            String start = starts[random.nextInt(starts.length)];
            StringBuilder w = new StringBuilder(start.substring(0, 1 + random.nextInt(start.length())));
            for (int n = 2 + random.nextInt(10); n > 0; n--) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add(w.toString());
        }
        int children = 0;
        for (String w : words) {
            boolean expected = CHILD.matcher(w).matches();
            assertEquals(expected, ParagraphFeatures.namesChild(w), w);
            children += expected ? 1 : 0;
        }
        assertTrue(children > 5_000, "the words hold children: " + children);
        assertFalse(ParagraphFeatures.namesChild("skolebarn"));
    }

    @Test
    void paragraphFeaturesNameTheChild() {
        String[] features = ParagraphFeatures.of("Eleven fikk ikke oppfølging.", Set.of("FUNN"));
        assertArrayEquals(new String[] {"w=eleven", "w=fikk", "b=eleven_fikk", "w=ikke", "b=fikk_ikke", "w=oppfølging",
                "p=oppføl", "b=ikke_oppfølging", "child", "cb=FUNN", "cb=FUNN&child", "bias"}, features);
        String[] none = ParagraphFeatures.of("Møtet ble holdt.", Set.of());
        assertArrayEquals(new String[] {"w=møtet", "w=ble", "b=møtet_ble", "w=holdt", "b=ble_holdt", "bias"}, none);
    }
}

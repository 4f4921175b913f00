package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

class WindowCachedNameModelTest {
    private static final String RESOURCE = NorwegianModels.RESOURCE_DIR + NorwegianModels.NAME_MODEL;
    private static final String TEXT = "Saksbehandler Kari Nordbø i Fjordvik kommune sendte bekymringsmeldingen til barneverntjenesten. "
            + "Nordbø skrev at eleven hadde høyt fravær. Rektor Ola Brekkestrand ved Vikane skule svarte 12. mars 2025. "
            + "Statsforvalteren i Vestfjord ba om en redegjørelse fra NAV Fjordvik og helsestasjonen. "
            + "Det ble ikke holdt samarbeidsmøte før i juni, da også fastlegen deltok. "
            + "Brekkestrand og Nordbø møttes igjen i august sammen med PPT.";

    private static InputStream model() {
        InputStream in = WindowCachedNameModelTest.class.getResourceAsStream(RESOURCE);
        assertNotNull(in, RESOURCE);
        return in;
    }

    @Test
    void findsTheVeryNamesAndProbabilitiesOfTheModelAsShipped() throws IOException {
        TokenNameFinderModel shipped;
        WindowCachedNameModel cached;
        try (InputStream a = model(); InputStream b = model()) {
            shipped = new TokenNameFinderModel(a);
            cached = new WindowCachedNameModel(b);
        }
        byte[] descriptor = shipped.getArtifact("generator.featuregen");
        assertNotNull(WindowCachedNameModel.cachedWindows(new String(descriptor, java.nio.charset.StandardCharsets.UTF_8)),
                "the bundled model's features are generated through the cache");
        NameFinderME plain = new NameFinderME(shipped);
        NameFinderME fast = new NameFinderME(cached);
        NorwegianModels models = NorwegianModels.shared();
        int names = 0;
        // Twice through the text: the second time the finder has learnt from the first (adaptive data).
        for (int round = 0; round < 2; round++) {
            for (TaggedSpan sentence : models.sentences(TEXT)) {
                String s = sentence.cut(TEXT);
                List<TaggedSpan> tokens = models.tokensOfSentence(s);
                String[] words = tokens.stream().map(t -> t.cut(s)).toArray(String[]::new);
                Span[] expected = plain.find(words);
                Span[] actual = fast.find(words);
                assertArrayEquals(expected, actual, s);
                assertArrayEquals(plain.probs(), fast.probs(), 0.0, s);
                names += actual.length;
            }
        }
        assertTrue(names >= 4, "names found: " + names);
    }

    @Test
    void leavesADescriptionOfAnotherShapeAsItIs() {
        assertNull(WindowCachedNameModel.cachedWindows("<featureGenerators cache=\"true\" name=\"nameFinder\">"
                + "<generator class=\"opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory\"/></featureGenerators>"));
        String windowed = "<generator class=\"opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory\"><int name=\"prevLength\">2</int>"
                + "<int name=\"nextLength\">2</int><generator class=\"opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory\">"
                + "</generator></generator><generator class=\"opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory\">"
                + "<int name=\"prevLength\">2</int><int name=\"nextLength\">2</int>"
                + "<generator class=\"opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory\"></generator></generator>";
        assertEquals(2, WindowCachedNameModel.cachedWindows(windowed).split("CachedFeatureGeneratorFactory").length - 1);
    }
}

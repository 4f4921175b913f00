package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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

    /** The bundled name model as OpenNLP reads it, and the same bytes read with the window cache. */
    private record Models(TokenNameFinderModel shipped, WindowCachedNameModel cached) {
        static Models load() throws IOException {
            try (InputStream a = model(); InputStream b = model()) {
                return new Models(new TokenNameFinderModel(a), new WindowCachedNameModel(b));
            }
        }
    }

    /** The words of {@code sentence} as the pipeline's tokenizer gives them. */
    private static String[] words(NorwegianModels models, String sentence) {
        return models.tokensOfSentence(sentence).stream().map(t -> t.cut(sentence)).toArray(String[]::new);
    }

    @Test
    void readsTheClassifierAsOpenNlpReadsIt() throws IOException {
        Models loaded = Models.load();
        Object shipped = loaded.shipped().getArtifact("nameFinder.model");
        Object read = loaded.cached().getArtifact("nameFinder.model");
        assertInstanceOf(opennlp.tools.ml.model.AbstractModel.class, shipped);
        // OpenNLP's equality of models: the same outcomes, predicates and parameters.
        assertEquals(shipped, read);
    }

    @Test
    void findsTheVeryNamesAndProbabilitiesOfTheModelAsShipped() throws IOException {
        Models loaded = Models.load();
        TokenNameFinderModel shipped = loaded.shipped();
        WindowCachedNameModel cached = loaded.cached();
        byte[] descriptor = shipped.getArtifact("generator.featuregen");
        assertNotNull(WindowCachedNameModel.cachedWindows(new String(descriptor, StandardCharsets.UTF_8)),
                "the bundled model's features are generated through the cache");
        NameFinderME plain = new NameFinderME(shipped);
        NameFinderME fast = new NameFinderME(cached);
        NorwegianModels models = NorwegianModels.shared();
        int names = 0;
        // Twice through the text: the second time the finder has learnt from the first (adaptive data).
        for (int round = 0; round < 2; round++) {
            for (TaggedSpan sentence : models.sentences(TEXT)) {
                String s = sentence.cut(TEXT);
                String[] words = words(models, s);
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
    void aFinderThatRemembersRunsGivesTheVeryNamesAndProbabilitiesOfTheShippedModel() throws IOException {
        Models loaded = Models.load();
        TokenNameFinderModel shipped = loaded.shipped();
        WindowCachedNameModel cached = loaded.cached();
        assertTrue(cached.remembersSentences(), "the bundled model's features allow remembering");
        NameFinderME plain = new NameFinderME(shipped);
        NameFinderME finder = cached.finder();
        RememberingNameFinder remembering = assertInstanceOf(RememberingNameFinder.class, finder);
        NorwegianModels models = NorwegianModels.shared();
        List<String[]> runs = new ArrayList<>();
        for (TaggedSpan sentence : models.sentences(TEXT)) {
            String s = sentence.cut(TEXT);
            runs.add(words(models, s));
        }
        // Three documents: the text, the text again (each run now in memory, with the same previous-map state
        // as before only where the document has not yet seen its words), and the text in reverse order of its
        // sentences, then the first again without clearing (a state never seen before for most of its runs).
        List<List<String[]>> documents = List.of(runs, runs, reversed(runs), List.of(runs.get(0), runs.get(0)));
        int names = 0;
        for (List<String[]> document : documents) {
            plain.clearAdaptiveData();
            finder.clearAdaptiveData();
            for (String[] words : document) {
                Span[] expected = plain.find(words.clone());
                // Equal strings, other objects, as every sentence of an ingest cuts its tokens anew.
                Span[] actual = finder.find(copies(words));
                assertArrayEquals(expected, actual, String.join(" ", words));
                assertArrayEquals(plain.probs(), finder.probs(), 0.0);
                assertArrayEquals(plain.probs(expected), finder.probs(actual), 0.0);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i].getProb(), actual[i].getProb(), 0.0);
                }
                names += actual.length;
            }
        }
        assertTrue(names >= 8, "names found: " + names);
        long[] counts = remembering.counts();
        assertTrue(counts[1] >= runs.size(), "runs answered from memory: " + counts[1] + " of " + (counts[0] + counts[1]));
        assertTrue(counts[3] > 0, "windows answered from memory: " + counts[3] + " of " + (counts[2] + counts[3]));
    }

    private static String[] copies(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = new String(words[i].toCharArray());
        }
        return out;
    }

    private static List<String[]> reversed(List<String[]> runs) {
        List<String[]> out = new ArrayList<>(runs);
        Collections.reverse(out);
        return out;
    }

    @Test
    void remembersOnlyWithGeneratorsWhoseFeaturesItCanAccountFor() {
        String known = "<featureGenerators cache=\"true\" name=\"nameFinder\">"
                + "<generator class=\"opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory\"/>"
                + "<generator class=\"opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory\"/></featureGenerators>";
        assertTrue(WindowCachedNameModel.onlyStateless(known));
        assertEquals(1, WindowCachedNameModel.radius(known), "the bigrams reach one token either side");
        assertEquals(3, WindowCachedNameModel.radius("<int name=\"prevLength\">2</int><int name=\"nextLength\">3</int>"));
        assertFalse(WindowCachedNameModel.onlyStateless(known.replace("BigramNameFeatureGeneratorFactory",
                "DictionaryFeatureGeneratorFactory")));
        assertFalse(WindowCachedNameModel.onlyStateless("<featureGenerators><window prevLength=\"2\"/></featureGenerators>"));
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

package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

class TokenFeaturesTest {
    private static final String RESOURCE = NorwegianModels.RESOURCE_DIR + NorwegianModels.NAME_MODEL;
    private static final String TEXT = "Saksbehandler Kari Nordbø i Fjordvik kommune sendte bekymringsmeldingen til barneverntjenesten. "
            + "Nordbø skrev at eleven hadde høyt fravær. Rektor Ola Brekkestrand ved Vikane skule svarte 12. mars 2025. "
            + "Statsforvalteren i Vestfjord ba om en redegjørelse fra NAV Fjordvik og helsestasjonen, jf. § 4-12 og sak 24/1234. "
            + "Brekkestrand og Nordbø møttes igjen i august sammen med PPT, kl. 10.30, i rom B-2 med K. Olsen.";
    /** Tokens of every class OpenNLP's token class tells apart, and affixes of every length up to the model's. */
    private static final String[] ODD = {"ひらがな", "カタカナ", "12", "2025", "A1", "1-2", "1/2", "1,5", "1.5", "123456",
        "NAV", "K", "K.", "Ø.", "Åse", "æøå", "-", "—", "«", "»", "e-post", "O'Neil", "i", "ab", "abc", "abcd", "abcde",
        "\u00a7", "x\u0301", "\ud835\udc00", "Fjordvik", "fjordvik", "FJORDVIK", "Nordbø", "Kari"};

    private static TokenNameFinderModel shipped() throws IOException {
        try (InputStream in = TokenFeaturesTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            return new TokenNameFinderModel(in);
        }
    }

    /** Runs of tokens: the text's sentences, and runs drawn from their words and the odd tokens, 1 to 12 long. */
    private static List<String[]> runs() {
        NorwegianModels models = NorwegianModels.shared();
        List<String[]> runs = new ArrayList<>();
        List<String> words = new ArrayList<>(Arrays.asList(ODD));
        for (TaggedSpan sentence : models.sentences(TEXT)) {
            String s = sentence.cut(TEXT);
            String[] run = models.tokensOfSentence(s).stream().map(t -> t.cut(s)).toArray(String[]::new);
            runs.add(run);
            words.addAll(Arrays.asList(run));
        }
        Random random = new Random(14);
        for (int r = 0; r < 400; r++) {
            String[] run = new String[1 + random.nextInt(12)];
            for (int i = 0; i < run.length; i++) {
                run[i] = words.get(random.nextInt(words.size()));
            }
            runs.add(run);
        }
        return runs;
    }

    @Test
    void theBundledModelIsReadAsItsFeaturesNumbers() throws IOException {
        TokenNameFinderModel model = shipped();
        assertTrue(WindowCachedNameModel.evidensDescription(model.getArtifact("generator.featuregen")),
                "the bundled model's description is the one the features are remembered for");
        assertNotNull(TokenFeatures.Index.of((MaxentModel) model.getArtifact("nameFinder.model")));
        byte[] other = new String((byte[]) model.getArtifact("generator.featuregen"), StandardCharsets.UTF_8)
                .replace("<int name=\"length\">4</int>", "<int name=\"length\">3</int>").getBytes(StandardCharsets.UTF_8);
        assertFalse(WindowCachedNameModel.evidensDescription(other), "a description of other affixes is not");
    }

    /**
     * For every token of many runs, after outcomes drawn at random and with a previous-map entry or none, the numbers
     * built from what is remembered per token are those of the features OpenNLP's own generators build, in the same
     * order, and the model's probabilities over them the very doubles of its evaluation of the strings.
     */
    @Test
    void givesTheFeaturesOfOpenNlpsGeneratorsInTheirOrder() throws IOException {
        TokenNameFinderModel model = shipped();
        MaxentModel maxent = (MaxentModel) model.getArtifact("nameFinder.model");
        TokenFeatures.Index index = TokenFeatures.Index.of(maxent);
        NameContextGenerator openNlp = model.getFactory().createContextGenerator();
        TokenFeatures features = new TokenFeatures(index);
        String[] outcomes = new String[maxent.getNumOutcomes()];
        for (int o = 0; o < outcomes.length; o++) {
            outcomes[o] = maxent.getOutcome(o);
        }
        Random random = new Random(25);
        int contexts = 0;
        int unknown = 0;
        for (String[] run : runs()) {
            // a previous map for some of the run's tokens, the same for OpenNLP's generator and for this one
            openNlp.clearAdaptiveData();
            String[] previous = new String[run.length];
            String[] learnt = new String[run.length];
            for (int i = 0; i < run.length; i++) {
                learnt[i] = random.nextBoolean() ? outcomes[random.nextInt(outcomes.length)] : NameFinderME.OTHER;
            }
            if (random.nextBoolean()) {
                openNlp.updateAdaptiveData(run, learnt);
                for (int i = 0; i < run.length; i++) {
                    previous[i] = learnt[i];
                }
                for (int i = 0; i < run.length; i++) { // the last outcome of a repeated token wins, as in the map
                    for (int j = i + 1; j < run.length; j++) {
                        if (run[j].equals(run[i])) {
                            previous[i] = learnt[j];
                        }
                    }
                }
            }
            String[] preds = new String[run.length];
            for (int i = 0; i < run.length; i++) {
                preds[i] = random.nextInt(3) == 0 ? outcomes[random.nextInt(outcomes.length)] : NameFinderME.OTHER;
            }
            for (int at = 0; at < run.length; at++) {
                String[] strings = openNlp.getContext(at, run, Arrays.copyOf(preds, at), null);
                int[] expected = TokenFeatures.numbers(index, Arrays.asList(strings));
                int[] actual = Arrays.copyOf(features.context(run, at, Arrays.copyOf(preds, at), previous[at]), features.length());
                String where = String.join(" ", run) + " @" + at;
                assertArrayEquals(expected, actual, where);
                assertArrayEquals(maxent.eval(strings, new double[outcomes.length]),
                        features.eval(new double[outcomes.length]), 0.0);
                contexts++;
                unknown += strings.length - expected.length;
            }
        }
        assertTrue(contexts > 2_000, "contexts compared: " + contexts);
        assertTrue(unknown > 0, "some features the model does not know were left out: " + unknown);
    }
}

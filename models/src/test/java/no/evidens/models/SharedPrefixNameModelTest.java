package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.TokenNameFinderModel;

class SharedPrefixNameModelTest {
    private static AbstractModel shippedModel() throws IOException {
        try (InputStream in = SharedPrefixNameModelTest.class.getResourceAsStream(
                NorwegianModels.RESOURCE_DIR + NorwegianModels.NAME_MODEL)) {
            assertNotNull(in);
            Object model = new TokenNameFinderModel(in).getArtifact("nameFinder.model");
            return assertInstanceOf(PerceptronModel.class, model, "the shipped name model is a perceptron");
        }
    }

    /** The questions the beam asks about one token: the same features, then the outcomes before it. */
    private static List<String[]> questionsAboutOneToken(String word, String... before) {
        List<String[]> out = new ArrayList<>();
        for (String po : before) {
            out.add(new String[] {"w=" + word.toLowerCase(), "wc=ic", "p1w=i", "n1w=kommune", "def", "unseen-feature",
                "po=" + po, "pow=" + po + "," + word, "powf=" + po + ",ic", "ppo=other"});
        }
        return out;
    }

    @Test
    void givesTheModelsVeryProbabilitiesWhetherTheSharedFeaturesAreSummedAgainOrKept() throws IOException {
        AbstractModel gis = shippedModel();
        SharedPrefixNameModel shared = new SharedPrefixNameModel(gis);
        double[] reused = new double[gis.getNumOutcomes()];
        int asked = 0;
        double highest = 0;
        for (String word : List.of("Fjordvik", "Kari", "Nordbø", "og", "NAV")) {
            for (String[] question : questionsAboutOneToken(word, "other", "per-start", "org-cont")) {
                double[] expected = gis.eval(question);
                assertArrayEquals(expected, shared.eval(question, reused), 0.0, String.join(" ", question));
                assertArrayEquals(expected, shared.eval(question.clone()), 0.0, "asked again, the sums kept");
                asked++;
                highest = Math.max(highest, java.util.Arrays.stream(expected).max().orElse(0));
            }
        }
        assertEquals(15, asked);
        org.junit.jupiter.api.Assertions.assertTrue(highest > 2.0 / gis.getNumOutcomes(), "the features are the model's own: " + highest);
        String[] short1 = {"po=other", "w=og"};
        assertArrayEquals(gis.eval(short1), shared.eval(short1), 0.0, "a question of only sequence features");
        assertNotSame(reused, shared.eval(short1));
        assertEquals(gis.getBestOutcome(gis.eval(short1)), shared.getBestOutcome(shared.eval(short1)));
    }
}

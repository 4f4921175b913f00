package no.evidens.models.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;

class QnScoresTest {
    private static final List<String> PARAGRAPHS = List.of(
            "Barneverntjenesten og skolen samarbeider godt om elever med høyt fravær, og rutinene for melding er kjent.",
            "Kommunen har ikke sikret at ansatte kjenner taushetsplikten og opplysningsplikten til barnevernet.",
            "Fastlegen ble ikke kontaktet, og det ble ikke laget individuell plan for ungdommen etter utskrivning.",
            "Møtet ble holdt i rådhuset.");

    private static Map<String, MaxentModel> bundledModels() throws IOException {
        Map<String, MaxentModel> out = new LinkedHashMap<>();
        try (InputStream raw = IndicatorClassifier.class.getResourceAsStream(IndicatorClassifier.RESOURCE)) {
            assertNotNull(raw, "the bundled classifier");
            DataInputStream in = new DataInputStream(raw);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String category = in.readUTF();
                out.put(category, new GenericModelReader(new BinaryFileDataReader(in)).getModel());
            }
        }
        return out;
    }

    /** Numbered from the words, a paragraph's features are those the strings name, in their order, each once. */
    @Test
    void numbersFromTheWordsTheKnownFeaturesOfTheStringsInTheirOrder() throws IOException {
        Map<String, MaxentModel> models = bundledModels();
        SharedPredicates shared = new SharedPredicates(models.values());
        List<String> paragraphs = new java.util.ArrayList<>(PARAGRAPHS);
        // Repeated words and pairs, a child named, a long word unknown but for its prefix: each feature once.
        paragraphs.add("Barnet barnet barnet og skolen og skolen samarbeider samarbeidsmøtene samarbeidsmøtene.");
        for (String paragraph : paragraphs) {
            for (Set<String> codebook : List.of(Set.<String>of(), Set.of("FUNN", "SAMARBEID"))) {
                String[] features = ParagraphFeatures.of(paragraph, codebook);
                int[] known = java.util.Arrays.stream(shared.ids(features)).filter(id -> id >= 0).toArray();
                SharedPredicates.Numbered numbered = shared.ids(paragraph, codebook);
                assertEquals(java.util.Arrays.toString(known), java.util.Arrays.toString(numbered.ids()), paragraph);
                assertEquals(List.of(features).contains(ParagraphFeatures.CHILD_NAMED), numbered.child(), paragraph);
                for (int id : numbered.ids()) {
                    assertTrue(List.of(features).contains(shared.name(id)), shared.name(id));
                }
                double[] all = shared.probabilities("yes", numbered.ids());
                for (MaxentModel model : models.values()) {
                    assertEquals(model.eval(features)[model.getIndex("yes")], all[shared.number(model)], 0.0, paragraph);
                }
            }
        }
    }

    /**
     * Every word pair some model knows, in a paragraph of its own after a word no model knows, and the pair reversed:
     * numbered from the words, the known features are those the strings name (the pair found by its words' entries).
     */
    @Test
    void numbersEveryKnownPairAsItsStringNamesIt() throws IOException {
        Map<String, MaxentModel> models = bundledModels();
        SharedPredicates shared = new SharedPredicates(models.values());
        Set<String> pairs = new java.util.TreeSet<>();
        for (MaxentModel model : models.values()) {
            if (model instanceof opennlp.tools.ml.maxent.quasinewton.QNModel qn) {
                SharedPredicates.predicates(qn).keySet().stream().filter(f -> f.startsWith("b=")).forEach(pairs::add);
            }
        }
        assertTrue(pairs.size() > 1_000, "pairs known: " + pairs.size());
        for (String pair : pairs) {
            String[] words = pair.substring(2).split("_");
            for (String paragraph : List.of("qxzv " + words[0] + " " + words[1], words[1] + " " + words[0])) {
                String[] features = ParagraphFeatures.of(paragraph, Set.of());
                int[] known = java.util.Arrays.stream(shared.ids(features)).filter(id -> id >= 0).toArray();
                assertEquals(java.util.Arrays.toString(known),
                        java.util.Arrays.toString(shared.ids(paragraph, Set.of()).ids()), paragraph);
            }
        }
    }

    /** The explanations and thresholds rest on these doubles: they must be the model's own, to the last bit. */
    @Test
    void givesTheVeryProbabilitiesOfTheModelsOwnEvaluationWithAndWithoutEachFeature() throws IOException {
        Map<String, MaxentModel> models = bundledModels();
        assertTrue(models.size() > 5);
        SharedPredicates shared = new SharedPredicates(models.values());
        int compared = 0;
        for (String paragraph : PARAGRAPHS) {
            String[] features = ParagraphFeatures.of(paragraph, Set.of("FUNN"));
            int[] ids = shared.ids(features);
            double[] all = shared.probabilities("yes", ids);
            for (MaxentModel model : models.values()) {
                QnScores scores = QnScores.of(model, "yes", features);
                QnScores viaShared = shared.scores(model, "yes", ids);
                assertNotNull(scores, "the bundled models are QN models");
                assertNotNull(viaShared);
                int yes = model.getIndex("yes");
                assertEquals(model.eval(features)[yes], scores.probability(), 0.0);
                assertEquals(model.eval(features)[yes], viaShared.probability(), 0.0);
                assertEquals(model.eval(features)[yes], all[shared.number(model)], 0.0, "every model's sums in one pass");
                for (int i = 0; i < features.length; i++) {
                    String[] without = new String[features.length - 1];
                    System.arraycopy(features, 0, without, 0, i);
                    System.arraycopy(features, i + 1, without, i, features.length - i - 1);
                    double own = model.eval(without)[yes];
                    assertEquals(own, scores.probabilityWithout(i), 0.0, features[i]);
                    assertEquals(own, viaShared.probabilityWithout(i), 0.0, features[i]);
                    assertEquals(scores.knows(i), viaShared.knows(i), features[i]);
                    if (!scores.knows(i)) {
                        assertEquals(scores.probability(), own, 0.0, "an unknown feature changes nothing: " + features[i]);
                    }
                    compared++;
                }
                int[] known = scores.knownIndices();
                double[] withoutEach = viaShared.probabilitiesWithoutEach();
                assertEquals(known.length, withoutEach.length);
                for (int k = 0; k < known.length; k++) {
                    assertTrue(scores.knows(known[k]), features[known[k]]);
                    assertEquals(scores.probabilityWithout(known[k]), withoutEach[k], 0.0, features[known[k]]);
                }
            }
        }
        assertTrue(compared > 500, "compared " + compared);
    }
}

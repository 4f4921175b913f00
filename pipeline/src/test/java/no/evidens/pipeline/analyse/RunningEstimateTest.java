package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

class RunningEstimateTest {

    @Test
    void namesTheBestLanguagesOfExactSums() {
        RunningEstimate estimate = new RunningEstimate(Math.log(1.0 / 3), 3, 1.5);
        estimate.add(new Context(new int[] {0, 2}, new double[] {0.5, 1.5}));
        estimate.add(new Context(new int[] {1}, new double[] {0.25}));
        RunningEstimate.Outlook outlook = estimate.outlook();
        double[] e = {Math.exp(0.5), Math.exp(0.25), Math.exp(1.5)};
        double total = e[0] + e[1] + e[2];
        assertTrue(outlook.bounded());
        assertEquals(2, outlook.best());
        assertEquals(e[2] / total, outlook.first(), 1e-15);
        assertEquals(e[0] / total, outlook.second(), 1e-15);
        assertTrue(outlook.clearBest());
        assertEquals(2, estimate.known());
    }

    @Test
    void settlesNothingWhereTheBoundDoesNotHold() {
        RunningEstimate estimate = new RunningEstimate(Math.log(0.5), 2, 900.0);
        estimate.add(new Context(new int[] {0}, new double[] {900.0})); // exp overflows: no bound
        assertFalse(estimate.outlook().bounded());
        assertFalse(estimate.outlook().clearBest());
    }

    @Test
    void twoLanguagesEqualHaveNoClearBest() {
        RunningEstimate estimate = new RunningEstimate(Math.log(0.5), 2, 0.75);
        estimate.add(new Context(new int[] {0, 1}, new double[] {0.75, 0.75}));
        RunningEstimate.Outlook outlook = estimate.outlook();
        assertTrue(outlook.bounded());
        assertFalse(outlook.clearBest());
    }

    /**
     * Over the sample bundle's texts and the language model, the estimate's two best probabilities are within its
     * bound of OpenNLP's own (the grams summed in another order, as Tika's map orders them), and a clear best is
     * OpenNLP's best.
     */
    @Test
    void staysWithinItsBoundOfOpenNlpsProbabilities() throws IOException {
        GISModel model;
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            model = (GISModel) new LanguageDetectorModel(in).getMaxentModel();
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> features = (Map<String, Context>) model.getDataStructures()[1];
        int languages = model.getNumOutcomes();
        double largestWeight = 0.0;
        for (Context c : features.values()) {
            for (double w : c.getParameters()) {
                largestWeight = Math.max(largestWeight, Math.abs(w));
            }
        }
        Random shuffle = new Random(25);
        int checked = 0;
        int clear = 0;
        for (String text : sampleTexts()) {
            Set<String> grams = new LinkedHashSet<>();
            String lower = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.length() && i < 3_000; i++) {
                for (int n = 1; n <= 3 && i + n <= lower.length(); n++) {
                    String gram = lower.substring(i, i + n);
                    if (features.containsKey(gram)) {
                        grams.add(gram);
                    }
                }
            }
            RunningEstimate estimate = new RunningEstimate(Math.log(1.0 / languages), languages, largestWeight);
            List<String> known = new ArrayList<>();
            for (String gram : grams) {
                estimate.add(features.get(gram));
                known.add(gram);
                if (known.size() % 50 != 0) {
                    continue;
                }
                List<String> otherOrder = new ArrayList<>(known);
                Collections.shuffle(otherOrder, shuffle);
                double[] p = model.eval(otherOrder.toArray(String[]::new));
                RunningEstimate.Outlook outlook = estimate.outlook();
                assertTrue(outlook.bounded());
                int best = 0;
                for (int o = 1; o < p.length; o++) {
                    best = p[o] > p[best] ? o : best;
                }
                double second = 0.0;
                for (int o = 0; o < p.length; o++) {
                    second = o != best && p[o] > second ? p[o] : second;
                }
                if (outlook.clearBest()) {
                    assertEquals(best, outlook.best());
                    clear++;
                }
                assertEquals(p[best], outlook.first(), outlook.apart());
                assertEquals(second, outlook.second(), outlook.apart());
                assertTrue(outlook.apart() < 1e-9, "bound " + outlook.apart());
                checked++;
            }
        }
        assertTrue(checked > 100, "outlooks checked: " + checked);
        assertTrue(clear > checked / 2, "clear bests: " + clear + " of " + checked);
    }

    private static List<String> sampleTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../sample/src/main/resources/sample"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(texts.size() >= 20, "sample texts: " + texts.size());
        return texts;
    }
}

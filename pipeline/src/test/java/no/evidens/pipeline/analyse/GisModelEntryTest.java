package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

class GisModelEntryTest {

    @Test
    void readsTikasLanguageModelAsOpenNlpReadsIt() throws IOException {
        GISModel ours;
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            assertNotNull(in, LanguageProbe.MODEL);
            ours = GisModelEntry.read(in, LanguageProbe.MODEL_ENTRY);
        }
        GISModel openNlp;
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            openNlp = (GISModel) new LanguageDetectorModel(in).getMaxentModel();
        }
        assertEquals(openNlp.getNumOutcomes(), ours.getNumOutcomes());
        for (int o = 0; o < openNlp.getNumOutcomes(); o++) {
            assertEquals(openNlp.getOutcome(o), ours.getOutcome(o));
        }
        Map<String, Context> expected = features(openNlp);
        Map<String, Context> actual = features(ours);
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<String, Context> e : expected.entrySet()) {
            Context c = actual.get(e.getKey());
            assertArrayEquals(e.getValue().getOutcomes(), c.getOutcomes(), e.getKey());
            assertArrayEquals(e.getValue().getParameters(), c.getParameters(), e.getKey());
        }
    }

    @Test
    void readsALineOfNumbersAsATokenizerAndParseIntDo() {
        for (String line : List.of("0", "7 1 2 3", "12 0 5 9 10 11", "  3  40 5 ", "2147483647 -2147483648", "-0 +5",
                "103 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20", "", "   ", "0000012 08",
                "999999999 1000000000 0999999999", "\u0663 4", "\uFF11\uFF12 7", "12\u0660")) {
            assertArrayEquals(openNlpWay(line), GisModelEntry.numbers(line), line);
        }
        for (String line : List.of("1 x", "1 2a", "2147483648", "-2147483649", "99999999999999", "1 - 2", "3 +", "4\u00B2", "9999999999")) {
            assertThrows(NumberFormatException.class, () -> openNlpWay(line), line);
            assertThrows(NumberFormatException.class, () -> GisModelEntry.numbers(line), line);
        }
    }

    @Test
    void refusesAPackageWithoutTheEntry() throws IOException {
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            assertThrows(IOException.class, () -> GisModelEntry.read(in, "no-such.model"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> features(GISModel model) {
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    /** What OpenNLP's reader does with an outcome pattern's line. */
    private static int[] openNlpWay(String line) {
        StringTokenizer tok = new StringTokenizer(line, " ");
        List<Integer> out = new ArrayList<>();
        while (tok.hasMoreTokens()) {
            out.add(Integer.parseInt(tok.nextToken()));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}

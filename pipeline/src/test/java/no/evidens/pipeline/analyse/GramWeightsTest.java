package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.maxent.io.GISModelReader;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

class GramWeightsTest {

    @Test
    void givesEveryGramOfTikasLanguageModelAsOpenNlpReadsIt() throws IOException {
        GramWeights ours;
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            assertNotNull(in, LanguageProbe.MODEL);
            ours = GramWeights.read(in, LanguageProbe.MODEL_ENTRY);
        }
        GISModel openNlp;
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            openNlp = (GISModel) new LanguageDetectorModel(in).getMaxentModel();
        }
        assertSameModel(openNlp, ours);
        for (String unknown : List.of("", "zzzzzz", "qx\u0000", "\uD83D\uDE42", "abcd")) {
            assertNull(ours.get(unknown), unknown);
        }
    }

    /**
     * A small model written as OpenNLP writes one, with what Tika's lacks: grams in each of modified UTF-8's forms
     * (the character 0 and an emoji's surrogates among them), grams whose hashes collide, a pattern of no gram, a
     * pattern with spaces doubled and one with digits the JDK parses outside ASCII.
     */
    @Test
    void readsEveryFormOfGramAndPatternAsOpenNlpDoes() throws IOException {
        List<String> grams = List.of("a", "ab", "Aa", "BB", "ø", "øl", "\u0000", "x\u0000y", "€", "语言", "\uD83D\uDE42",
                "\uD83D", "b");
        List<String> patterns = List.of("3 0 2", "0 1", "2  1 2 ", "\u0663 0 1 2", "5 2", "0 0");
        byte[] entry = model(new String[] {"nob", "nno", "eng"}, patterns, grams);
        GramWeights ours = GramWeights.read(new ByteArrayInputStream(zip("m.model", entry)), "m.model");
        GISModel openNlp = (GISModel) new GISModelReader(new BinaryFileDataReader(
                new DataInputStream(new ByteArrayInputStream(entry)))).getModel();
        assertSameModel(openNlp, ours);
        assertNull(ours.get("c"));
        assertSame(ours.get("ab"), ours.get("ab"));
        assertSame(ours.get("a").getOutcomes(), ours.get("Aa").getOutcomes(), "a pattern's languages shared");
    }

    @Test
    void refusesWhatItCannotReadAsOpenNlpDoes() throws IOException {
        String[] languages = {"nob", "eng"};
        assertThrows(IOException.class, () -> read(model(languages, List.of("2 1 0"), List.of("a", "b"))),
                "languages out of order");
        assertThrows(IOException.class, () -> read(model(languages, List.of("2 0 1"), List.of("a", "a"))),
                "a gram twice");
        // the same gram twice in each of modified UTF-8's longer forms: two bytes, three bytes, a surrogate pair
        for (String twice : List.of("ø", "x\u0000y", "语言", "\uD83D\uDE42")) {
            assertThrows(IOException.class, () -> read(model(languages, List.of("3 0 1"), List.of("a", twice, twice))),
                    "a gram twice: " + twice);
        }
        assertThrows(IOException.class, () -> read(model(languages, List.of("3 0 1"), List.of("a", "b"))),
                "more grams in the patterns than in the model");
        assertThrows(NumberFormatException.class, () -> read(model(languages, List.of("2 x"), List.of("a", "b"))));
        byte[] whole = model(languages, List.of("2 0 1"), List.of("a", "b"));
        assertThrows(IOException.class, () -> read(java.util.Arrays.copyOf(whole, whole.length - 1)), "cut short");
        try (InputStream in = LanguageProbe.class.getResourceAsStream(LanguageProbe.MODEL)) {
            assertThrows(IOException.class, () -> GramWeights.read(in, "no-such.model"));
        }
    }

    @Test
    void readsALineOfNumbersAsATokenizerAndParseIntDo() {
        for (String line : List.of("0", "7 1 2 3", "12 0 5 9 10 11", "  3  40 5 ", "2147483647 -2147483648", "-0 +5",
                "103 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20", "", "   ", "0000012 08",
                "999999999 1000000000 0999999999", "\u0663 4", "\uFF11\uFF12 7", "12\u0660")) {
            assertArrayEquals(openNlpWay(line), GramWeights.numbers(line), line);
        }
        for (String line : List.of("1 x", "1 2a", "2147483648", "-2147483649", "99999999999999", "1 - 2", "3 +", "4\u00B2", "9999999999")) {
            assertThrows(NumberFormatException.class, () -> openNlpWay(line), line);
            assertThrows(NumberFormatException.class, () -> GramWeights.numbers(line), line);
        }
    }

    private static void assertSameModel(GISModel openNlp, GramWeights ours) {
        String[] outcomes = ours.outcomes();
        assertEquals(openNlp.getNumOutcomes(), outcomes.length);
        for (int o = 0; o < outcomes.length; o++) {
            assertEquals(openNlp.getOutcome(o), outcomes[o]);
        }
        double largest = 0.0;
        for (Map.Entry<String, Context> e : features(openNlp).entrySet()) {
            Context c = ours.get(e.getKey());
            assertNotNull(c, e.getKey());
            assertArrayEquals(e.getValue().getOutcomes(), c.getOutcomes(), e.getKey());
            assertArrayEquals(e.getValue().getParameters(), c.getParameters(), e.getKey());
            for (double w : e.getValue().getParameters()) {
                largest = Math.max(largest, Math.abs(w));
            }
        }
        assertEquals(Double.doubleToRawLongBits(largest), Double.doubleToRawLongBits(ours.largestWeight()));
    }

    private static GramWeights read(byte[] entry) throws IOException {
        return GramWeights.read(new ByteArrayInputStream(zip("m.model", entry)), "m.model");
    }

    /** A GIS model's entry as OpenNLP's writer lays it out, the weights made up from each gram's place. */
    private static byte[] model(String[] languages, List<String> patterns, List<String> grams) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("GIS");
        out.writeInt(1);
        out.writeDouble(0.0);
        out.writeInt(languages.length);
        for (String l : languages) {
            out.writeUTF(l);
        }
        out.writeInt(patterns.size());
        for (String p : patterns) {
            out.writeUTF(p);
        }
        out.writeInt(grams.size());
        for (String g : grams) {
            out.writeUTF(g);
        }
        int weight = 0;
        for (String p : patterns) {
            int[] numbers = openNlpWay(p);
            for (int g = 0; g < numbers[0]; g++) {
                for (int o = 1; o < numbers.length; o++) {
                    out.writeDouble(weight++ % 7 == 3 ? -2.5 * weight : 0.125 * weight);
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] zip(String name, byte[] entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            zip.write("Manifest-Version=1.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(entry);
        }
        return bytes.toByteArray();
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

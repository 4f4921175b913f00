package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.junit.jupiter.api.Test;

class LanguageProbeTest {
    private static final String NYNORSK = "Kommunen skal sørgje for at barn og unge som treng hjelp, får tilbod om det. "
            + "Tenesta har ikkje hatt faste møte med skulen, og foreldra fekk ikkje vite kva som var avtalt. ";
    private static final String ENGLISH = "The municipality must make sure that children who need help are offered it. "
            + "Contact us at post@fjordvik.kommune.no or https://www.fjordvik.kommune.no/barnevern before 12 March 2025. ";

    /** A sample bundle's text in Bokmål. */
    private static final String SETTLED_EARLY = "../sample/src/main/resources/sample/fjordvik/styringsdokumenter/samarbeidsplan.txt";

    /** Texts of every kind the guess meets: the sample bundle's texts, cut at many places, and others. */
    private static List<String> texts() throws IOException {
        List<String> whole = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../sample/src/main/resources/sample"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                whole.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(whole.size() >= 20, "sample texts: " + whole.size());
        whole.add(NYNORSK.repeat(3));
        whole.add(ENGLISH.repeat(2));
        whole.add((NYNORSK + ENGLISH).repeat(80)); // over the detector's 10,000 characters
        whole.add("Svar fra NAV 🙂 om 𝔄𝔅 og 12 345 kroner, #barnevern @fjordvik RT: ok!!!");
        List<String> out = new ArrayList<>();
        for (String t : whole) {
            out.add(t);
            out.add(t.toUpperCase(Locale.ROOT));
            for (int cut : new int[] {3, 7, 40, 299, 300, 301, 650, 2_000}) {
                if (cut < t.length()) {
                    out.add(t.substring(0, cut));
                    out.add(t.substring(cut)); // so capitals and spaces fall at every place of a chunk
                }
            }
        }
        out.add("1234 5678");
        out.add("a");
        out.add(" ");
        out.add("ab");
        return out;
    }

    @Test
    void givesTikasVeryLanguageAndConfidenceForEveryText() throws IOException {
        LanguageProbe probe = LanguageProbe.shared();
        Set<String> languages = new TreeSet<>();
        int compared = 0;
        for (String text : texts()) {
            OpenNLPDetector tika = new OpenNLPDetector();
            tika.addText(text);
            LanguageResult expected = tika.detectAll().get(0);
            LanguageProbe.Guess actual = probe.guess(text);
            String where = text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + ")" : text;
            assertEquals(expected.getLanguage(), actual.language(), where);
            assertEquals(expected.getRawScore(), (float) actual.confidence(), 0.0f, where);
            languages.add(actual.language());
            compared++;
        }
        assertTrue(compared > 300, "texts compared: " + compared);
        assertTrue(languages.containsAll(Set.of("nob", "nno", "eng")), "languages met: " + languages);
    }

    /**
     * A thread keeps the grams it has met across texts: a text's guess must not depend on what the thread guessed
     * before, so each text guessed in a thread of its own, that has met no gram yet, gives the guess made after all
     * the others, to the last bit.
     */
    @Test
    void givesTheSameGuessWhateverTheThreadMetBefore() throws Exception {
        LanguageProbe probe = LanguageProbe.shared();
        List<String> texts = texts();
        List<LanguageProbe.Guess> after = new ArrayList<>();
        for (String text : texts) {
            probe.guess(text); // so every later guess meets grams this thread knows
        }
        for (String text : texts) {
            after.add(probe.guess(text));
        }
        for (int i = 0; i < texts.size(); i += 7) {
            String text = texts.get(i);
            LanguageProbe.Guess[] fresh = new LanguageProbe.Guess[1];
            Thread thread = new Thread(() -> fresh[0] = probe.guess(text));
            thread.start();
            thread.join();
            assertEquals(after.get(i).language(), fresh[0].language(), text);
            assertEquals(Double.doubleToRawLongBits(after.get(i).confidence()),
                    Double.doubleToRawLongBits(fresh[0].confidence()), text);
        }
    }

    /**
     * The answer against a cut is the guess's, compared with the cut, for every text and cut: settled from the
     * running estimate or summed exactly, never a different language or side of the cut. For Tika's own cut (0.2)
     * nearly every text is settled without its exact sums.
     */
    @Test
    void languageOverACutIsTheGuessComparedWithTheCut() throws IOException {
        LanguageProbe probe = LanguageProbe.shared();
        List<String> texts = texts();
        for (double cut : new double[] {0.0, 0.2, 0.5, 0.9, 0.999}) {
            for (String text : texts) {
                LanguageProbe.Guess guess = probe.guess(text);
                String where = cut + ": " + (text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + ")" : text);
                assertEquals(guess.confidence() > cut ? guess.language() : null, probe.languageOver(text, cut), where);
            }
        }
        long before = probe.exactSums();
        for (String text : texts) {
            probe.languageOver(text, 0.2);
        }
        long exact = probe.exactSums() - before;
        assertTrue(exact * 10 < texts.size(), exact + " exact sums over " + texts.size() + " texts");
    }

    /** A text whose guess is clear: its answer against 0.2 is settled by the estimate, no exact sum made. */
    @Test
    void aClearTextsAnswerIsSettledWithoutItsExactSums() throws IOException {
        LanguageProbe probe = LanguageProbe.shared();
        String text = Files.readString(Path.of(SETTLED_EARLY), StandardCharsets.UTF_8);
        LanguageProbe.Guess guess = probe.guess(text);
        assertEquals("nob", guess.language());
        long before = probe.exactSums();
        assertEquals("nob", probe.languageOver(text, 0.2));
        assertEquals(before, probe.exactSums(), "exact sums made");
    }

    /**
     * A cut at the text's very confidence, or one step below it, lies inside any bound the estimate has: the answer
     * needs the exact sums, and it comes out on the right side of the cut (not over it at the confidence itself).
     */
    @Test
    void anAnswerAtTheCutNeedsTheExactSums() throws IOException {
        LanguageProbe probe = LanguageProbe.shared();
        String text = Files.readString(Path.of(SETTLED_EARLY), StandardCharsets.UTF_8);
        double confidence = probe.guess(text).confidence();
        long before = probe.exactSums();
        assertEquals(null, probe.languageOver(text, confidence));
        assertEquals(before + 1, probe.exactSums(), "exact sums made");
        assertEquals("nob", probe.languageOver(text, Math.nextDown(confidence)));
        assertEquals(before + 2, probe.exactSums(), "exact sums made");
    }

    @Test
    void guesserReportsTheLanguageTikasDetectorReportedBefore() throws IOException {
        LanguageGuesser guesser = new LanguageGuesser();
        Set<String> reported = new TreeSet<>();
        for (String text : texts()) {
            String before = beforeGuess(text);
            assertEquals(before, guesser.guess(text), text.length() > 60 ? text.substring(0, 60) : text);
            reported.add(before);
        }
        assertTrue(reported.containsAll(Set.of("nb", "und")), "reported: " + reported);
    }

    /** The guess as it was made before, with Tika's detector itself. */
    private static String beforeGuess(String text) {
        if (text.isBlank()) {
            return "und";
        }
        OpenNLPDetector detector = new OpenNLPDetector();
        detector.addText(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        LanguageResult result = detector.detect();
        if (result.isUnknown()) {
            return "und";
        }
        return switch (result.getLanguage()) {
            case "nob" -> "nb";
            case "nno" -> "nn";
            case "eng" -> "en";
            default -> result.getLanguage();
        };
    }
}

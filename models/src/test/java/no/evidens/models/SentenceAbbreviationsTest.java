package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;

/** The sentence model's abbreviations asked without OpenNLP's interner: the same answers, the same sentences. */
class SentenceAbbreviationsTest {
    private static final Abbreviations VETOES = Abbreviations.norwegian();
    private static SentenceModel loaded;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NorwegianModels.class.getResourceAsStream(NorwegianModels.RESOURCE_DIR + NorwegianModels.SENTENCE_MODEL)) {
            assertNotNull(in);
            loaded = new SentenceModel(in);
        }
    }

    /** Every entry of the bundled model's dictionary, as written, in other cases, cut, and words that are none. */
    private static List<String> probes(Dictionary dictionary) {
        List<String> out = new ArrayList<>(List.of("", ".", "Kommunen", "jf", "JF.", "Jf.", "nr", "Nr.", "st. meld.",
                "st.meld", "16.6.2011", "«jf.", "(bl.a.", "ﬁg.", "İ.", "Å.", "å."));
        for (StringList entry : dictionary) {
            String w = entry.getToken(0);
            out.addAll(List.of(w, w.toUpperCase(Locale.ROOT), Character.toUpperCase(w.charAt(0)) + w.substring(1),
                    w.substring(0, w.length() - 1), w + ".", "x" + w));
        }
        return out;
    }

    @Test
    void answersAsOpenNlpsViewOfACaseSensitiveDictionary() {
        Dictionary dictionary = loaded.getAbbreviations();
        assertTrue(dictionary.isCaseSensitive(), "the bundled model's dictionary");
        assertTrue(dictionary.size() > 100);
        Set<String> view = dictionary.asStringSet();
        Set<String> quick = SentenceAbbreviations.of(dictionary);
        int found = 0;
        for (String probe : probes(dictionary)) {
            assertEquals(view.contains(probe), quick.contains(probe), probe);
            found += quick.contains(probe) ? 1 : 0;
        }
        assertEquals(dictionary.size(), found, "each entry as written, and nothing else");
        assertEquals(view.contains(42), quick.contains(42));
        assertEquals(view.size(), quick.size());
    }

    @Test
    void answersAsOpenNlpsViewOfACaseInsensitiveDictionary() {
        Dictionary dictionary = new Dictionary(false);
        for (String w : List.of("jf.", "Bl.a.", "NR.", "å.", "ﬁg.", "İ.")) {
            dictionary.put(new StringList(w));
        }
        dictionary.put(new StringList("st.", "meld.")); // two words: no one word is this entry
        Set<String> view = dictionary.asStringSet();
        Set<String> quick = SentenceAbbreviations.of(dictionary);
        for (String probe : probes(dictionary)) {
            assertEquals(view.contains(probe), quick.contains(probe), probe);
        }
        assertTrue(quick.contains("JF.") && quick.contains("bl.A.") && quick.contains("nr.") && quick.contains("Å."));
        assertEquals(view.contains("st."), quick.contains("st."));
        assertEquals(Set.of(), SentenceAbbreviations.of(null));
    }

    /** Texts where the detector weighs an abbreviation before a period, in every case and before words of both cases. */
    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (StringList entry : loaded.getAbbreviations()) {
            String w = entry.getToken(0);
            String upper = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            String text = "Tilsynet viste at kommunen " + w + " Kommunen har rutiner for dette. Se " + w + " 12 i planen. "
                    + upper + " Det ble funnet avvik i 2015. Hun skrev " + w + ". Barneverntjenesten svarte, "
                    + w.toUpperCase(Locale.ROOT) + " Saken ble avsluttet. Møtet var kl. 10.00 med Kari B. Nilsen: Hun sa "
                    + w + "\n1. Tema og omfang " + w + " Vurdering.";
            out.add(text);
            all.append(text).append(' ');
        }
        out.add(all.toString());
        return out;
    }

    private static List<Span[]> sentences(SentenceDetectorME detector) {
        List<Span[]> out = new ArrayList<>();
        for (String text : texts()) {
            out.add(detector.sentPosDetect(text));
        }
        return out;
    }

    /** OpenNLP's detector with its parts from the model's own factory, and the same vetoes. */
    private static SentenceDetectorME asOpenNlpMakesIt(SentenceModel model) {
        return new SentenceDetectorME(model) {
            @Override
            protected boolean isAcceptableBreak(CharSequence s, int fromIndex, int candidateIndex) {
                return NorwegianSentenceDetector.acceptable(s, fromIndex, candidateIndex, VETOES);
            }
        };
    }

    @Test
    void theSameSentencesAsTheModelAsLoaded() {
        List<Span[]> before = sentences(asOpenNlpMakesIt(loaded));
        List<Span[]> after = sentences(new NorwegianSentenceDetector(loaded, VETOES));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "text " + i);
        }
        // the texts do turn on the dictionary: without it, the model splits some of them elsewhere
        SentenceDetectorFactory f = loaded.getFactory();
        SentenceModel without = new SentenceModel(loaded.getLanguage(), loaded.getMaxentModel(), Map.of(),
                new SentenceDetectorFactory(f.getLanguageCode(), f.isUseTokenEnd(), null, f.getEOSCharacters()));
        List<Span[]> none = sentences(asOpenNlpMakesIt(without));
        int differ = 0;
        for (int i = 0; i < before.size(); i++) {
            differ += Arrays.equals(before.get(i), none.get(i)) ? 0 : 1;
        }
        assertNotEquals(0, differ);
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weak words: in a relaxed search, a passage holding {@code får} is no nearer the need than one without it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeakWordsTest {
    /** Short, with the weak word and one key word; long, with two key words (a lower score from the words alone). */
    private static final String WEAK = "Hun får klage.";
    private static final String KEY = "Fostermor sendte klage til kommunen etter vedtaket om avlastning i helgene og ferien.";

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        List<String> texts = List.of(WEAK, KEY);
        OneDocumentIndex.write(dir, texts);
    }

    @Test
    void theKeyWordsOfANaturalPhraseComeFirst() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("hvorfor får ikke fostermor klage", null, null, 10));
            assertTrue(r.relaxed(), "no passage holds every word");
            assertEquals(List.of(KEY, WEAK), r.hits().stream().map(SearchHit::text).toList());
        }
    }

    /**
     * A weak word that {@link WordForms} would widen ({@code gjorde} as a verb with a noun of action, {@code trenger} as a
     * noun in {@code -er}), a word of quantity ({@code andre}, {@code flere}), the light verb {@code går} and the praise
     * {@code god} count for no tier either: invented
     * passages, the short one holding the weak word and one key word, the long one two key words.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hun gjorde klage.                | hvorfor gjorde ikke fostermor klage",
        "Hun trenger klage.               | trenger fostermor klage",
        "Andre sendte klage.              | sendte fostermor og andre klage",
        "Flere sendte klage.              | sendte fostermor og flere klage",
        "Det går en klage.                | hvordan går klage fra fostermor",
        "Det er en god klage.             | god klage fra fostermor"})
    void aWeakWordTheFormsWouldWidenCountsForNoTier(String weak, String query, @TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of(weak, KEY));
        try (EvidenceSearcher s = new EvidenceSearcher(own)) {
            SearchResult r = s.search(new SearchRequest(query, null, null, 10));
            assertTrue(r.relaxed(), "no passage holds every word");
            assertEquals(List.of(KEY, weak), r.hits().stream().map(SearchHit::text).toList());
        }
    }

    @Test
    void aQuestionsDegreeWordCountsForNoTier(@TempDir Path own) throws IOException {
        // invented passages: the visit holds three of the question's words; the mention holds three too, one being
        // the degree word, and is shorter (a higher score from the words alone)
        String visit = "Barnevernet besøker fosterhjemmet fire ganger i året etter planen som ble laget ved plasseringen.";
        String mention = "Barnevernet nevnte ofte fosterhjemmet.";
        List<String> texts = List.of(mention, visit);
        OneDocumentIndex.write(own, texts);
        try (EvidenceSearcher s = new EvidenceSearcher(own)) {
            SearchResult r = s.search(new SearchRequest("hvor ofte besøker barnevernet fosterhjemmet", null, null, 10));
            assertTrue(r.relaxed(), "no passage holds every word");
            assertEquals(List.of(visit, mention), r.hits().stream().map(SearchHit::text).toList());
        }
    }

    @Test
    void aDegreeWordIsWeakOnlyAfterAQuestionWord() {
        Analyzer a = NorwegianAnalysis.analyzer();
        String often = WordForms.oneStem(a, PassageSchema.TEXT, "ofte");
        assertTrue(WeakWords.stems(a, "hvor ofte besøker barnevernet fosterhjemmet").contains(often));
        assertTrue(WeakWords.stems(a, "kor lenge varer undersøkinga").contains(WordForms.oneStem(a, PassageSchema.TEXT, "lenge")));
        assertFalse(WeakWords.stems(a, "besøk så ofte som nødvendig").contains(often), "elsewhere an ordinary word");
        assertTrue(WeakWords.stems(a).contains("kor"), "Nynorsk kor is no stop word, but weak");
    }

    @Test
    void theWeakWordsAreStemmedAsTheTextIs() {
        assertTrue(WeakWords.stems(NorwegianAnalysis.queryAnalyzer(null)).containsAll(
                WeakWords.stems(NorwegianAnalysis.analyzer())), "the query's stems are the index's");
        assertTrue(WeakWords.stems(NorwegianAnalysis.plain()).size() > 10, "the baseline has its own stems of them");
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compound query word that no passage holds is sought as the two words of the index it is made of; a word a
 * passage holds is left alone, and a split word counts as one word, not two, in a relaxed search. Invented words:
 * {@code glimmer}, {@code vraskel}, {@code trondal}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownCompoundsTest {
    private static final List<String> PASSAGES = List.of(
            "Kommunen har ingen plan for glimmer.",
            "Vraskelen ble sendt til kommunen.",
            "Glimmerplanen ble vedtatt i fjor.",
            "Trondal og kommunen samarbeider om vraskel.",
            "Trondal har mange innbyggere.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    @Test
    void anUnknownCompoundIsSoughtAsItsKnownHalves() throws IOException {
        Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            assertEquals(List.of("glimmer", "plan"), UnknownCompounds.halves("glimmersplan", analyzer, reader), "with a linking s");
            assertEquals(List.of("vraskel", "plan"), UnknownCompounds.halves("Vraskelplan", analyzer, reader));
            assertNull(UnknownCompounds.halves("glimmerplan", analyzer, reader), "a passage holds the word: left alone");
            assertNull(UnknownCompounds.halves("glimmerfest", analyzer, reader), "fest is no word of the index");
            assertTrue(UnknownCompounds.split("\"glimmersplan\" fil:glimmersplan", analyzer, reader).isEmpty(),
                    "a phrase and a field's value are left as written");
        }
        // every word required: the passage holding both halves first
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals("sak/d/0", s.search(new SearchRequest("glimmersplan", null, null, 10)).hits().get(0).passageId());
        }
    }

    @Test
    void aSplitWordCountsAsOneWordInARelaxedSearch() throws IOException {
        // no passage holds trondal and both halves of glimmersplan: a relaxed search, where a passage holding trondal
        // (one of the two words) comes before one holding glimmer and plan (the halves of the other, worth less than
        // a word written whole), not after it as two words would
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            List<String> ids = s.search(new SearchRequest("trondal glimmersplan", null, null, 10)).hits().stream()
                    .map(SearchHit::passageId).toList();
            assertTrue(ids.indexOf("sak/d/4") >= 0 && ids.indexOf("sak/d/4") < ids.indexOf("sak/d/0"), ids.toString());
            assertTrue(ids.indexOf("sak/d/3") < ids.indexOf("sak/d/0"), ids.toString());
        }
    }
}

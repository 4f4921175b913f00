package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pseudo-relevance feedback: a word frequent in a relaxed search's first passages adds a small bonus to the passages
 * holding it, and to no other; no passage becomes a hit by it.
 */
class FeedbackWordsTest {
    /** Every word of the little index counts as rare enough (a real index holds thousands of entries). */
    private static final FeedbackWords.Settings ALL_RARE = new FeedbackWords.Settings(10, 5, 0.02f, 2, 2, 1f, Float.POSITIVE_INFINITY);

    @TempDir
    Path dir;

    @Test
    void aWordOfTheFirstPassagesOrdersTiesAndMakesNoHit() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            ReportDocuments.add(w, "a", List.of("Klagen ble sendt i mars.", "Samhandling med sykehuset er viktig."));
            ReportDocuments.add(w, "b", List.of("Klagen gjaldt samhandling med sykehuset.", "Kommunen svarte på klagen om samhandling."));
            ReportDocuments.add(w, "c", List.of("Fristen var tre uker."));
            w.commit();
        }
        Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            SearchRequest request = new SearchRequest("klagen fristen", "sak", null, 10);
            Query read = new QueryReader(analyzer).read(request.query(), QueryParser.Operator.OR, reader);
            Query fed = FeedbackWords.added(searcher, read, RankedSearch.base(request, read), analyzer, ALL_RARE);
            Map<String, Float> before = scores(searcher, RankedSearch.base(request, read));
            Map<String, Float> after = scores(searcher, RankedSearch.base(request, fed));

            assertEquals(before.keySet(), after.keySet(), "the same hits: " + after.keySet());
            assertFalse(after.containsKey("sak/a/1"), "a passage holding only the feedback words is no hit");
            for (String id : List.of("sak/b/0", "sak/b/1")) {
                float bonus = after.get(id) - before.get(id);
                assertTrue(bonus > 0 && bonus <= QueryReader.WORD_TIER * ALL_RARE.weight() + 0.01f,
                        id + " holds samhandling, frequent in the first passages: bonus " + bonus);
            }
            for (String id : List.of("sak/a/0", "sak/c/0")) {
                assertEquals(before.get(id), after.get(id), 0.0001f, id + " holds no feedback word");
            }
        }
    }

    @Test
    void aQueryOfOneWordIsLeftAsItIs() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            ReportDocuments.add(w, "b", List.of("Klagen gjaldt samhandling.", "Klagen om samhandling."));
            w.commit();
        }
        Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            SearchRequest request = new SearchRequest("klagen", "sak", null, 10);
            Query read = new QueryReader(analyzer).read(request.query(), QueryParser.Operator.OR, reader);
            assertSame(read, FeedbackWords.added(searcher, read, RankedSearch.base(request, read), analyzer, ALL_RARE));
        }
    }

    @Test
    void settingsAreReadOrOff() {
        assertNull(FeedbackWords.Settings.parse(null));
        assertNull(FeedbackWords.Settings.parse("off"));
        assertEquals(new FeedbackWords.Settings(20, 20, 0.02f, 2, 2, 0.05f, Float.POSITIVE_INFINITY), FeedbackWords.Settings.parse("20:20:0.02"));
        assertEquals(new FeedbackWords.Settings(5, 10, 0.1f, 3, 2, 0.02f, Float.POSITIVE_INFINITY), FeedbackWords.Settings.parse("5:10:0.1:3:2:0.02"));
        assertEquals(new FeedbackWords.Settings(20, 20, 0.02f, 2, 2, 0.05f, 0.5f), FeedbackWords.Settings.parse("20:20:0.02:2:2:0.05:0.5"));
    }

    @Test
    void firstTierKeepsThePassagesScoringWithinTheGapOfTheFirst() {
        float tier = QueryReader.WORD_TIER;
        ScoreDoc[] top = {new ScoreDoc(1, 3 * tier + 7), new ScoreDoc(2, 3 * tier + 1), new ScoreDoc(3, 2.6f * tier),
                new ScoreDoc(4, 2 * tier + 9)};
        assertEquals(2, FeedbackWords.firstTier(top, 0.3f).length);
        assertEquals(3, FeedbackWords.firstTier(top, 0.5f).length);
        assertSame(top, FeedbackWords.firstTier(top, Float.POSITIVE_INFINITY));
        assertEquals(0, FeedbackWords.firstTier(new ScoreDoc[0], 0.5f).length);
    }

    private static Map<String, Float> scores(IndexSearcher searcher, Query query) throws IOException {
        Map<String, Float> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(query, 100).scoreDocs) {
            out.put(searcher.storedFields().document(sd.doc).get(PassageSchema.ID), sd.score);
        }
        return out;
    }
}

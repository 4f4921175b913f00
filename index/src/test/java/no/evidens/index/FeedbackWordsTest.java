package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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

    /**
     * On a snapshot, as a widened search runs it: the first passages come in a relevance page's order (equal scores in
     * file order, not in the order the entries were written) and with their scores, so that the first tier keeps them
     * and the feedback adds its words. Lucene's sorted search without scores gave each passage a NaN score, and the
     * first tier then kept none: the query came back unchanged (round 36).
     */
    @Test
    void theFirstPassagesOfASnapshotComeInPageOrderWithTheirScores() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            // b is written before a: its entries come first, its file after a's.
            ReportDocuments.add(w, "b", List.of("Klagen gjaldt samhandling med sykehuset."));
            ReportDocuments.add(w, "a", List.of("Klagen gjaldt samhandling med sykehuset."));
            ReportDocuments.add(w, "c", List.of("Fristen var tre uker."));
            w.commit();
        }
        Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSnapshot s = (IndexSnapshot) IndexSnapshot.factory(analyzer).newSearcher(reader, null);
            SearchRequest request = new SearchRequest("klagen fristen", "sak", null, 10);
            Query read = new QueryReader(analyzer).read(request.query(), QueryParser.Operator.OR, reader);
            Query base = RankedSearch.base(request, read);

            ScoreDoc[] first = FeedbackWords.first(s, base, 10);
            ScoreDoc[] byScore = s.search(base, 10).scoreDocs;
            assertEquals(3, first.length);
            // fristen is the rarer word: c first, then the tie of a and b.
            assertEquals(List.of("sak/c/0", "sak/a/0", "sak/b/0"), List.of(id(s, first[0]), id(s, first[1]), id(s, first[2])),
                    "equal scores in file order");
            assertEquals("sak/b/0", id(s, byScore[1]), "by score alone the tie goes by entry number");
            for (int i = 0; i < first.length; i++) {
                assertFalse(Float.isNaN(first[i].score), "passage " + i + " has its score");
                assertEquals(byScore[i].score, first[i].score, 0.0001f);
            }
            assertEquals(3, FeedbackWords.firstTier(first, Float.POSITIVE_INFINITY).length);
            ScoreDoc[] two = FeedbackWords.first(s, base, 2);
            assertEquals(List.of("sak/c/0", "sak/a/0"), List.of(id(s, two[0]), id(s, two[1])), "the first two of the page");

            Query fed = FeedbackWords.added(s, read, base, analyzer, ALL_RARE);
            assertNotSame(read, fed, "the feedback adds words on a snapshot");
            assertTrue(fed.toString().contains("samhandling"), fed.toString());
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

    private static String id(IndexSearcher searcher, ScoreDoc sd) throws IOException {
        return searcher.storedFields().document(sd.doc).get(PassageSchema.ID);
    }

    private static Map<String, Float> scores(IndexSearcher searcher, Query query) throws IOException {
        Map<String, Float> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(query, 100).scoreDocs) {
            out.put(searcher.storedFields().document(sd.doc).get(PassageSchema.ID), sd.score);
        }
        return out;
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * Associated words: a word standing in sentences beside two of a natural query's words adds a small bonus to the passages
 * holding it; a word beside one of them only adds none, and no passage becomes a hit by it.
 */
class AssociatedWordsTest {
    /** Every word of the little index counts as rare enough, and a word beside a query word once is enough. */
    private static final AssociatedWords.Settings ALL_RARE = new AssociatedWords.Settings(100, 5, 0.02f, 2, 1, 1f, 4);

    @TempDir
    Path dir;

    private void write() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            ReportDocuments.add(w, "a", List.of("Sykehuset og kommunen har en avtale om samhandling. "
                    + "Samhandling mellom sykehuset og kommunen svikter ofte."));
            ReportDocuments.add(w, "b", List.of("Kommunen svarte på klagen. Sykehuset har lange køer."));
            ReportDocuments.add(w, "c", List.of("Samhandling er et mål for alle."));
            ReportDocuments.add(w, "d", List.of("Varsel fra sykehuset kom sent.", "Samhandling ble drøftet i møtet."));
            w.commit();
        }
    }

    @Test
    void aWordBesideTwoOfTheQuerysWordsOrdersTiesAndMakesNoHit() throws IOException {
        write();
        Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            SearchRequest request = new SearchRequest("sykehuset varsler ikke kommunen", "sak", null, 10);
            Query read = new QueryReader(analyzer).read(request.query(), QueryParser.Operator.OR, reader);
            Query base = RankedSearch.base(request, read);
            Query added = AssociatedWords.added(searcher, read, base, request.query(), analyzer, ALL_RARE);
            Map<String, Float> before = scores(searcher, base);
            Map<String, Float> after = scores(searcher, RankedSearch.base(request, added));

            assertEquals(before.keySet(), after.keySet(), "the same hits: " + after.keySet());
            assertFalse(after.containsKey("sak/c/0"), "a passage holding only the associated word is no hit");
            assertFalse(after.containsKey("sak/d/1"), "a passage holding only the associated word is no hit");
            float bonus = after.get("sak/a/0") - before.get("sak/a/0");
            assertTrue(bonus > 0 && bonus <= QueryReader.WORD_TIER * ALL_RARE.weight() + 0.01f,
                    "samhandling stands beside sykehuset and kommunen: bonus " + bonus);
            for (String id : List.of("sak/b/0", "sak/d/0")) {
                assertEquals(before.get(id), after.get(id), 0.0001f,
                        id + ": klagen and køer stand beside one of the query's words each, so add nothing");
            }
        }
    }

    @Test
    void aShortQueryIsLeftAsItIs() throws IOException {
        write();
        Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            SearchRequest request = new SearchRequest("sykehuset kommunen", "sak", null, 10);
            Query read = new QueryReader(analyzer).read(request.query(), QueryParser.Operator.OR, reader);
            assertSame(read, AssociatedWords.added(searcher, read, RankedSearch.base(request, read), request.query(), analyzer,
                    ALL_RARE));
        }
    }

    @Test
    void settingsAreReadOrOff() {
        assertNull(AssociatedWords.Settings.parse("off"));
        assertNotNull(AssociatedWords.Settings.parse(AssociatedWords.DEFAULT));
        assertEquals(new AssociatedWords.Settings(200, 10, 0.002f, 2, 2, 0.05f, HeadingOnly.MIN_WORDS),
                AssociatedWords.Settings.parse("200:10:0.002"));
        assertEquals(new AssociatedWords.Settings(100, 5, 0.02f, 3, 1, 0.1f, 5), AssociatedWords.Settings.parse("100:5:0.02:3:1:0.1:5"));
    }

    private static Map<String, Float> scores(IndexSearcher searcher, Query query) throws IOException {
        Map<String, Float> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(query, 100).scoreDocs) {
            out.put(searcher.storedFields().document(sd.doc).get(PassageSchema.ID), sd.score);
        }
        return out;
    }
}

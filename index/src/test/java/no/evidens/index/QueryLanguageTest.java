package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hits found by another engine, highlighted on their own text, get exactly the embedded index's offsets. */
class QueryLanguageTest {
    private static final String TEXT = "Journalnotat\n\nFastlegen deltok i ansvarsgruppemøtet om gutten. Barneverntjenesten "
            + "og NAV møtes i ansvarsgruppen hver måned, sier fastlegen.";
    private static final Map<String, String> FACETS = Map.of(PassageSchema.MUNICIPALITY, "Fjordvik");

    @TempDir
    Path dir;

    @Test
    void highlightsAsTheEmbeddedIndexDoes() throws IOException {
        Passage p = new Passage("sak-1/d1/0", "sak-1", "d1", "journaler/j.txt", "journal", "Tittel", "Møte med NAV", 1, 14,
                TEXT.length(), TEXT.substring(14), List.of(), List.of("samarbeidsarena"), List.of(), FACETS);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(new IndexedDocument("d1", "sak-1", "journaler/j.txt", "journal", "Tittel", "sha", "text/plain", TEXT,
                    List.of(0)), List.of(p));
            w.commit();
        }
        Analyzer queries = NorwegianAnalysis.queryAnalyzer(null);
        try (EvidenceSearcher s = new EvidenceSearcher(dir, queries)) {
            for (String q : List.of("ansvarsgruppe", "fastlege barnevern", "\"hver måned\"", "NAV kommune:fjordvik",
                    "indikator:samarbeidsarena møte", "gutt*")) {
                SearchHit embedded = s.search(new SearchRequest(q, null, null, 1)).hits().get(0);
                SearchHit plain = s.passage(embedded.passageId()).orElseThrow();
                SearchHit other = QueryLanguage.highlighted(plain, FACETS, QueryLanguage.read(q, queries, false), queries);
                assertFalse(embedded.matches().isEmpty(), q);
                assertEquals(embedded.matches(), other.matches(), q);
                assertEquals(embedded.fragments(), other.fragments(), q);
            }
            List<EvidenceIndex.Mark> marks = s.marks("sak-1", "d1", "fastlege");
            SearchHit plain = s.passage("sak-1/d1/0").orElseThrow();
            // A word matched in the text and in its parts is found twice: the caller merges, as the searcher does.
            assertEquals(marks, QueryLanguage.marks(plain, FACETS, QueryLanguage.read("fastlege", queries, false), queries)
                    .stream().distinct().toList());
        }
    }

    @Test
    void aFieldNameGivesTheFacetItFiltersOn() {
        assertEquals(PassageSchema.MUNICIPALITY, QueryLanguage.facetOf("Kommune"));
        assertEquals(PassageSchema.INDICATOR, QueryLanguage.facetOf("indikator"));
        assertEquals(PassageSchema.YEAR, QueryLanguage.facetOf("ar"));
        assertEquals(PassageSchema.SERVICE, QueryLanguage.facetOf("teneste"));
        assertEquals(PassageSchema.TYPE, QueryLanguage.facetOf("dokumenttype"));
        assertEquals(PassageSchema.CASE, QueryLanguage.facetOf("sak"));
        // a field that is searched but not counted, and a name of no field
        assertNull(QueryLanguage.facetOf("fil"));
        assertNull(QueryLanguage.facetOf("fylke"));
    }

    @Test
    void relaxesOnlyPlainWords() {
        assertTrue(QueryLanguage.relaxable("taushetsplikt samtykke"));
        assertFalse(QueryLanguage.relaxable("taushetsplikt"));
        assertFalse(QueryLanguage.relaxable("\"individuell plan\""));
        assertFalse(QueryLanguage.relaxable("nav AND barnevern"));
    }

    @Test
    void aHyphenInsideOrAfterAWordLeavesTheQueryPlain() {
        // a question naming "helse- og sosialtjenestene" found nothing at all: read as syntax, it was never widened
        assertTrue(QueryLanguage.relaxable("svikt når helse- og sosialtjenestene samhandler"));
        assertTrue(QueryLanguage.relaxable("sosial- og helsetjenester barnevern"));
        assertFalse(QueryLanguage.relaxable("bvl § 6-1"), "a law paragraph's numbers stay a phrase");
        assertFalse(QueryLanguage.relaxable("barnevern -nav"), "a minus before a word excludes it");
        assertFalse(QueryLanguage.relaxable("+barnevern nav"), "a plus before a word requires it");
        assertFalse(QueryLanguage.relaxable("tilsyn (-nav)"));
    }

    @Test
    void countsTheWholeCaseOnlyForAQueryThatCanWiden() {
        Map<String, List<String>> filter = Map.of(PassageSchema.TYPE, List.of("journal"));
        SearchRequest words = new SearchRequest("taushetsplikt samtykke", "sak", null, 10, 0, SearchRequest.Order.RELEVANCE, filter);
        assertTrue(QueryLanguage.countsWholeCase(3, words), "two plain words, few hits under a filter: the whole case decides");
        assertFalse(QueryLanguage.countsWholeCase(QueryLanguage.WIDEN_BELOW, words), "enough hits: no widening to decide");
        for (String never : List.of("\"individuell plan\"", "taushetsplikt", "nav AND barnevern")) {
            SearchRequest r = new SearchRequest(never, "sak", null, 10, 0, SearchRequest.Order.RELEVANCE, filter);
            assertFalse(QueryLanguage.countsWholeCase(3, r), never + " never widens, so its whole case is not counted");
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A natural query's party (the hospital, the child welfare service): a passage whose report holds the party word, though
 * the passage itself does not, comes before one holding as many of the question's words in a report about another party.
 */
class PartyWordsTest {
    @TempDir
    Path dir;

    @Test
    void thePassageOfTheReportOnTheNamedPartyComesFirst() throws IOException {
        // invented reports; each answer holds varslet and hendelse. The short one scores higher on the words alone, and its
        // report holds kommunen (a frame word), the longer one's report names the hospital in another passage only: at half a
        // tier each the two report words tie, and the short passage came first
        String hospital = "Det ble varslet om en alvorlig hendelse i helgen etter at operasjonen var ferdig og pasienten lå på post.";
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            ReportDocuments.add(w, "a-kommune", List.of("Kommunen har lang erfaring med slike saker.", "Varslet hendelse."));
            ReportDocuments.add(w, "b-sykehus", List.of("Sykehuset Innlandet har mange avdelinger.", hospital));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("sykehuset varslet kommunen om hendelse", "sak", null, 10));
            assertTrue(r.relaxed(), "no passage holds every word");
            List<String> ids = r.hits().stream().map(SearchHit::passageId).toList();
            assertTrue(ids.indexOf("sak/b-sykehus/1") < ids.indexOf("sak/a-kommune/1"),
                    "of the two answers, the one in the hospital's report first: " + ids);
        }
    }

    @Test
    void onlyAQuestionOfFourWordsHasParties() {
        QueryReader reader = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));
        Set<String> stems = PartyWords.stems(NorwegianAnalysis.queryAnalyzer(null));
        assertEquals(1, party(reader, "sykehuset varslet om alvorlig hendelse", stems).size(), "sykehuset is the party");
        assertTrue(party(reader, "sykehuset alvorlig hendelse", stems).isEmpty(), "three words: a keyword search, as before");
        assertTrue(party(reader, "fastlegen sykehuset barnevernet Nav", stems).isEmpty(),
                "with nothing but parties, none is singled out");
    }

    private static Set<Query> party(QueryReader reader, String text, Set<String> stems) {
        Query q = ScoredQuery.matching(reader.read(text, QueryParser.Operator.OR));
        return PartyWords.party(q, QueryReader.tierWords(q, Set.of(), Set.of()), stems);
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame of a natural query: the words every supervision report uses count for part of a tier when the query also names
 * something rarer, so a passage holding the rarer words comes before one holding a frame word and another word of the
 * question.
 */
class FrameWordsTest {

    @Test
    void theRarerWordsOutrankAFrameWord(@TempDir Path dir) throws IOException {
        // invented passages, each holding two of the question's words: the frame word and another in the short one (a higher
        // score from the words alone, first without the frame), two rarer words in the long one
        String frame = "Kommunen har ikke alltid oversikt over søknader som mangler.";
        String rare = "Rutiner finnes for mye, men ingen av dem sier hva de ansatte gjør når elva går over sine bredder og "
                + "det blir flom.";
        OneDocumentIndex.write(dir, List.of(frame, rare));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("kommunen mangler rutiner flom", null, null, 10));
            assertTrue(r.relaxed(), "no passage holds every word");
            assertEquals(List.of(rare, frame), r.hits().stream().map(SearchHit::text).toList());
        }
    }

    @Test
    void aQueryOfFrameWordsOnlyHasNoFrame() {
        QueryReader reader = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));
        List<Query> all = words(reader, "tilsynet i kommunen");
        assertEquals(2, all.size());
        assertTrue(FrameWords.frame(all, FrameWords.stems(NorwegianAnalysis.queryAnalyzer(null))).isEmpty(),
                "with nothing rarer beside them, frame words count in full");
        List<Query> mixed = words(reader, "fosterhjem i kommunen");
        assertEquals(1, FrameWords.frame(mixed, FrameWords.stems(NorwegianAnalysis.queryAnalyzer(null))).size(),
                "beside a rarer word, kommunen is frame");
    }

    private static List<Query> words(QueryReader reader, String text) {
        Query q = ScoredQuery.matching(reader.read(text, QueryParser.Operator.OR));
        return QueryReader.tierWords(q, java.util.Set.of(), java.util.Set.of());
    }
}

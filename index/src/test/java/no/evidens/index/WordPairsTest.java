package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The proximity bonus: of two passages with the same words, the one where they stand together comes first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPairsTest {
    private static final List<String> WORDS = List.of("kommunen", "mangler", "skriftlige", "rutiner");
    /** The same words and as many of them in both: only where they stand differs. */
    private static final String SPREAD = spread();
    private static final String TOGETHER = String.join(" ", WORDS) + " " + String.join(" ", Collections.nCopies(21, "tekst"));

    @TempDir
    static Path dir;

    private static String spread() {
        List<String> out = new ArrayList<>();
        for (String w : WORDS) {
            out.add(w);
            out.addAll(Collections.nCopies(7, "tekst"));
        }
        return String.join(" ", out.subList(0, out.size() - 7));
    }

    @BeforeAll
    void index() throws IOException {
        // The spread passage stands first in the file: without the bonus it wins the tie of equal scores.
        List<String> texts = List.of(SPREAD, TOGETHER);
        OneDocumentIndex.write(dir, texts);
    }

    private List<String> ranked(String query) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            return s.search(new SearchRequest(query, null, null, 10)).hits().stream().map(SearchHit::text).toList();
        }
    }

    @Test
    void theWordsCloseTogetherComeFirst() throws IOException {
        assertEquals(List.of(TOGETHER, SPREAD), ranked("kommunen mangler skriftlige rutiner"));
    }

    @Test
    void twoWordsOrQuerySyntaxGetNoPairs() {
        Query q = new TermQuery(new Term(PassageSchema.TEXT, "x"));
        assertSame(q, WordPairs.added(q, "skriftlige rutiner", NorwegianAnalysis.queryAnalyzer(null)),
                "a two-word keyword query lost by pairs on the dev queries");
        assertSame(q, WordPairs.added(q, "\"kommunen mangler\" skriftlige rutiner", NorwegianAnalysis.queryAnalyzer(null)));
    }

    @Test
    void twoWordsJoinedByAStopWordArePaired() throws IOException {
        // "rutiner for kommunen": written as a phrase, the two words are one term of the auditor's
        Query q = new TermQuery(new Term(PassageSchema.TEXT, "x"));
        assertNotSame(q, WordPairs.added(q, "rutiner for kommunen", NorwegianAnalysis.queryAnalyzer(null)));
        assertEquals(List.of(TOGETHER, SPREAD), ranked("skriftlige av rutiner"));
    }
}

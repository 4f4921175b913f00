package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence prior: of passages that match a query equally well, the one that reads as a finding comes first,
 * and the bonus neither shows as a match nor lifts a passage above one holding more of a relaxed query's words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePriorTest {
    /** Passages in file order; the plain one of each pair stands first, so that without the prior it wins the tie. */
    private static final List<Object[]> PASSAGES = List.of(
            new Object[] {"Tilsynet gjennomgikk avlastning for familiene.", List.of()},
            new Object[] {"Tilsynet gjennomgikk avlastning for familiene.", List.of("avvik")},
            new Object[] {"Kommunen lager skriftlige rutiner for journalføring.", List.of()},
            new Object[] {"Kommunen sikrer skriftlige rutiner for journalføring.", List.of()},
            new Object[] {"Ettervern og husleie i budsjettet.", List.of()},
            new Object[] {"Ettervern nevnt.", List.of("lovbrudd")},
            new Object[] {"Vi har vurdert om kommunen sikrer tiltaksplaner.", List.of()},
            new Object[] {"Vi har sett at kommunen sikrer tiltaksplaner.", List.of()});

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        @SuppressWarnings("unchecked")
        List<List<String>> indicators = PASSAGES.stream().map(p -> (List<String>) p[1]).toList();
        OneDocumentIndex.write(dir, PASSAGES.stream().map(p -> (String) p[0]).toList(), indicators);
    }

    private List<SearchHit> hits(String query) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            return s.search(new SearchRequest(query, null, null, 10)).hits();
        }
    }

    @Test
    void aPassageTheTaggerMarksAsAFindingComesFirst() throws IOException {
        assertEquals(List.of("sak/d/1", "sak/d/0"), hits("avlastning").stream().map(SearchHit::passageId).toList());
    }

    @Test
    void aPassageWithTheVerbOfAConclusionComesFirst() throws IOException {
        assertEquals(List.of("sak/d/3", "sak/d/2"), hits("skriftlige rutiner").stream().map(SearchHit::passageId).toList());
    }

    @Test
    void theAuditsScopeIsNoConclusion() throws IOException {
        // "vurdert om kommunen sikrer": what was examined, not what was found
        assertEquals(List.of("sak/d/7", "sak/d/6"), hits("tiltaksplaner").stream().map(SearchHit::passageId).toList());
    }

    @Test
    void theBonusIsNoMatch() throws IOException {
        SearchHit hit = hits("skriftlige rutiner").get(0);
        List<String> marked = hit.matches().stream().map(m -> hit.text().substring(m.start(), m.end())).toList();
        assertEquals(List.of("skriftlige", "rutiner"), marked, "sikrer is no word of the query");
    }

    @Test
    void aFindingDoesNotOutrankMoreOfARelaxedQuerysWords() throws IOException {
        // No passage holds all three words: the one with two of them comes before the finding with one.
        List<String> ids = hits("ettervern husleie sykehjem").stream().map(SearchHit::passageId).toList();
        assertEquals(List.of("sak/d/4", "sak/d/5"), ids);
    }

    @Test
    void theBonusChangesTheOrderNotTheHits() throws IOException {
        // Searches count their hits with the query's matching part, which holds no bonus: the count is what the
        // words themselves match.
        assertEquals(2, hits("avlastning").size());
        org.apache.lucene.search.Query words = new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(PassageSchema.TEXT, "avlastning"));
        org.apache.lucene.search.Query read = new QueryReader(NorwegianAnalysis.analyzer()).read("tekst:avlastning");
        assertEquals(words, ScoredQuery.matching(read));
        assertEquals(EvidencePrior.added(words, NorwegianAnalysis.analyzer()), ((ScoredQuery) read).scoring());
    }
}

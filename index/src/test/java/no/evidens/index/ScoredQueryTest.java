package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read query in its two parts: the words decide the hits (and what a search counts), the ranking parts
 * (relaxed tiers, word pairs, the evidence prior) only their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoredQueryTest {
    private static final List<String> PASSAGES = List.of(
            "Kommunen sikrer ikke forsvarlig vurdering av søknader om økonomisk stønad.",
            "Søknader om økonomisk stønad ble behandlet.",
            "Tilsynet gjaldt avlastning for familiene.",
            "Kommunen har skriftlige rutiner for vurdering av klager.");
    private static final String QUERY = "kommunen sikrer ikke forsvarlig vurdering av søknader om økonomisk stønad";

    @TempDir
    static Path dir;

    private final QueryReader reader = new QueryReader(NorwegianAnalysis.analyzer());

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    @Test
    void aRelaxedQueryMatchesWhatItsWordsMatchAndRanksByItsTiers() throws IOException {
        Query read = reader.read(QUERY, QueryParser.Operator.OR);
        Query matching = ScoredQuery.matching(read);
        assertNotEquals(read, matching);
        assertFalse(terms(matching).contains("bonus"), "the matching part holds no bonus: " + matching);
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher s = new IndexSearcher(r);
            assertEquals(s.count(read), s.count(matching));
            assertEquals(3, s.count(matching), "the passages holding one of the words (not the one on avlastning)");
            // ranked: the passage holding most of the words first
            assertEquals(PASSAGES.get(0), s.storedFields().document(s.search(read, 1).scoreDocs[0].doc).get(PassageSchema.TEXT));
        }
    }

    @Test
    void theSearchersFiltersKeepTheirPlaceBesideTheMatchingPart() {
        Query read = reader.read("skriftlige rutiner");
        Query caseFilter = new TermQuery(new Term(PassageSchema.CASE, "sak"));
        Query base = new BooleanQuery.Builder().add(read, BooleanClause.Occur.MUST)
                .add(caseFilter, BooleanClause.Occur.FILTER).build();
        Query expected = new BooleanQuery.Builder().add(((ScoredQuery) read).matching(), BooleanClause.Occur.MUST)
                .add(caseFilter, BooleanClause.Occur.FILTER).build();
        assertEquals(expected, ScoredQuery.matching(base));
        assertEquals(caseFilter, ScoredQuery.matching(caseFilter), "a query without a read part is itself");
    }

    @Test
    void toEverythingElseItIsTheRankingQuery() throws IOException {
        Query read = reader.read("skriftlige rutiner");
        Query scoring = ((ScoredQuery) read).scoring();
        assertEquals(scoring.toString(), read.toString());
        assertTrue(terms(read).contains("rutin"), "a visitor sees the words: " + terms(read));
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher s = new IndexSearcher(r);
            assertEquals(s.rewrite(scoring), s.rewrite(read));
        }
    }

    private static String terms(Query q) {
        StringBuilder out = new StringBuilder(q.toString());
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    out.append(' ').append(t.text());
                }
            }
        });
        return out.toString();
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Required words scored at their hits with the page's lowest score given, their fields looked up one by one: a hit that
 * can reach the page gets the very float Lucene's conjunction gives it, and a hit below the page is never handed on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConjunctionAtTest {
    private static final String[] WORDS = {"tiltak", "plan", "barnet", "familien", "journal", "vedtak", "tilsyn", "kommunen"};
    private static final String[] HEADINGS = {"", "Tiltak og plan", "Barnet og familien", "Tilsyn med kommunen"};

    @TempDir
    static Path dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final QueryReader queries = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));

    @BeforeAll
    void index() throws IOException {
        Random random = new Random(5);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (int d = 0; d < 6; d++) {
                List<Passage> passages = new ArrayList<>();
                StringBuilder all = new StringBuilder();
                int start = 0;
                for (int p = 0; p < 300; p++) {
                    StringBuilder text = new StringBuilder("Det gjelder");
                    int n = 2 + random.nextInt(random.nextBoolean() ? 5 : 25);
                    for (int i = 0; i < n; i++) {
                        text.append(' ').append(WORDS[(int) (WORDS.length * Math.pow(random.nextDouble(), 2))]);
                    }
                    String t = text.append('.').toString();
                    passages.add(new Passage(Passage.idOf("sak", "d" + d, p), "sak", "d" + d, "d" + d + ".txt", "rapport", "d" + d,
                            HEADINGS[p / 25 % 4], 1, start, start + t.length(), t, List.of(), List.of()));
                    all.append(t).append("\n\n");
                    start += t.length() + 2;
                }
                w.add(new IndexedDocument("d" + d, "sak", "d" + d + ".txt", "rapport", "d" + d, "sha-d" + d, "text/plain",
                        all.toString(), List.of(0)), passages);
            }
            w.commit();
        }
        reader = DirectoryReader.open(FSDirectory.open(dir));
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
    }

    /** Per required word, the weights of its fields, as the prior's query makes them for its page. */
    private List<List<Weight>> wordWeights(Query words) throws IOException {
        List<List<Weight>> out = new ArrayList<>();
        for (BooleanClause word : assertInstanceOf(BooleanQuery.class, searcher.rewrite(words)).clauses()) {
            List<Weight> fields = new ArrayList<>();
            if (word.getQuery() instanceof BooleanQuery inFields) {
                for (BooleanClause field : inFields.clauses()) {
                    fields.add(searcher.createWeight(field.getQuery(), ScoreMode.TOP_SCORES, 1f));
                }
            } else {
                fields.add(searcher.createWeight(word.getQuery(), ScoreMode.TOP_SCORES, 1f));
            }
            out.add(fields);
        }
        return out;
    }

    @Test
    void aHitThatCanReachThePageScoresAsLucenesConjunctionAndAHitBelowItIsLeftOut() throws IOException {
        int scored = 0;
        int leftOut = 0;
        for (String text : new String[] {"tiltak plan", "barnet familien", "plan tiltak", "journal kommunen"}) {
            Query words = assertInstanceOf(PriorQuery.class, ((ScoredQuery) queries.read(text, QueryParser.Operator.AND)).scoring())
                    .words();
            Weight lucene = searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE, 1f);
            List<List<Weight>> fields = wordWeights(words);
            for (LeafReaderContext leaf : reader.leaves()) {
                Scorer exact = lucene.scorer(leaf);
                if (exact == null) {
                    continue;
                }
                // the page's lowest score: above, at and below each hit's own score, in turn
                ConjunctionAt above = ConjunctionAt.open(fields, leaf);
                ConjunctionAt at = ConjunctionAt.open(fields, leaf);
                ConjunctionAt below = ConjunctionAt.open(fields, leaf);
                for (int doc = exact.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = exact.iterator().nextDoc()) {
                    float score = exact.score();
                    float bonus = doc % 3 == 0 ? 0.75f : 0f;
                    float page = score + bonus;
                    above.maxScore(doc);
                    at.maxScore(doc);
                    below.maxScore(doc);
                    float high = above.score(doc, bonus, Math.nextUp(page) * 1.2f);
                    leftOut += high == WordsAt.NONE ? 1 : 0;
                    assertEquals(score, at.score(doc, bonus, page), text + " at " + doc + ": a hit at the page's lowest score");
                    assertEquals(score, below.score(doc, bonus, page * 0.8f), text + " at " + doc);
                    scored++;
                }
            }
        }
        assertTrue(scored > 1_000, "many hits compared: " + scored);
        assertEquals(scored, leftOut, "a page above every hit's score leaves every hit out");
    }
}

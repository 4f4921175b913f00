package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prior's query ranks exactly as the plain Lucene query it stands for (same hits, same float scores, same order)
 * and lets Lucene skip hits that cannot reach the page, which the plain query does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PriorQueryTest {
    private static final String[] WORDS = {"tiltak", "plan", "rutiner", "journal", "barnet", "familien", "avlastning",
        "tilsyn", "vedtak", "oppfølging", "samarbeid", "skolen", "helsestasjon", "budsjett", "ansvar", "kommunen"};
    private static final String[] FINDING = {"avvik", "merknad", "lovbrudd", "funn"};
    private static final String[] HEADINGS = {"", "Tiltak og plan", "Barnet og familien", "Tilsyn med kommunen"};

    @TempDir
    static Path dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final QueryReader queries = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));

    @BeforeAll
    void index() throws IOException {
        Random random = new Random(11);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (int d = 0; d < 24; d++) {
                List<String> texts = new ArrayList<>();
                List<List<String>> indicators = new ArrayList<>();
                for (int p = 0; p < 250; p++) {
                    texts.add(passage(random));
                    indicators.add(random.nextInt(12) == 0 ? List.of(FINDING[random.nextInt(4)]) : List.of());
                }
                w.add(document("d" + d, texts), passages("d" + d, texts, indicators));
                if (d % 8 == 7) {
                    w.commit();
                }
            }
            // a document indexed again: the segments then hold deleted entries
            List<String> again = List.of("Kommunen sikrer tiltak og plan.", "Tiltak uten plan.");
            w.replace(document("d3", again), passages("d3", again, List.of(List.of("avvik"), List.of())));
            w.commit();
        }
        reader = DirectoryReader.open(FSDirectory.open(dir));
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
    }

    private static IndexedDocument document(String id, List<String> texts) {
        return new IndexedDocument(id, "sak", id + ".txt", "rapport", id, "sha-" + id, "text/plain", String.join("\n\n", texts),
                List.of(0));
    }

    private static List<Passage> passages(String id, List<String> texts, List<List<String>> indicators) {
        List<Passage> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < texts.size(); i++) {
            String p = texts.get(i);
            out.add(new Passage(Passage.idOf("sak", id, i), "sak", id, id + ".txt", "rapport", id, HEADINGS[i / 20 % 4], 1, start,
                    start + p.length(), p,
                    List.of(), indicators.get(i)));
            start += p.length() + 2;
        }
        return out;
    }

    /** Words of the vocabulary, now and then a conclusion verb, now and then the audit's scope before one. */
    private static String passage(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "Vi har vurdert om kommunen sikrer" : "Det gjelder");
        int n = 3 + random.nextInt(random.nextBoolean() ? 6 : 30);
        for (int i = 0; i < n; i++) {
            // skewed: the first words are frequent
            text.append(' ').append(WORDS[(int) (WORDS.length * Math.pow(random.nextDouble(), 2))]);
            if (random.nextInt(40) == 0) {
                text.append(random.nextBoolean() ? " sikrer" : " sørger for");
            }
        }
        return text.append('.').toString();
    }

    private PriorQuery prior(String text, QueryParser.Operator operator) {
        return assertInstanceOf(PriorQuery.class, ((ScoredQuery) queries.read(text, operator)).scoring());
    }

    @Test
    void topHitsAndScoresAreThePlainQuerys() throws IOException {
        List<String> texts = List.of("tiltak", "kommunen", "avlastning", "tiltak plan", "barnet familien", "tiltak \"plan rutiner\"",
                "tilsyn -plan", "tiltak plan journal");
        int compared = 0;
        for (String text : texts) {
            for (QueryParser.Operator op : QueryParser.Operator.values()) {
                PriorQuery q = prior(text, op);
                for (int n : new int[] {10, 50}) {
                    assertSame(text + " top " + n, searcher.search(q.plain(), n), searcher.search(q, n));
                    TopDocs byRelevance = searcher.search(q, n, EvidenceSearcher.BY_RELEVANCE, false);
                    assertSame(text + " by relevance, top " + n, searcher.search(q.plain(), n, EvidenceSearcher.BY_RELEVANCE, false),
                            byRelevance);
                    compared++;
                }
            }
        }
        assertEquals(texts.size() * 4, compared);
    }

    @Test
    void everyHitScoresAsThePlainQuerysScorerScoresIt() throws IOException {
        // Top-n searches with the page's threshold low, so that the prior's scorer skips as much as it can.
        for (String text : new String[] {"tiltak", "kommunen", "barnet familien", "avlastning"}) {
            PriorQuery q = prior(text, QueryParser.Operator.AND);
            int all = searcher.count(q.words());
            TopDocs withPrior = searcher.search(q, new TopScoreDocCollectorManager(all, null, 1, false));
            TopDocs plain = searcher.search(q.plain(), new TopScoreDocCollectorManager(all, null, Integer.MAX_VALUE, false));
            assertSame(text, plain, withPrior);
        }
    }

    @Test
    void thePageVisitsFewerHits() throws IOException {
        PriorQuery q = prior("tiltak", QueryParser.Operator.AND);
        int hits = searcher.count(q.words());
        long withPrior = searcher.search(q, new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10, false))
                .totalHits.value;
        assertTrue(hits > 2_000, "a word of many hits: " + hits);
        // The words' scorer skips by its block maxima, bounded a bonus lower than the page's lowest score.
        assertTrue(withPrior < hits / 2, "the prior's query skips: " + withPrior + " of " + hits);
    }

    @Test
    void thePageIsTheSameWithTheSearchsHitsKnown() throws IOException {
        // As a two-pass search's page runs: the hits just counted made known (KnownHits), skipping from the n-th hit.
        for (String text : new String[] {"tiltak", "kommunen", "tiltak plan", "tilsyn -plan", "barnet familien", "avlastning",
            "kommunen tiltak", "journal vedtak", "plan rutiner"}) {
            for (QueryParser.Operator op : QueryParser.Operator.values()) {
                PriorQuery q = prior(text, op);
                FixedBitSet[] hits = hits(q, false);
                int all = searcher.count(q.words());
                for (int n : new int[] {10, 50, all}) {
                    TopFieldCollectorManager page = new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, n, null, n, false);
                    TopDocs known = KnownHits.during(reader.leaves(), hits, () -> searcher.search(q, page));
                    assertSame(text + " " + op + " top " + n, searcher.search(q.plain(), n, EvidenceSearcher.BY_RELEVANCE, false), known);
                }
            }
        }
    }

    @Test
    void withItsHitsKnownAOneWordPageHandsOnOnlyHitsThatReachIt() throws IOException {
        // Each hit bounded by its own bonus: a hit without one is looked at no further than its words alone allow.
        for (String text : new String[] {"tiltak", "kommunen"}) {
            PriorQuery q = prior(text, QueryParser.Operator.AND);
            FixedBitSet[] hits = hits(q, false);
            TopFieldCollectorManager unknown = new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10, false);
            long byLargestBonus = searcher.search(q, unknown).totalHits.value;
            TopFieldCollectorManager page = new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10, false);
            TopDocs known = KnownHits.during(reader.leaves(), hits, () -> searcher.search(q, page));
            assertTrue(known.totalHits.value < byLargestBonus, text + ": " + known.totalHits.value + " hits handed on, "
                    + byLargestBonus + " when bounded by the largest bonus");
            assertSame(text, searcher.search(q.plain(), 10, EvidenceSearcher.BY_RELEVANCE, false), known);
        }
    }

    @Test
    void wordsArePagedFromMoreThanTheirHitsAsFromTheirHits() throws IOException {
        // Every entry made known: the words are looked up at each, and those they do not match stay out of the page.
        for (String text : new String[] {"tiltak plan", "barnet familien", "kommunen tiltak", "avlastning tilsyn", "helsestasjon",
            "avlastning"}) {
            PriorQuery q = prior(text, QueryParser.Operator.AND);
            FixedBitSet[] everything = hits(q, true);
            int all = searcher.count(q.words());
            assertTrue(all > 0 && all < reader.maxDoc() - 24, text + " matches some entries, not all passages: " + all);
            for (int n : new int[] {10, all}) {
                TopFieldCollectorManager page = new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, n, null, n, false);
                TopDocs known = KnownHits.during(reader.leaves(), everything, () -> searcher.search(q, page));
                assertSame(text + " top " + n, searcher.search(q.plain(), n, EvidenceSearcher.BY_RELEVANCE, false), known);
            }
        }
    }

    /** Per segment, the entries {@code q}'s words match (deleted ones too), or every entry. */
    private FixedBitSet[] hits(PriorQuery q, boolean everyEntry) throws IOException {
        FixedBitSet[] hits = new FixedBitSet[reader.leaves().size()];
        for (LeafReaderContext leaf : reader.leaves()) {
            hits[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
            if (everyEntry) {
                hits[leaf.ord].set(0, leaf.reader().maxDoc());
                continue;
            }
            Scorer s = searcher.createWeight(searcher.rewrite(q.words()), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
            if (s != null) {
                hits[leaf.ord].or(s.iterator());
            }
        }
        return hits;
    }

    @Test
    void otherSearchesUseThePlainQuerysWeight() throws IOException {
        PriorQuery q = prior("tiltak plan", QueryParser.Operator.AND);
        // counting, and scoring every hit, weigh the query exactly as Lucene weighs the plain one
        assertEquals(searcher.createWeight(searcher.rewrite(q.plain()), ScoreMode.COMPLETE, 1f).getClass(),
                searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE, 1f).getClass());
        assertEquals(searcher.count(q.plain()), searcher.count(q));
        assertEquals(q.plain().toString(), q.toString());
    }

    private static void assertSame(String what, TopDocs expected, TopDocs actual) {
        assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, what);
        assertArrayEquals(ids(expected), ids(actual), what);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            // bit for bit, not within a tolerance
            assertEquals(Float.floatToIntBits(score(expected.scoreDocs[i])), Float.floatToIntBits(score(actual.scoreDocs[i])),
                    what + ", hit " + i);
        }
    }

    private static int[] ids(TopDocs top) {
        return java.util.Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
    }

    private static float score(ScoreDoc sd) {
        return sd instanceof FieldDoc f && f.fields != null && f.fields[0] instanceof Float s ? s : sd.score;
    }
}

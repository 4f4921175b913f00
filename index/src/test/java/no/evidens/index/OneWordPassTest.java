package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search of one word in its fields, counted and ranked in one walk ({@link OneWordPass}), gives what the search that
 * scores every hit with Lucene's own scorers of the plain query gives: the same page (entries, float scores, tie
 * order), the same total and the same facet counts, also across segments with deleted entries and evidence bonuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneWordPassTest {
    private static final String[] WORDS = {"tiltak", "plan", "rutiner", "journal", "barnet", "familien", "avlastning",
        "tilsyn", "vedtak", "oppfølging", "samarbeid", "skolen", "helsestasjon", "budsjett", "ansvar", "kommunen",
        "barnevernstiltak", "skoleplan"};
    private static final String[] FINDING = {"avvik", "merknad", "lovbrudd", "funn"};
    private static final String[] HEADINGS = {"", "Tiltak og plan", "Barnet og familien", "Tilsyn med kommunen"};

    @TempDir
    static Path dir;
    private DirectoryReader reader;
    private IndexSnapshot snapshot;
    private final QueryReader queries = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));

    @BeforeAll
    void index() throws IOException {
        Random random = new Random(27);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (int d = 0; d < 20; d++) {
                List<String> texts = new ArrayList<>();
                List<List<String>> indicators = new ArrayList<>();
                for (int p = 0; p < 200; p++) {
                    texts.add(passage(random));
                    indicators.add(random.nextInt(10) == 0 ? List.of(FINDING[random.nextInt(4)]) : List.of());
                }
                w.add(document("d" + d, texts), passages("d" + d, texts, indicators));
                if (d % 7 == 6) {
                    w.commit();
                }
            }
            // a document indexed again: the segments then hold deleted entries
            List<String> again = List.of("Kommunen sikrer tiltak og plan.", "Tiltak uten plan.");
            w.replace(document("d2", again), passages("d2", again, List.of(List.of("avvik"), List.of())));
            w.commit();
        }
        reader = DirectoryReader.open(FSDirectory.open(dir));
        snapshot = (IndexSnapshot) IndexSnapshot.factory(NorwegianAnalysis.queryAnalyzer(null)).newSearcher(reader, null);
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
                    start + p.length(), p, List.of(), indicators.get(i)));
            start += p.length() + 2;
        }
        return out;
    }

    /** Words of the vocabulary (the first ones frequent), now and then a conclusion verb; short texts repeat, so scores tie. */
    private static String passage(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "Vi har vurdert om kommunen sikrer" : "Det gjelder");
        int n = 1 + random.nextInt(random.nextBoolean() ? 4 : 25);
        for (int i = 0; i < n; i++) {
            text.append(' ').append(WORDS[(int) (WORDS.length * Math.pow(random.nextDouble(), 2))]);
            if (random.nextInt(40) == 0) {
                text.append(" sikrer");
            }
        }
        return text.append('.').toString();
    }

    private Query base(String text) {
        return RankedSearch.base(new SearchRequest(text, null, null, 10), queries.read(text, QueryParser.Operator.AND, reader));
    }

    @Test
    void oneWordInItsFieldsIsCountedAndRankedInOneWalk() throws IOException {
        assertTrue(reader.leaves().size() >= 3, "several segments: " + reader.leaves().size());
        assertTrue(reader.numDeletedDocs() > 0, "deleted entries in the segments");
        for (String word : new String[] {"tiltak", "kommunen", "avlastning", "plan", "skolen", "barnevern", "sikrer"}) {
            Query base = base(word);
            assertNotNull(OneWordPass.of(snapshot, base), word + " is one word in its fields");
            for (int n : new int[] {1, 10, 50, 400}) {
                RankedSearch.Counted one = RankedSearch.topAndCounts(snapshot, base, n, EvidenceSearcher.BY_RELEVANCE, true);
                // Every hit scored by Lucene's scorers of the plain query and collected with the counting (no skipping).
                RankedSearch.Counted every = RankedSearch.topAndCounts(snapshot, base, n, EvidenceSearcher.BY_RELEVANCE, false);
                assertTrue(every.total() > 0, word + " has hits");
                assertEquals(every.total(), one.total(), word + " total");
                assertEquals(every.facets(), one.facets(), word + " facets");
                assertSamePage(word + " top " + n, every.top(), one.top());
                assertSamePage(word + " longer " + (2 * n), every.longer().first(2 * n), one.longer().first(2 * n));
            }
        }
    }

    @Test
    void otherQueriesAreNotTakenForOneWord() throws IOException {
        for (String text : new String[] {"tiltak plan", "\"tiltak plan\"", "tilt*", "tiltak -plan", "tekst:tiltak"}) {
            assertNull(OneWordPass.of(snapshot, base(text)), text);
        }
    }

    private static void assertSamePage(String what, TopDocs expected, TopDocs actual) {
        assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, what + ": hits");
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            ScoreDoc e = expected.scoreDocs[i];
            ScoreDoc a = actual.scoreDocs[i];
            assertEquals(e.doc, a.doc, what + ": entry at " + i);
            assertEquals(Float.floatToIntBits(e.score), Float.floatToIntBits(a.score), what + ": score bits at " + i);
            assertArrayEquals(((FieldDoc) e).fields, ((FieldDoc) a).fields, what + ": sort values at " + i);
        }
    }
}

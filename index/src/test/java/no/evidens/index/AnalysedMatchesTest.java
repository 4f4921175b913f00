package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hit's matches found by analysing its text again ({@link AnalysedMatches}) give the highlighter exactly what the
 * postings give it: the same snippets and marks from the two highlighters of one snapshot, one that analyses where it
 * can and one that reads every hit's matches from the postings; and the analysing path is taken for word queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysedMatchesTest {
    private static final List<String> TEXTS = List.of(
            "Barneverntjenesten fulgte ikke opp barnet etter flyttingen. Barnevernet manglet en plan.",
            "Helsestasjonen og barnehagen samarbeidet om tiltaket, men tiltaksplanen ble aldri evaluert.",
            "Tenesta har ikkje kartlagt behovet. Kartlegginga vart gjort for seint, og planen er ikkje følgd.",
            "Saksbehandleren kjente ikke til taushetsplikten. Taushetsplikt og opplysningsplikt ble blandet.",
            "Ettervernet etter barnevernloven § 1-5 ble ikke tilbudt; ungdommen fikk ingen ettervernsplan.",
            "Kommunen sikrer ikke at fastlegen får epikrise. Fastlegene ble ikke varslet om utskrivningen.",
            "NAV-kontoret vurderte ikke hjelpebehovet, og vedtaket om sosialhjelp manglet begrunnelse.",
            "Det var uklart hvem som hadde ansvar for koordineringen av individuell plan for barnet.",
            // A word in three sentences of unequal length: which two a snippet takes depends on how its matches are named.
            "Kontaktpersonen hadde ansvar for oppfølgingen, men glemte helt at barna skulle varsles. "
                    + "Barnet ble flyttet to ganger i løpet av våren uten noen ny vurdering. Barn har rett til å bli hørt i saken sin.",
            "Planen kom. Tiltaksplanen for skolen og barnehagen ble skrevet om tre ganger uten at noen leste planene.");
    private static final List<String> QUERIES = List.of(
            "barnevern", "barn", "barnet", "plan", "planen", "tiltak", "kartlegging", "taushetsplikt", "ettervern", "fastlege", "vedtak",
            "barn plan", "barn OR vern", "barnevern OR plan", "plan -barnet", "ettervern barnevernloven",
            "(barn OR tiltak) plan", "plan AND barnet", "sosialhjelp OR epikrise OR hjelp", "tekst:planen",
            "overskrift:ettervern", "\"individuell plan\"", "samarb*", "koordinering~1");

    @TempDir
    static Path dir;
    private SnapshotSource source;
    private IndexSnapshot snapshot;
    private Analyzer analyzer;

    @BeforeAll
    void index() throws IOException {
        // Two commits: two segments.
        for (int commit = 0; commit < 2; commit++) {
            try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
                for (int d = 0; d < 3; d++) {
                    String docId = "d" + commit + d;
                    StringBuilder text = new StringBuilder();
                    List<Passage> passages = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        String p = TEXTS.get((commit * 5 + d * 3 + i) % TEXTS.size());
                        int start = text.length();
                        text.append(p).append("\n\n");
                        passages.add(new Passage(Passage.idOf("sak", docId, i), "sak", docId, docId + ".txt", "journal", "A",
                                i % 2 == 0 ? "Ettervern" : "Plan", 1, start, start + p.length(), p, List.of(), List.of()));
                    }
                    w.add(new IndexedDocument(docId, "sak", docId + ".txt", "journal", "A", "sha" + docId, "text/plain",
                            text.toString().strip(), List.of(0)), passages);
                }
                w.commit();
            }
        }
        analyzer = NorwegianAnalysis.queryAnalyzer(null);
        source = new SnapshotSource(dir, analyzer);
        snapshot = source.acquire();
    }

    @AfterAll
    void close() throws IOException {
        source.release(snapshot);
        source.close();
    }

    private int[] hits(Query query) throws IOException {
        ScoreDoc[] top = snapshot.search(RankedSearch.base(new SearchRequest("q", null, null, 100), query), 100).scoreDocs;
        return Arrays.stream(top).mapToInt(s -> s.doc).toArray();
    }

    @Test
    void snippetsAndMarksAreThePostingsOwn() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        OffsetHighlighter snippets = OffsetHighlighter.snippets(snapshot, analyzer, false);
        OffsetHighlighter wholeText = OffsetHighlighter.wholeText(snapshot, analyzer, false);
        for (String q : QUERIES) {
            Query query = reader.read(q);
            int[] docs = hits(query);
            assertTrue(docs.length > 0, q);
            Query shown = TextMatchingParts.of(MatchingParts.of(query));
            for (Query h : List.of(query, shown)) {
                assertArrayEquals(strings(snippets.highlight(PassageSchema.TEXT, h, docs, 2)),
                        strings(snapshot.snippets.highlight(PassageSchema.TEXT, h, docs, 2)), q);
                assertArrayEquals(strings(wholeText.highlight(PassageSchema.TEXT, h, docs, 1)),
                        strings(snapshot.wholeText.highlight(PassageSchema.TEXT, h, docs, 1)), q);
            }
        }
    }

    /**
     * The set-up a highlighter keeps per query (the plan of matches by analysis, Lucene's components) serves every call of
     * the query, on several threads at once, with the highlights of the postings: each call keeps its own matches.
     */
    @Test
    void setUpKeptPerQueryServesEveryCallOnEveryThread() throws Exception {
        QueryReader reader = new QueryReader(analyzer);
        OffsetHighlighter postings = OffsetHighlighter.snippets(snapshot, analyzer, false);
        OffsetHighlighter kept = OffsetHighlighter.snippets(snapshot, analyzer);
        List<String> queries = new ArrayList<>(QUERIES);
        List<String[]> expected = new ArrayList<>();
        List<int[]> docs = new ArrayList<>();
        for (String q : queries) {
            Query shown = TextMatchingParts.of(MatchingParts.of(reader.read(q)));
            docs.add(hits(reader.read(q)));
            expected.add(strings(postings.highlight(PassageSchema.TEXT, shown, docs.get(docs.size() - 1), 2)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                done.add(threads.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < queries.size(); i++) {
                            order.add(i);
                        }
                    }
                    Collections.shuffle(order, new Random(seed));
                    for (int i : order) {
                        // A query read again: equal to the one kept, not the same object; its hits highlighted either way.
                        Query read = reader.read(queries.get(i));
                        Query shown = TextMatchingParts.of(MatchingParts.of(read));
                        assertArrayEquals(expected.get(i), strings(kept.highlight(PassageSchema.TEXT, shown, docs.get(i), 2)),
                                queries.get(i));
                        assertArrayEquals(expected.get(i), strings(kept.highlightHits(PassageSchema.TEXT, read, docs.get(i), 2,
                                doc -> text(doc), null)), queries.get(i));
                    }
                    return order.size();
                }));
            }
            for (Future<Integer> f : done) {
                assertTrue(f.get() > 0);
            }
        } finally {
            threads.shutdown();
        }
        for (String q : queries) {
            assertTrue(kept.keeps(TextMatchingParts.of(MatchingParts.of(reader.read(q))), false), q);
            assertTrue(kept.keeps(reader.read(q), true), q);
        }
    }

    private String text(int doc) {
        try {
            return snapshot.storedFields().document(doc).get(PassageSchema.TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] strings(OffsetHighlighter.Highlight[] found) {
        return Arrays.stream(found).map(Record::toString).toArray(String[]::new);
    }

    /** Word queries are matched by analysis in (nearly) every hit; phrases, patterns and another analyzer's index not. */
    @Test
    void wordQueriesAreAnalysedOthersLeftToThePostings() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        int analysed = 0;
        int hits = 0;
        for (String q : List.of("barnevern", "plan", "tiltak", "barn plan", "plan -barnet", "ettervern barnevernloven")) {
            Query shown = TextMatchingParts.of(MatchingParts.of(reader.read(q)));
            AnalysedMatches matches = AnalysedMatches.of(shown, snapshot, analyzer);
            assertNotNull(matches, q);
            for (int doc : hits(reader.read(q))) {
                LeafReaderContext leaf = snapshot.getIndexReader().leaves().get(ReaderUtil.subIndex(doc,
                        snapshot.getIndexReader().leaves()));
                String text = snapshot.storedFields().document(doc).get(PassageSchema.TEXT);
                hits++;
                if (matches.offsets(leaf.reader(), doc - leaf.docBase, text, PassageSchema.TEXT) != null) {
                    analysed++;
                }
            }
        }
        assertTrue(hits > 20 && analysed == hits, analysed + " of " + hits + " hits analysed");
        for (String q : List.of("\"individuell plan\"", "samarb*", "koordinering~1")) {
            assertNull(AnalysedMatches.of(TextMatchingParts.of(MatchingParts.of(reader.read(q))), snapshot, analyzer), q);
        }
        // An index written with another analysis (the plain baseline's): its postings, not this analysis, hold the offsets.
        Analyzer plain = NorwegianAnalysis.plain();
        assertNull(AnalysedMatches.of(TextMatchingParts.of(MatchingParts.of(reader.read("plan"))), snapshot, plain));
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The highlighter's page path (one Weight, each hit's matches once, a term's postings once per page, the bonuses
 * left out, the passage scorer without a hash) gives exactly the snippets and marks of Lucene's own highlighter
 * with the same settings, which finds each hit's matches with {@code Weight.matches} on the whole query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHighlightingTest {
    private static final List<String> TEXTS = List.of(
            "Barneverntjenesten har ansvar for oppfølgingen av barnet. Barnevernet følger opp.",
            "Barnevernstenesta skal følgje opp ungdommen etter fylte 18 år, og oppfylginga er svak.",
            "Tilsette kjenner ikkje til teieplikta og taushetsplikta når dei samarbeider med NAV.",
            "Ansatte kjenner taushetsplikten og reglene for informert samtykke. Taushetsplikt gjelder alle.",
            "Samarbeidsmøtet mellom helsestasjonen og skolen ble avlyst. Samarbeid om ettervern mangler.",
            "Tiltaksplanen og handlingsplanen ble ikke evaluert. Kommunen sikrer ikke individuell plan.",
            "Kommunen har en plan for samarbeid med fastlegene, men planen er ikke fulgt opp.",
            "Koordinatoren skal lage en individuell plan sammen med familien. Individuell plan mangler.",
            "Det ble ikke undersøkt om kommunen sikrer oppfølging av barnevernloven § 4-1.",
            "Ettervern etter barnevernloven: kommunen sørger ikke for ettervern for ungdom over 18 år.");
    private static final List<String> HEADINGS = List.of("Oppfølging av barn", "Ettervern", "Taushetsplikt", "");
    private static final List<String> QUERIES = List.of(
            "barnevern", "oppfølging", "oppfylging", "taushetsplikt", "teieplikt", "samarbeid", "plan", "ettervern",
            "\"individuell plan\"", "\"individuell plan\" OR plan", "\"taushetsplikt samarbeid\"~10", "samarb*",
            "barnevern*", "koordinator~1", "samarbeid -NAV", "ettervern barnevernloven", "plan AND kommunen",
            "overskrift:ettervern", "tekst:taushetsplikten", "kommunen sikrer", "fastlege OR allmennlege");

    @TempDir
    static Path dir;
    private Analyzer analyzer;
    private SnapshotSource source;
    private IndexSnapshot snapshot;

    @BeforeAll
    void index() throws IOException {
        // Three commits: three segments, so that a page's hits lie in several.
        for (int commit = 0; commit < 3; commit++) {
            try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
                for (int d = 0; d < 4; d++) {
                    String docId = "d" + commit + d;
                    StringBuilder text = new StringBuilder();
                    List<Passage> passages = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        String p = TEXTS.get((commit * 7 + d * 3 + i) % TEXTS.size());
                        int start = text.length();
                        text.append(p).append("\n\n");
                        passages.add(new Passage(Passage.idOf("sak", docId, i), "sak", docId, docId + ".txt", "journal", "A",
                                HEADINGS.get((d + i) % HEADINGS.size()), 1, start, start + p.length(), p, List.of(), List.of()));
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
        assertTrue(snapshot.getIndexReader().leaves().size() >= 2, "several segments");
    }

    @AfterAll
    void close() throws IOException {
        source.release(snapshot);
        source.close();
    }

    /** Lucene's highlighter with the settings of {@link OffsetHighlighter}, and its own offsets and scorer. */
    private UnifiedHighlighter lucene(boolean wholeText) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(snapshot, analyzer)
                .withFormatter(new OffsetHighlighter.OffsetFormatter(!wholeText))
                .withMaskedFieldsFunc(f -> PassageSchema.TEXT.equals(f) ? Set.of(PassageSchema.PARTS) : Set.of());
        return (wholeText ? b.withBreakIterator(WholeBreakIterator::new) : b.withMaxNoHighlightPassages(1)).build();
    }

    /** Every passage the query matches, in the order of a page (by score), and one without a match first. */
    private int[] hits(Query query) throws IOException {
        ScoreDoc[] top = snapshot.search(RankedSearch.base(new SearchRequest("q", null, null, 100), query), 100).scoreDocs;
        assertTrue(top.length > 0);
        int[] docs = new int[top.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top[i].doc;
        }
        return docs;
    }

    @Test
    void snippetsAreLucenes() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        for (String q : QUERIES) {
            Query query = reader.read(q);
            int[] docs = hits(query);
            String[] expected = lucene(false).highlightFields(new String[] {PassageSchema.TEXT}, query, docs, new int[] {2})
                    .get(PassageSchema.TEXT);
            OffsetHighlighter.Highlight[] found = snapshot.snippets.highlight(PassageSchema.TEXT, query, docs, 2);
            assertArrayEquals(expected, Arrays.stream(found).map(Record::toString).toArray(), q);
            // A heading's words are not marked in the text; every other query marks some.
            assertEquals(!q.startsWith("overskrift:"), Arrays.stream(found).anyMatch(h -> !h.matches().isEmpty()), q);
        }
    }

    /**
     * Highlighting that finds the words where the search's counting found them (its terms' states per segment, {@link
     * SoughtTerms}) gives Lucene's snippets too, for the words counted and for those it did not count (a phrase's, a
     * prefix's), whether the query hands over the counted terms' own objects or equal ones.
     */
    @Test
    void snippetsWithTheCountedWordsAreLucenes() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        int counted = 0;
        for (String q : QUERIES) {
            Query query = reader.read(q);
            int[] docs = hits(query);
            String[] expected = lucene(false).highlightFields(new String[] {PassageSchema.TEXT}, query, docs, new int[] {2})
                    .get(PassageSchema.TEXT);
            // The counting of the query as written, and of the same query read again (equal terms, other objects).
            for (Query countedQuery : List.of(query, reader.read(q))) {
                TermSetHits plan = TermSetHits.of(ScoredQuery.matching(countedQuery));
                if (plan == null) {
                    continue;
                }
                counted++;
                SoughtTerms sought = new SoughtTerms(snapshot.getTopReaderContext());
                for (LeafReaderContext leaf : snapshot.getIndexReader().leaves()) {
                    plan.hits(leaf, sought);
                }
                OffsetHighlighter.Highlight[] found = snapshot.snippets.highlight(PassageSchema.TEXT, query, docs, 2,
                        doc -> storedText(doc), sought);
                assertArrayEquals(expected, Arrays.stream(found).map(Record::toString).toArray(), q);
            }
        }
        assertTrue(counted >= 20, "most queries are counted from their words");
    }

    private String storedText(int doc) {
        try {
            return snapshot.storedFields().document(doc).get(PassageSchema.TEXT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The snippets of a query's hits highlighted for the query without its parts a snippet never shows (the heading's
     * clauses, excluded words: {@link TextMatchingParts}) are Lucene's for the whole query, also where a hit holds a
     * word in its heading only and the other words in its text.
     */
    @Test
    void snippetsOfHitsWithoutTheHeadingsPartsAreLucenes() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        List<String> queries = new ArrayList<>(QUERIES);
        queries.addAll(List.of("ettervern kommunen", "oppfølging plan", "barn plan", "taushetsplikt -NAV",
                "overskrift:ettervern kommunen", "plan OR overskrift:taushetsplikt", "\"individuell plan\" ettervern",
                "(ettervern OR taushetsplikt) kommunen"));
        int trimmed = 0;
        for (String q : queries) {
            Query query = reader.read(q);
            int[] docs = hits(query);
            String[] expected = lucene(false).highlightFields(new String[] {PassageSchema.TEXT}, query, docs, new int[] {2})
                    .get(PassageSchema.TEXT);
            Query shown = TextMatchingParts.of(MatchingParts.of(query));
            if (!shown.equals(MatchingParts.of(query))) {
                trimmed++;
            }
            // Words every hit holds (no OR above them) are not matched in the heading; those under an OR may be.
            if (!q.contains("OR") && !q.contains("overskrift:")) {
                assertTrue(!fields(shown).contains(PassageSchema.HEADING) && fields(shown).contains(PassageSchema.TEXT), q);
            }
            OffsetHighlighter.Highlight[] found = snapshot.snippets.highlight(PassageSchema.TEXT, shown, docs, 2);
            assertArrayEquals(expected, Arrays.stream(found).map(Record::toString).toArray(), q);
        }
        assertTrue(trimmed >= 20, "most queries have heading clauses to leave out");
    }

    /** The fields whose terms (or patterns of terms) {@code q} shows a visitor. */
    private static Set<String> fields(Query q) {
        Set<String> out = new java.util.HashSet<>();
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                for (org.apache.lucene.index.Term t : terms) {
                    out.add(t.field());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field,
                                             java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                out.add(field);
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
                                                                       Query parent) {
                return this;
            }
        });
        return out;
    }

    @Test
    void wholeTextMarksAreLucenes() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        for (String q : QUERIES) {
            Query query = reader.read(q);
            int[] docs = hits(query);
            String[] expected = lucene(true).highlightFields(new String[] {PassageSchema.TEXT}, query, docs, new int[] {1})
                    .get(PassageSchema.TEXT);
            OffsetHighlighter.Highlight[] found = snapshot.wholeText.highlight(PassageSchema.TEXT, query, docs, 1);
            assertArrayEquals(expected, Arrays.stream(found).map(Record::toString).toArray(), q);
        }
    }

    @Test
    void hitsAndTheirSnippetsAreAsWholeStoredDocumentsGive() throws IOException {
        QueryReader reader = new QueryReader(analyzer);
        for (String q : List.of("barnevern", "\"individuell plan\"", "samarb*")) {
            Query query = reader.read(q);
            ScoreDoc[] page = snapshot.search(RankedSearch.base(new SearchRequest(q, null, null, 10), query), 10).scoreDocs;
            List<SearchHit> hits = new HitReader(snapshot).hits(query, page);
            for (int i = 0; i < page.length; i++) {
                OffsetHighlighter.Highlight h = snapshot.snippets.highlight(PassageSchema.TEXT, query, new int[] {page[i].doc}, 2)[0];
                assertEquals(PassageSchema.toHit(snapshot.storedFields().document(page[i].doc), page[i].score, h), hits.get(i), q);
            }
        }
    }

    /** A term's shared postings answer as fresh ones do, for targets in any order (going back included). */
    @Test
    void sharedPostingsAnswerAsFreshOnes() throws IOException {
        Random random = new Random(11);
        for (LeafReaderContext leaf : snapshot.getIndexReader().leaves()) {
            PageTermsReader page = new PageTermsReader(leaf.reader());
            Terms terms = leaf.reader().terms(PassageSchema.TEXT);
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                int maxDoc = leaf.reader().maxDoc();
                int[] targets = random.ints(8, 0, maxDoc + 1).toArray();
                Arrays.sort(targets, 0, 6); // mostly forward, as a page's hits come, then two at random
                for (int flags : new int[] {PostingsEnum.FREQS, PostingsEnum.OFFSETS}) {
                    TermsEnum pe = page.terms(PassageSchema.TEXT).iterator();
                    pe.seekExact(term, te.termState());
                    for (int target : targets) {
                        PostingsEnum view = pe.postings(null, flags);
                        TermsEnum fresh = terms.iterator();
                        fresh.seekExact(term);
                        PostingsEnum expected = fresh.postings(null, flags);
                        assertSame(expected, view, target, term.utf8ToString());
                    }
                }
            }
        }
    }

    private static void assertSame(PostingsEnum expected, PostingsEnum view, int target, String term) throws IOException {
        int doc = expected.advance(target);
        assertEquals(doc, view.advance(target), term);
        for (int step = 0; step < 2 && doc != PostingsEnum.NO_MORE_DOCS; step++) {
            assertEquals(expected.freq(), view.freq(), term);
            for (int i = 0; i < expected.freq(); i++) {
                assertEquals(expected.nextPosition(), view.nextPosition(), term);
                assertEquals(expected.startOffset(), view.startOffset(), term);
                assertEquals(expected.endOffset(), view.endOffset(), term);
            }
            doc = expected.nextDoc();
            assertEquals(doc, view.nextDoc(), term);
        }
    }

    @Test
    void passageScoresAreLucenesBitForBit() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        SnippetScorer ours = new SnippetScorer();
        BytesRef[] words = {new BytesRef("plan"), new BytesRef("barnevern"), new BytesRef("individuell plan"), new BytesRef("ny")};
        for (int round = 0; round < 500; round++) {
            org.apache.lucene.search.uhighlight.Passage p = new org.apache.lucene.search.uhighlight.Passage();
            int start = random.nextInt(400);
            p.setStartOffset(start);
            p.setEndOffset(start + 200);
            int matches = random.nextInt(SnippetScorer.FEW + 10);
            for (int i = 0; i < matches; i++) {
                int at = start + i * 4;
                p.addMatch(at, at + 3, words[random.nextInt(words.length)], 1 + random.nextInt(3));
            }
            int length = 600 + random.nextInt(2000);
            assertEquals(Float.floatToIntBits(lucene.score(p, length)), Float.floatToIntBits(ours.score(p, length)));
        }
    }
}

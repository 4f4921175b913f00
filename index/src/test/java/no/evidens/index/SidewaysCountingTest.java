package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search with facet filters gives the hits, totals and facet counts of Lucene's DrillSideways (a filtered
 * dimension counted without its own filter), in every order, across segments.
 */
class SidewaysCountingTest {
    private static final List<Map<String, List<String>>> FILTERS = List.of(
            Map.of(PassageSchema.TYPE, List.of("journal")),
            Map.of(PassageSchema.TYPE, List.of("Journal", "annet")),
            Map.of(PassageSchema.INDICATOR, List.of("indikator3", "Taushetsplikt")),
            ordered(PassageSchema.CASE, List.of("sak-1"), PassageSchema.TYPE, List.of("journal", "styringsdokument")),
            ordered(PassageSchema.HAS_QUOTE, List.of("ja"), PassageSchema.LAW, List.of("lov1"), PassageSchema.MUNICIPALITY,
                    List.of("kommune2", "kommune0")),
            ordered(PassageSchema.YEAR, List.of("2021"), PassageSchema.INDICATOR, List.of("indikator1"), PassageSchema.CASE,
                    List.of("sak-0", "sak-3")),
            Map.of(PassageSchema.TYPE, List.of("finnes-ikke")));

    @TempDir
    Path dir;

    @Test
    void hitsTotalsAndCountsAreDrillSidewaysOwn() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, new Random(17), 4);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertEquals(4, reader.leaves().size());
                IndexSnapshot s = (IndexSnapshot) IndexSnapshot.factory(new StandardAnalyzer()).newSearcher(reader, null);
                List<Sort> sorts = List.of(EvidenceSearcher.BY_RELEVANCE,
                        new Sort(new SortField(PassageSchema.SORT_FILE, SortField.Type.STRING), new SortField(PassageSchema.SORT_START,
                                SortField.Type.LONG)));
                int compared = 0;
                for (Query base : List.of(new TermQuery(new Term(PassageSchema.TEXT, "samarbeid")),
                        new TermQuery(new Term(PassageSchema.TEXT, "plan")), RankedSearch.PASSAGES)) {
                    for (Map<String, List<String>> filters : FILTERS) {
                        for (Sort sort : sorts) {
                            // one pass that collects every base hit, and (words only, in relevance order) bit sets and a
                            // page that skips
                            for (boolean mayTwoPass : new boolean[] {false, true}) {
                                assertSame(s, base, filters, sort, mayTwoPass);
                                compared++;
                            }
                        }
                    }
                }
                assertEquals(84, compared);
            }
        }
    }

    private static void assertSame(IndexSnapshot s, Query base, Map<String, List<String>> filters, Sort sort, boolean mayTwoPass)
            throws IOException {
        String what = base + " " + filters + " " + sort + " two passes allowed: " + mayTwoPass;
        DrillSideways.DrillSidewaysResult lucene = new DrillSideways(s, FacetFilters.CONFIG, s.facetState)
                .search(FacetFilters.drillDown(base, filters), null, null, 25, sort, true);
        RankedSearch.Counted ours = RankedSearch.sideways(s, base, filters, 25, sort, mayTwoPass);
        assertEquals(lucene.hits.totalHits.value, ours.total(), what);
        Map<String, Map<String, Integer>> expected = FacetFilters.counts(lucene.facets);
        assertEquals(expected, ours.facets(), what);
        for (String dim : PassageSchema.FACET_DIMS) {
            assertEquals(List.copyOf(expected.get(dim).keySet()), List.copyOf(ours.facets().get(dim).keySet()), what + " " + dim);
        }
        assertEquals(docsAndScores(lucene.hits.scoreDocs), docsAndScores(ours.top().scoreDocs), what);
    }

    @Test
    void aFilteredDimensionKeepsItsOtherValuesAndTheOthersCountOnlyTheHits() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, new Random(3), 1);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                IndexSnapshot s = (IndexSnapshot) IndexSnapshot.factory(new StandardAnalyzer()).newSearcher(reader, null);
                RankedSearch.Counted journals = RankedSearch.sideways(s, RankedSearch.PASSAGES,
                        Map.of(PassageSchema.TYPE, List.of("journal")), 10, EvidenceSearcher.BY_RELEVANCE, true);
                assertTrue(journals.facets().get(PassageSchema.TYPE).size() > 1, "the other types stay with their counts");
                int passagesInCases = journals.facets().get(PassageSchema.CASE).values().stream().mapToInt(Integer::intValue).sum();
                assertEquals(journals.total(), passagesInCases, "an unfiltered dimension counts the hits only");
            }
        }
    }

    /** Every base query with every filter set counts as DrillSideways does, sorted by relevance both ways. */
    private static void assertSameForEveryFilter(IndexSnapshot s, List<Query> bases) throws IOException {
        for (Query base : bases) {
            for (Map<String, List<String>> filters : FILTERS) {
                assertSame(s, base, filters, EvidenceSearcher.BY_RELEVANCE, true);
                assertSame(s, base, filters, EvidenceSearcher.BY_RELEVANCE, false);
            }
        }
    }

    /**
     * A filter's entries are kept per segment between searches ({@link FilterBits}): after passages are deleted and new
     * ones added, a refreshed snapshot counts the same filters as DrillSideways does on it, not as on the one before.
     */
    @Test
    void keptFilterEntriesFollowDeletionsAndNewSegments() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, new Random(5), 2);
            List<Query> bases = List.of(new TermQuery(new Term(PassageSchema.TEXT, "samarbeid")), RankedSearch.PASSAGES);
            Map<String, List<String>> journals = Map.of(PassageSchema.TYPE, List.of("journal"));
            long before;
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                IndexSnapshot s = (IndexSnapshot) IndexSnapshot.factory(new StandardAnalyzer()).newSearcher(reader, null);
                assertSameForEveryFilter(s, bases);
                before = RankedSearch.sideways(s, RankedSearch.PASSAGES, journals, 10, EvidenceSearcher.BY_RELEVANCE, true).total();
            }
            w.deleteDocuments(new Term(PassageSchema.TYPE, "journal"), new Term(PassageSchema.CASE, "sak-1"));
            addPassages(w, new Random(6), 1);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                IndexSnapshot s = (IndexSnapshot) IndexSnapshot.factory(new StandardAnalyzer()).newSearcher(reader, null);
                assertSameForEveryFilter(s, bases);
                long after = RankedSearch.sideways(s, RankedSearch.PASSAGES, journals, 10, EvidenceSearcher.BY_RELEVANCE, true).total();
                assertTrue(after != before, "the journals counted anew: " + before + " before, " + after + " after");
            }
        }
    }

    private static List<String> docsAndScores(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(sd -> sd.doc + ":" + sd.score).toList();
    }

    private static Map<String, List<String>> ordered(Object... dimsAndValues) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < dimsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) dimsAndValues[i + 1];
            out.put((String) dimsAndValues[i], values);
        }
        return out;
    }

    /** {@code segments} segments of passages of random types, cases, indicators, laws, quotations and document facets. */
    private static void addPassages(IndexWriter w, Random random, int segments) throws IOException {
        for (int seg = 0; seg < segments; seg++) {
            for (int doc = 0; doc < 60; doc++) {
                String caseId = "sak-" + random.nextInt(4);
                String docId = "d" + seg + "-" + doc;
                String type = List.of("journal", "styringsdokument", "annet").get(random.nextInt(3));
                Map<String, String> documentFacets = Map.of(PassageSchema.MUNICIPALITY, "kommune" + random.nextInt(4),
                        PassageSchema.YEAR, String.valueOf(2020 + random.nextInt(3)));
                for (int p = 0; p < 1 + random.nextInt(6); p++) {
                    List<String> indicators = new ArrayList<>();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        indicators.add(random.nextInt(5) == 0 ? "Taushetsplikt" : "indikator" + random.nextInt(6));
                    }
                    List<String> laws = random.nextInt(3) == 0 ? List.of("lov" + random.nextInt(3)) : List.of();
                    List<String> quotes = random.nextBoolean() ? List.of("sitat") : List.of();
                    String text = "tekst " + (random.nextBoolean() ? "samarbeid" : "plan") + " om " + "plan ".repeat(random.nextInt(3));
                    w.addDocument(FacetFilters.CONFIG.build(PassageSchema.toDocument(new Passage(Passage.idOf(caseId, docId, p),
                            caseId, docId, docId + ".txt", type, "Tittel", "", 1, p * 100, p * 100 + text.length(), text, quotes,
                            indicators.stream().distinct().toList(), laws, documentFacets))));
                }
            }
            w.commit();
        }
    }
}

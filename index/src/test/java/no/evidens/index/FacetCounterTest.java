package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facet counts users see match Lucene's own facet counting, across segments and refreshed snapshots. */
class FacetCounterTest {
    @TempDir
    Path dir;

    @Test
    void countsAndTopValuesAreLucenesAcrossSegmentsAndRefreshes() throws IOException {
        Random random = new Random(11);
        SegmentCache<SegmentFacetSignatures> cache = FacetCounter.newCache();
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, random, 0, 3);
            try (DirectoryReader first = DirectoryReader.open(w)) {
                assertEquals(3, first.leaves().size());
                assertSameAsLucene(first, cache);
                addPassages(w, random, 3, 2);
                try (DirectoryReader second = DirectoryReader.openIfChanged(first, w)) {
                    assertEquals(5, second.leaves().size());
                    assertSameAsLucene(second, cache);
                    assertEquals(5, cache.size(), "the three unchanged segments are read once, the two new ones added");
                }
            }
        }
    }

    @Test
    void segmentsWithTooManySignaturesForCharsCountTheSame() throws IOException {
        // A segment whose signatures do not fit in 16 bits keeps them as ints: forced here by a limit of none.
        SegmentCache<SegmentFacetSignatures> wide = new SegmentCache<>(
                segment -> SegmentFacetSignatures.of(segment, FacetsConfig.DEFAULT_INDEX_FIELD_NAME, 0));
        SegmentCache<SegmentFacetSignatures> narrow = FacetCounter.newCache();
        SegmentCache<SegmentFacetSignatures> chars = new SegmentCache<>(
                segment -> SegmentFacetSignatures.of(segment, FacetsConfig.DEFAULT_INDEX_FIELD_NAME, Character.MAX_VALUE + 1, 0));
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, new Random(12), 0, 2);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertSameAsLucene(reader, wide);
                assertSameAsLucene(reader, narrow);
                assertSameAsLucene(reader, chars);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, FacetFilters.CONFIG);
                for (int seg = 0; seg < reader.leaves().size(); seg++) {
                    assertFalse(FacetCounter.of(reader, state, wide).segment(seg).narrow());
                    assertTrue(FacetCounter.of(reader, state, narrow).segment(seg).narrow());
                    assertTrue(FacetCounter.of(reader, state, narrow).segment(seg).packed());
                    assertFalse(FacetCounter.of(reader, state, chars).segment(seg).packed());
                }
            }
        }
    }

    @Test
    void aBitSetOfHitsIsCountedAsHitByHit() throws IOException {
        // The bit set's count goes a 64-bit word at a time: it must give each signature the counts of one hit at a time,
        // in each layout of the signatures.
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, new Random(13), 0, 3);
            // A segment of more than 256 signatures of the passage group, so that the three-byte layout's second byte counts.
            for (int p = 0; p < 700; p++) {
                String caseId = "sak-" + p % 3;
                String text = "tekst samarbeid";
                w.addDocument(FacetFilters.CONFIG.build(PassageSchema.toDocument(new Passage(Passage.idOf(caseId, "m" + p / 9, p % 9),
                        caseId, "m" + p / 9, "m.txt", "journal", "Tittel", "", 1, 0, text.length(), text, List.of(),
                        List.of("indikator" + p), List.of(), Map.of()))));
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertEquals(4, reader.leaves().size());
                Random random = new Random(14);
                // the int layout (forced by a limit of none), the char layout (three bytes forced off), the three bytes
                for (int[] limits : new int[][] {{0, 256}, {Character.MAX_VALUE + 1, 0}, {Character.MAX_VALUE + 1, 256}}) {
                    for (var leaf : reader.leaves()) {
                        SegmentFacetSignatures sigs = SegmentFacetSignatures.of(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                                limits[0], limits[1]);
                        assertEquals(limits[0] > 0, sigs.narrow());
                        assertEquals(limits[0] > 0 && limits[1] > 0, sigs.packed());
                        int maxDoc = leaf.reader().maxDoc();
                        assertTrue(maxDoc > 64, "runs across words");
                        List<FixedBitSet> sets = new ArrayList<>();
                        for (int doc = 0; doc < maxDoc; doc++) {
                            // each entry alone: a run's first entry, a word's first and last
                            FixedBitSet one = new FixedBitSet(maxDoc);
                            one.set(doc);
                            sets.add(one);
                        }
                        for (double density : new double[] {0.02, 0.2, 0.7, 1.0}) {
                            for (int i = 0; i < 20; i++) {
                                FixedBitSet some = new FixedBitSet(maxDoc);
                                for (int doc = 0; doc < maxDoc; doc++) {
                                    if (random.nextDouble() < density) {
                                        some.set(doc);
                                    }
                                }
                                sets.add(some);
                            }
                        }
                        for (FixedBitSet hits : sets) {
                            int[] expected = sigs.newCounts();
                            for (int doc = hits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                                 doc = doc + 1 < maxDoc ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                                sigs.count(doc, expected);
                            }
                            int[] counted = sigs.newCounts();
                            sigs.count(hits, null, counted);
                            assertArrayEquals(expected, counted, "hits " + hits.cardinality() + ", narrow " + sigs.narrow());
                            for (int group = 0; group < 2; group++) {
                                int[] one = sigs.newCounts();
                                int[] oneByDoc = sigs.newCounts();
                                for (int doc = 0; doc < maxDoc; doc++) {
                                    if (hits.get(doc)) {
                                        sigs.count(doc, group, oneByDoc);
                                    }
                                }
                                for (int wd = 0; wd < FixedBitSet.bits2words(maxDoc); wd++) {
                                    sigs.count(hits.getBits()[wd], wd, null, group, one);
                                }
                                assertArrayEquals(oneByDoc, one, "group " + group);
                            }
                            // deleted entries skipped: every other entry live
                            Bits live = new Bits() {
                                @Override
                                public boolean get(int index) {
                                    return index % 2 == 0;
                                }

                                @Override
                                public int length() {
                                    return maxDoc;
                                }
                            };
                            int[] liveExpected = sigs.newCounts();
                            for (int doc = 0; doc < maxDoc; doc += 2) {
                                if (hits.get(doc)) {
                                    sigs.count(doc, liveExpected);
                                }
                            }
                            int[] liveCounted = sigs.newCounts();
                            sigs.count(hits, live, liveCounted);
                            assertArrayEquals(liveExpected, liveCounted);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyCaseIsCountedNotOnlyTheTopHundred() throws IOException {
        // A nationwide audit's group overview reads its municipalities' counts from the case facet.
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int c = 0; c < 130; c++) {
                String caseId = "kommune-" + c;
                w.addDocument(FacetFilters.CONFIG.build(PassageSchema.toDocument(new Passage(Passage.idOf(caseId, "d", 0), caseId, "d",
                        "d.txt", "journal", "Tittel", "", 1, 0, 5, "tekst", List.of(), List.of(), List.of(), Map.of()))));
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, FacetFilters.CONFIG);
                FacetCounter.Counting all = FacetCounter.of(reader, state, FacetCounter.newCache()).counting();
                OneCollector.search(new IndexSearcher(reader), new MatchAllDocsQuery(), all);
                assertEquals(130, all.counts().get(PassageSchema.CASE).size());
                FacetsCollector lucene = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetsCollectorManager());
                assertEquals(130, FacetFilters.counts(new SortedSetDocValuesFacetCounts(state, lucene)).get(PassageSchema.CASE).size());
            }
        }
    }

    /** {@code segments} segments of passages with up to 150 indicator values, so that a top-100 cut has ties. */
    private static void addPassages(IndexWriter w, Random random, int firstSegment, int segments) throws IOException {
        for (int seg = firstSegment; seg < firstSegment + segments; seg++) {
            for (int doc = 0; doc < 40; doc++) {
                String caseId = "sak-" + random.nextInt(5);
                String docId = "d" + seg + "-" + doc;
                String type = List.of("journal", "styringsdokument", "annet").get(random.nextInt(3));
                Map<String, String> documentFacets = Map.of(PassageSchema.MUNICIPALITY, "kommune" + random.nextInt(4),
                        PassageSchema.YEAR, String.valueOf(2020 + random.nextInt(5)));
                for (int p = 0; p < 1 + random.nextInt(8); p++) {
                    List<String> indicators = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        indicators.add("indikator" + random.nextInt(150));
                    }
                    List<String> laws = random.nextInt(3) == 0 ? List.of("lov" + random.nextInt(6)) : List.of();
                    List<String> quotes = random.nextBoolean() ? List.of("sitat") : List.of();
                    String text = "tekst " + (random.nextBoolean() ? "samarbeid" : "plan");
                    w.addDocument(FacetFilters.CONFIG.build(PassageSchema.toDocument(new Passage(Passage.idOf(caseId, docId, p),
                            caseId, docId, docId + ".txt", type, "Tittel", "", 1, 0, text.length(), text, quotes,
                            indicators.stream().distinct().toList(), laws, documentFacets))));
                }
            }
            w.commit();
        }
    }

    /**
     * Word queries counted on a snapshot split into two slices of segments, each slice on a thread of its own: the counts
     * and totals of Lucene's own facet counting.
     */
    private static void assertSameWhenSplit(DirectoryReader reader, List<Query> queries) throws IOException {
        int partsBefore = SearchThreads.parts;
        int splitFromBefore = SearchThreads.splitFrom;
        SearchThreads.parts = 2;
        SearchThreads.splitFrom = 0;
        try {
            IndexSnapshot snapshot = (IndexSnapshot) IndexSnapshot.factory(new StandardAnalyzer()).newSearcher(reader, null);
            assertEquals(2, snapshot.slices());
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, FacetFilters.CONFIG);
            for (Query q : queries) {
                FacetsCollector lucene = snapshot.search(q, new FacetsCollectorManager());
                FacetCounter.Counting sliced = snapshot.facetCounter.counting();
                assertTrue(sliced.countWords(snapshot, q), q.toString());
                assertEquals(snapshot.count(q), sliced.total(), q.toString());
                assertEquals(FacetFilters.counts(new SortedSetDocValuesFacetCounts(state, lucene)), sliced.counts(), q.toString());
            }
        } finally {
            SearchThreads.parts = partsBefore;
            SearchThreads.splitFrom = splitFromBefore;
        }
    }

    private static void assertSameAsLucene(DirectoryReader reader, SegmentCache<SegmentFacetSignatures> cache) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, FacetFilters.CONFIG);
        FacetCounter counter = FacetCounter.of(reader, state, cache);
        for (Query q : List.of(new MatchAllDocsQuery(), new TermQuery(new Term(PassageSchema.TEXT, "samarbeid")),
                new TermQuery(new Term(PassageSchema.CASE, "sak-2")), new TermQuery(new Term(PassageSchema.TEXT, "ingen")))) {
            FacetsCollector lucene = searcher.search(q, new FacetsCollectorManager());
            Map<String, Map<String, Integer>> expected = FacetFilters.counts(new SortedSetDocValuesFacetCounts(state, lucene));
            FacetCounter.Counting counting = counter.counting();
            OneCollector.search(searcher, q, counting);
            assertEquals(searcher.count(q), counting.total(), q.toString());
            assertEquals(expected, counting.counts(), q.toString());
            // LinkedHashMap equality ignores order: the order of the values is part of what users see
            for (String dim : PassageSchema.FACET_DIMS) {
                assertEquals(List.copyOf(expected.get(dim).keySet()), List.copyOf(counting.counts().get(dim).keySet()), dim);
            }
            // A word query is counted from bit sets, a whole segment at a time: the same counts.
            FacetCounter.Counting words = counter.counting();
            assertEquals(q instanceof TermQuery, words.countWords(searcher, q), q.toString());
            if (q instanceof TermQuery) {
                assertEquals(counting.total(), words.total(), q.toString());
                assertEquals(expected, words.counts(), q.toString());
            }
        }
        assertSameWhenSplit(reader, List.of(new TermQuery(new Term(PassageSchema.TEXT, "samarbeid")),
                new TermQuery(new Term(PassageSchema.TEXT, "plan")), new TermQuery(new Term(PassageSchema.CASE, "sak-2"))));
        FacetCounter.Counting all = counter.counting();
        OneCollector.search(searcher, new MatchAllDocsQuery(), all);
        assertEquals(FacetFilters.TOP_VALUES, all.counts().get(PassageSchema.INDICATOR).size(), "the top 100 of 150 values");
        assertTrue(all.counts().get(PassageSchema.LAW).size() > 1);
    }
}

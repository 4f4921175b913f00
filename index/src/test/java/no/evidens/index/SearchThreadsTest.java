package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search split over threads by slices of segments answers exactly as on one thread. */
class SearchThreadsTest {
    private static final String[] WORDS = {"barnevern", "tiltak", "plan", "avlastning", "familien", "rutiner", "tilsynet",
        "ansvarsgruppen", "vedtak", "oppfølging", "skriftlige", "meldinger", "helsestasjonen", "samarbeid", "journal"};
    private static final String[] TYPES = {"journal", "vedtak", "styringsdokument"};

    @TempDir
    Path dir;

    @Test
    void twoSlicesHoldEverySegmentOnceAndAsEvenlyAsTheSegmentsAllow() throws IOException {
        try (Directory d = new ByteBuffersDirectory()) {
            DirectoryReader reader = segments(d, 9, 6, 8, 8, 3);
            try (reader) {
                List<LeafReaderContext> leaves = reader.leaves();
                IndexSearcher.LeafSlice[] two = SearchThreads.slices(leaves, 2, 0);
                assertEquals(2, two.length);
                // 34 entries: 17 and 17 (9 + 8 and 6 + 8 + 3); each segment largest first to the lighter slice gives 18 and 16.
                assertEquals(List.of(17, 17), Arrays.stream(two).map(SearchThreadsTest::entries).sorted().toList());
                assertEveryLeafOnce(leaves, two);
                IndexSearcher.LeafSlice[] three = SearchThreads.slices(leaves, 3, 0);
                assertEquals(List.of(9, 11, 14), Arrays.stream(three).map(SearchThreadsTest::entries).sorted().toList());
                assertEveryLeafOnce(leaves, three);
                assertEquals(1, SearchThreads.slices(leaves, 1, 0).length, "one thread: one slice");
                assertEquals(1, SearchThreads.slices(leaves, 2, 35).length, "fewer entries than the split asks: one slice");
                assertEquals(2, SearchThreads.slices(leaves, 2, 34).length);
                assertEquals(5, SearchThreads.slices(leaves, 8, 0).length, "no more slices than segments");
            }
        }
    }

    @Test
    void aSliceOnAnotherThreadKnowsWhatTheSearchKnows() throws Exception {
        try (Directory d = new ByteBuffersDirectory(); DirectoryReader reader = segments(d, 3, 4)) {
            FixedBitSet[] hits = {new FixedBitSet(3), new FixedBitSet(4)};
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                AtomicReference<FixedBitSet> seen = new AtomicReference<>();
                Future<?> done = KnownHits.during(reader.leaves(), hits, () -> other.submit(
                        () -> KnownHits.runWith(null, () -> seen.set(KnownHits.in(reader.leaves().get(1).reader())))));
                done.get();
                assertNull(seen.get(), "without what the search knows, another thread knows nothing");
                Future<?> handed = KnownHits.during(reader.leaves(), hits, () -> {
                    KnownHits.Known known = KnownHits.current();
                    return other.submit(() -> KnownHits.runWith(known, () -> seen.set(KnownHits.in(reader.leaves().get(1).reader()))));
                });
                handed.get();
                assertSame(hits[1], seen.get());
                assertNull(other.submit(() -> KnownHits.in(reader.leaves().get(1).reader())).get(), "known only while the part runs");
            } finally {
                other.shutdown();
            }
        }
    }

    @Test
    void aSearchSplitOverSlicesAnswersAsOneSlice() throws IOException {
        Random random = new Random(35);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            // Five segments of different sizes, so that the slices are of different segments and sizes.
            int doc = 0;
            for (int size : new int[] {70, 40, 55, 55, 20}) {
                for (int i = 0; i < size; i++, doc++) {
                    add(w, random, doc);
                }
                w.commit();
            }
        }
        List<SearchRequest> requests = new ArrayList<>();
        for (String word : WORDS) {
            requests.add(new SearchRequest(word, null, null, 10));
            requests.add(new SearchRequest(word, null, null, 10, 10, SearchRequest.Order.RELEVANCE));
            requests.add(new SearchRequest(word + " " + WORDS[(word.length() * 7) % WORDS.length], null, null, 10));
            requests.add(new SearchRequest(word, "sak-1", null, 10));
            requests.add(new SearchRequest(word, null, null, 10, 0, SearchRequest.Order.RELEVANCE, Map.of("type", List.of("journal"))));
        }
        requests.add(new SearchRequest("\"tiltak plan\"", null, null, 10));
        requests.add(new SearchRequest("barnevern OR vedtak", null, null, 20));

        List<String> oneSlice = answers(requests);
        int partsBefore = SearchThreads.parts;
        int splitFromBefore = SearchThreads.splitFrom;
        SearchThreads.parts = 2;
        SearchThreads.splitFrom = 0;
        try {
            try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(dir))) {
                assertEquals(5, reader.leaves().size());
                assertEquals(2, SearchThreads.slices(reader.leaves()).length, "the searcher below splits its searches in two");
            }
            List<String> twoSlices = answers(requests);
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(oneSlice.get(i), twoSlices.get(i), requests.get(i).toString());
            }
        } finally {
            SearchThreads.parts = partsBefore;
            SearchThreads.splitFrom = splitFromBefore;
        }
        assertTrue(oneSlice.stream().filter(a -> !a.startsWith("0 ")).count() > requests.size() / 2, "most searches find something");
    }

    /** Each search's total, facets and hits (ids, scores, matches, snippets), one line each. */
    private List<String> answers(List<SearchRequest> requests) throws IOException {
        List<String> out = new ArrayList<>();
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            for (SearchRequest r : requests) {
                SearchResult result = s.search(r);
                assertNotNull(result);
                out.add(result.total() + " " + result.facets() + " " + result.hits());
            }
        }
        return out;
    }

    private static void add(EvidenceIndexWriter w, Random random, int doc) throws IOException {
        StringBuilder text = new StringBuilder();
        int words = 3 + random.nextInt(12);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(random.nextBoolean() ? 4 : WORDS.length)]);
        }
        text.append('.');
        String id = "d" + doc;
        String caseId = "sak-" + (doc % 3);
        String type = TYPES[doc % TYPES.length];
        String file = "mappe/" + (doc % 17) + ".txt";
        String t = text.toString();
        List<String> indicators = random.nextInt(4) == 0 ? List.of("avvik") : List.of();
        w.add(new IndexedDocument(id, caseId, file, type, "Tittel " + id, "sha-" + id, "text/plain", t, List.of(0)),
                List.of(new Passage(Passage.idOf(caseId, id, 0), caseId, id, file, type, "Tittel " + id,
                        random.nextBoolean() ? WORDS[random.nextInt(WORDS.length)] : "", 1, 0, t.length(), t, List.of(), indicators)));
    }

    /** A reader of segments of the given sizes (entries each). */
    private static DirectoryReader segments(Directory d, int... sizes) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter w = new IndexWriter(d, config)) {
            for (int size : sizes) {
                for (int i = 0; i < size; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", "e" + i, Field.Store.NO));
                    w.addDocument(doc);
                }
                w.commit();
            }
        }
        DirectoryReader reader = DirectoryReader.open(d);
        assertEquals(sizes.length, reader.leaves().size());
        return reader;
    }

    private static int entries(IndexSearcher.LeafSlice slice) {
        return Arrays.stream(slice.leaves).mapToInt(l -> l.reader().maxDoc()).sum();
    }

    private static void assertEveryLeafOnce(List<LeafReaderContext> leaves, IndexSearcher.LeafSlice[] slices) {
        List<Integer> ords = Arrays.stream(slices).flatMap(s -> Arrays.stream(s.leaves)).map(l -> l.ord).sorted().toList();
        assertEquals(leaves.stream().map(l -> l.ord).toList(), ords);
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word search's hits counted through bit sets ({@link TermSetHits}, {@link FacetCounter.Counting#countWords}) give
 * the same total and facet counts, in the same order, as collecting the query's hits, across segments with deleted
 * entries; queries that are not words only are left to the collector.
 */
class TermSetHitsTest {
    private static final List<String> WORDS = List.of("plan", "samarbeid", "tilsyn", "rutine", "avvik", "journal");

    @TempDir
    Path dir;

    @Test
    void bitSetCountsAreTheCollectorsAcrossSegmentsWithDeletions() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            addPassages(w, new Random(7), 4);
            w.deleteDocuments(new Term(PassageSchema.TEXT, "journal"));
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertEquals(4, reader.leaves().size());
                assertTrue(reader.hasDeletions());
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetCounter counter = FacetCounter.of(reader, new DefaultSortedSetDocValuesReaderState(reader, FacetFilters.CONFIG),
                        FacetCounter.newCache());
                for (Query q : wordQueries()) {
                    FacetCounter.Counting collected = counter.counting();
                    OneCollector.search(searcher, q, collected);
                    FacetCounter.Counting bits = counter.counting();
                    assertTrue(bits.countWords(searcher, q), q.toString());
                    assertEquals(collected.total(), bits.total(), q.toString());
                    assertEquals(searcher.count(q), bits.total(), q.toString());
                    Map<String, Map<String, Integer>> expected = collected.counts();
                    assertEquals(expected, bits.counts(), q.toString());
                    for (String dim : PassageSchema.FACET_DIMS) {
                        assertEquals(List.copyOf(expected.get(dim).keySet()), List.copyOf(bits.counts().get(dim).keySet()), dim);
                    }
                }
            }
        }
    }

    @Test
    void queriesNotOfWordsOnlyAreLeftToTheCollector() throws IOException {
        Query twoRequired = new BooleanQuery.Builder().add(text("plan"), Occur.MUST).add(text("avvik"), Occur.FILTER).build();
        Query minimum = new BooleanQuery.Builder().add(text("plan"), Occur.SHOULD).add(text("avvik"), Occur.SHOULD)
                .setMinimumNumberShouldMatch(2).build();
        for (Query q : List.of(new PhraseQuery(PassageSchema.TEXT, "plan", "avvik"), new PrefixQuery(new Term(PassageSchema.TEXT, "pla")),
                twoRequired, minimum, new BooleanQuery.Builder().add(new PhraseQuery(PassageSchema.TEXT, "a", "b"), Occur.SHOULD)
                        .add(text("plan"), Occur.SHOULD).build())) {
            assertNull(TermSetHits.of(q), q.toString());
        }
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            addPassages(w, new Random(3), 1);
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                FacetCounter counter = FacetCounter.of(reader, new DefaultSortedSetDocValuesReaderState(reader, FacetFilters.CONFIG),
                        FacetCounter.newCache());
                FacetCounter.Counting counting = counter.counting();
                assertFalse(counting.countWords(new IndexSearcher(reader), twoRequired));
                assertEquals(0, counting.total(), "nothing counted when the query is left to the collector");
            }
        }
    }

    /** Words as the query reader writes them: fields, boosts, synonyms, exclusions, a filter, and no match at all. */
    private static List<Query> wordQueries() {
        Query anyField = new BooleanQuery.Builder().add(text("plan"), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(PassageSchema.HEADING, "plan")), 0.3f), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(PassageSchema.PARTS, "plan")), 0.4f), Occur.SHOULD).build();
        Query synonyms = new SynonymQuery.Builder(PassageSchema.TEXT).addTerm(new Term(PassageSchema.TEXT, "rutine"))
                .addTerm(new Term(PassageSchema.TEXT, "tilsyn")).build();
        Query excluding = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder().add(synonyms, Occur.SHOULD).add(anyField, Occur.SHOULD).build(), Occur.MUST)
                .add(text("avvik"), Occur.MUST_NOT).add(text("samarbeid"), Occur.MUST_NOT).build();
        Query requiredWithOptional = new BooleanQuery.Builder().add(text("samarbeid"), Occur.MUST)
                .add(new ConstantScoreQuery(text("plan")), Occur.SHOULD).build();
        Query passages = new BooleanQuery.Builder().add(RankedSearch.PASSAGES, Occur.FILTER).build();
        Query onlyExcluded = new BooleanQuery.Builder().add(text("plan"), Occur.MUST_NOT).build();
        return List.of(text("plan"), text("journal"), text("ingen"), anyField, synonyms, excluding, requiredWithOptional, passages,
                onlyExcluded);
    }

    private static Query text(String word) {
        return new TermQuery(new Term(PassageSchema.TEXT, word));
    }

    private static void addPassages(IndexWriter w, Random random, int segments) throws IOException {
        for (int seg = 0; seg < segments; seg++) {
            for (int doc = 0; doc < 30; doc++) {
                String caseId = "sak-" + random.nextInt(4);
                String docId = "d" + seg + "-" + doc;
                String type = List.of("journal", "styringsdokument", "annet").get(random.nextInt(3));
                Map<String, String> documentFacets = Map.of(PassageSchema.YEAR, String.valueOf(2020 + random.nextInt(4)));
                for (int p = 0; p < 1 + random.nextInt(6); p++) {
                    String text = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
                    List<String> indicators = random.nextBoolean() ? List.of("indikator" + random.nextInt(5)) : List.of();
                    w.addDocument(FacetFilters.CONFIG.build(PassageSchema.toDocument(new Passage(Passage.idOf(caseId, docId, p),
                            caseId, docId, docId + ".txt", type, "Tittel", "", 1, 0, text.length(), text, List.of(), indicators,
                            List.of(), documentFacets))));
                }
            }
            w.commit();
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Norms held dense give every search the same hits and scores as the index's sparse norms, also after a refresh. */
class DenseNormsTest {
    private static final List<String> WORDS = List.of("barnevern", "tilsyn", "kommunen", "taushetsplikt", "samarbeid",
            "helsesykepleier", "avtalen", "skolen", "ettervern", "plan", "rutine", "melding");

    @Test
    void scoresAndNormsAreTheIndexsOwnAcrossSegmentsAndRefreshes() throws IOException {
        Random random = new Random(5);
        SegmentCache<Map<String, DenseNorms.Values>> cache = DenseNorms.newCache();
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory d = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(d, config)) {
            add(w, random, 3);
            DirectoryReader plain = DirectoryReader.open(w);
            DirectoryReader dense = DenseNorms.wrap(DirectoryReader.open(w), cache);
            assertSame(plain, dense);
            add(w, random, 2);
            DirectoryReader plain2 = DirectoryReader.openIfChanged(plain, w);
            DirectoryReader dense2 = DirectoryReader.openIfChanged(dense, w);
            assertNotNull(dense2);
            plain.close();
            dense.close();
            assertEquals(5, dense2.leaves().size());
            assertEquals(5, cache.size(), "the three unchanged segments are read once, the two new ones added");
            assertSame(plain2, dense2);
            plain2.close();
            dense2.close();
        }
        assertEquals(0, cache.size(), "a closed segment's norms are dropped");
    }

    private static void assertSame(DirectoryReader plain, DirectoryReader dense) throws IOException {
        for (int leaf = 0; leaf < plain.leaves().size(); leaf++) {
            LeafReaderContext p = plain.leaves().get(leaf);
            LeafReaderContext q = dense.leaves().get(leaf);
            for (String field : DenseNorms.FIELDS) {
                NumericDocValues a = p.reader().getNormValues(field);
                NumericDocValues b = q.reader().getNormValues(field);
                for (int doc = a.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = a.nextDoc()) {
                    assertEquals(doc, b.nextDoc(), field);
                    assertEquals(a.longValue(), b.longValue(), field);
                }
                assertEquals(NumericDocValues.NO_MORE_DOCS, b.nextDoc(), field);
                // Looked up entry by entry, as scoring asks: the same entries have a norm, with the same values.
                NumericDocValues exact = p.reader().getNormValues(field);
                NumericDocValues denseExact = q.reader().getNormValues(field);
                for (int doc = 0; doc < p.reader().maxDoc(); doc++) {
                    boolean has = exact.advanceExact(doc);
                    assertEquals(has, denseExact.advanceExact(doc), field + " " + doc);
                    if (has) {
                        assertEquals(exact.longValue(), denseExact.longValue(), field + " " + doc);
                    }
                }
            }
        }
        IndexSearcher a = new IndexSearcher(plain);
        IndexSearcher b = new IndexSearcher(dense);
        for (List<String> words : List.of(List.of("barnevern"), List.of("tilsyn", "kommunen"), List.of("plan"),
                List.of("rutine"), List.of("ettervern", "melding", "skolen"))) {
            String text = String.join(" ", words);
            Query q = query(words);
            TopDocs x = a.search(q, 1000);
            TopDocs y = b.search(q, 1000);
            assertEquals(x.totalHits, y.totalHits, text);
            assertEquals(x.scoreDocs.length, y.scoreDocs.length, text);
            for (int i = 0; i < x.scoreDocs.length; i++) {
                ScoreDoc u = x.scoreDocs[i];
                ScoreDoc v = y.scoreDocs[i];
                assertEquals(u.doc, v.doc, text);
                assertEquals(Float.floatToIntBits(u.score), Float.floatToIntBits(v.score), text);
            }
        }
    }

    /** Every word required, each in the text, its parts or the heading, boosted as Evidens's query reader boosts them. */
    private static Query query(List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PassageSchema.TEXT, w)), BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term(PassageSchema.PARTS, w)), 0.4f), BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term(PassageSchema.HEADING, w)), 0.3f), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    /** Segments of passages of varying length and heading, each document's entry beside them with none of those fields. */
    private static void add(IndexWriter w, Random random, int segments) throws IOException {
        for (int s = 0; s < segments; s++) {
            for (int doc = 0; doc < 40; doc++) {
                Document entry = new Document();
                entry.add(new StringField(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT, Field.Store.NO));
                w.addDocument(entry);
                for (int n = 0; n < 1 + random.nextInt(6); n++) {
                    StringBuilder text = new StringBuilder("Kommunen skal");
                    for (int i = random.nextInt(40); i >= 0; i--) {
                        text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
                    }
                    String heading = random.nextInt(3) == 0 ? "" : "Rutine for " + WORDS.get(random.nextInt(WORDS.size()));
                    w.addDocument(FacetFilters.CONFIG.build(PassageSchema.toDocument(new Passage(Passage.idOf("sak", "d" + s + "-" + doc, n), "sak",
                            "d" + s + "-" + doc, "f.txt", "journal", "Tittel", heading, 1, 0, text.length(), text.toString(),
                            List.of(), List.of(), List.of(), Map.of()))));
                }
            }
            w.commit();
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.junit.jupiter.api.Test;

/** A BM25 setting per field: the fields named get their k1 and b, every other field Lucene's default. */
class FieldSimilarityTest {
    @Test
    void namedFieldsGetTheirOwnK1AndBOthersTheDefault() {
        FieldSimilarity s = FieldSimilarity.parse("text:0.9:0.5, heading:1.5:0.3");
        assertBm25(s, PassageSchema.TEXT, 0.9f, 0.5f);
        assertBm25(s, PassageSchema.HEADING, 1.5f, 0.3f);
        assertBm25(s, PassageSchema.PARTS, 1.2f, 0.75f);
    }

    @Test
    void anEntryWithoutK1AndBIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FieldSimilarity.parse("text:0.9"));
    }

    private static void assertBm25(FieldSimilarity s, String field, float k1, float b) {
        BM25Similarity bm25 = (BM25Similarity) s.get(field);
        assertEquals(k1, bm25.getK1(), 1e-6, field + " k1");
        assertEquals(b, bm25.getB(), 1e-6, field + " b");
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;

/**
 * The searches the tie-order tests ({@link FileOrderTest}, {@link StartOrderTest}) compare a sort of their own with
 * Lucene's on: every entry and the entries of each of the words {@code w1}, {@code w2}, at page sizes from one hit to the
 * whole index.
 */
final class SortAgreement {
    /** One search of the set, asked of a test. */
    interface Check {
        void run(IndexSearcher searcher, Query q, int n) throws IOException;
    }

    private SortAgreement() {
    }

    /** Runs {@code check} for each query and page size on {@code reader}. */
    static void forEachSearch(IndexReader reader, Check check) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query[] queries = {new MatchAllDocsQuery(), new TermQuery(new Term("word", "w1")), new TermQuery(new Term("word", "w2"))};
        for (Query q : queries) {
            for (int n : new int[] {1, 7, 40, reader.maxDoc()}) {
                check.run(searcher, q, n);
            }
        }
    }

    /** The hits of one search by the expected sort and by the sort under test. */
    record Hits(ScoreDoc[] want, ScoreDoc[] got) {
    }

    /** The two sorts give the same hits with the same scores (at least one hit). */
    static Hits assertSameHits(IndexSearcher searcher, Query q, int n, Sort expected, Sort actual) throws IOException {
        ScoreDoc[] want = searcher.search(q, n, expected, true).scoreDocs;
        ScoreDoc[] got = searcher.search(q, n, actual, true).scoreDocs;
        assertTrue(want.length > 0);
        assertArrayEquals(docs(want), docs(got), q + " " + actual);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].score, got[i].score);
        }
        return new Hits(want, got);
    }

    static int[] docs(ScoreDoc[] hits) {
        return Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
    }
}

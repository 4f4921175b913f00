package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The document (case/document id, {@link PassageSchema#DOC_KEY}) of every entry of one segment, read once from
 * the postings of that field and kept while the segment is open: a grouped search groups its hundreds of hits by
 * document, and the first page's cap looks up the documents of its hits, without reading their stored fields
 * (which costs a decompression per hit). The index has no doc values of the key, and the index format stays as
 * it is, hence this inversion. 4 bytes per entry, and each document's key once. Immutable once built.
 */
final class SegmentDocumentKeys {
    private static final int NONE = -1;

    /** Per entry, the number of its key, or {@value #NONE}. */
    private final int[] keyOfDoc;
    private final String[] keys;

    private SegmentDocumentKeys(int[] keyOfDoc, String[] keys) {
        this.keyOfDoc = keyOfDoc;
        this.keys = keys;
    }

    static SegmentDocumentKeys of(LeafReader leaf) throws IOException {
        int[] keyOfDoc = new int[leaf.maxDoc()];
        Arrays.fill(keyOfDoc, NONE);
        List<String> keys = new ArrayList<>();
        Terms terms = leaf.terms(PassageSchema.DOC_KEY);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                int number = keys.size();
                keys.add(term.utf8ToString());
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    keyOfDoc[doc] = number;
                }
            }
        }
        return new SegmentDocumentKeys(keyOfDoc, keys.toArray(String[]::new));
    }

    /** The key of an entry of the segment, or null when it has none (an index written before keys were). */
    String key(int doc) {
        int k = keyOfDoc[doc];
        return k == NONE ? null : keys[k];
    }
}

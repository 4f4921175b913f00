package no.evidens.index;

import java.io.IOException;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * Finds an entry by its id without an index of the ids. An entry's id is a stored value only (an index written before
 * also holds it as a term, which is not read): indexing every passage's id, a distinct term each, was about a tenth of
 * indexing's processor time (its term added, then sorted and written into the terms dictionary at each flush), for a
 * look-up that the document's key answers. A passage's id is its document's key ({@code case/document}), a slash and its
 * number, and a document's passages are written as one block in the order of their numbers, so the passage is the
 * number-th live passage under that key: that one is checked against its stored id, and only if it is not the passage
 * (a document written otherwise) every passage under the key is.
 */
final class EntryIds {
    private static final Set<String> ID = Set.of(PassageSchema.ID);
    private static final Query DOCUMENTS = new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT));

    private EntryIds() {
    }

    /** The Lucene document of the passage with this id on the snapshot, or -1. */
    static int passage(IndexSnapshot s, String passageId) throws IOException {
        int slash = passageId.lastIndexOf('/');
        if (slash <= 0) {
            return -1;
        }
        Query underKey = underKey(passageId.substring(0, slash), RankedSearch.PASSAGES);
        int number = number(passageId.substring(slash + 1));
        int count = s.count(underKey);
        if (number >= 0 && number < count) {
            // Ties in score are in index order, so the last of the first number + 1 is the number-th passage.
            ScoreDoc[] first = s.search(underKey, number + 1).scoreDocs;
            if (first.length == number + 1 && hasId(s, first[number].doc, passageId)) {
                return first[number].doc;
            }
        }
        for (ScoreDoc sd : s.search(underKey, Math.max(1, count)).scoreDocs) {
            if (hasId(s, sd.doc, passageId)) {
                return sd.doc;
            }
        }
        return -1;
    }

    /** The Lucene documents of the whole document's entry (its text) on the snapshot: at most one live. */
    static ScoreDoc[] document(IndexSnapshot s, String caseId, String docId) throws IOException {
        return s.search(underKey(PassageSchema.docKey(caseId, docId), DOCUMENTS), 1).scoreDocs;
    }

    /** A query matching the one entry {@code doc} of the snapshot {@code s}, good for that snapshot only. */
    static Query just(IndexSnapshot s, int doc) {
        java.util.List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FixedBitSet one = new FixedBitSet(leaf.reader().maxDoc());
        one.set(doc - leaf.docBase);
        FixedBitSet[] bySegment = new FixedBitSet[leaves.size()];
        bySegment[leaf.ord] = one;
        return new PassingHits(bySegment);
    }

    private static Query underKey(String docKey, Query kind) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.DOC_KEY, docKey)), BooleanClause.Occur.FILTER)
                .add(kind, BooleanClause.Occur.FILTER)
                .build();
    }

    private static boolean hasId(IndexSnapshot s, int doc, String id) throws IOException {
        return id.equals(s.storedFields().document(doc, ID).get(PassageSchema.ID));
    }

    /** The passage number at the end of an id, or -1 when it is not one. */
    private static int number(String tail) {
        if (tail.isEmpty() || tail.length() > 9) {
            return -1;
        }
        for (int i = 0; i < tail.length(); i++) {
            if (tail.charAt(i) < '0' || tail.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(tail);
    }
}

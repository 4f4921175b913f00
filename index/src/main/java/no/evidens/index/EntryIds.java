package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Finds an entry by its id without an index of the ids. An entry's id is a stored value only (an index written before
 * also holds it as a term, which is not read): indexing every passage's id, a distinct term each, was 7–16% of
 * indexing's processor time (its term added, then sorted and written into the terms dictionary at each flush; docs/search-speed-rounds.md,
 * "Twentieth round: indexing"), for a look-up that the document's key answers. A passage's id is its document's key
 * ({@code case/document}), a slash and its number, and a document's passages are written as one block in the order of
 * their numbers, so the passage is the number-th live passage under that key: that one is checked against its stored
 * id, and only if it is not the passage (a document written otherwise) every passage under the key is.
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
        return passages(s, passageId.substring(0, slash), List.of(passageId)).get(passageId);
    }

    /**
     * The Lucene documents of the passages with these ids, all of the document with key {@code docKey}, on the
     * snapshot (-1 for one not found): one search for the document's passages, then each one's stored id checked.
     */
    static Map<String, Integer> passages(IndexSnapshot s, String docKey, List<String> ids) throws IOException {
        Query underKey = underKey(docKey, RankedSearch.PASSAGES);
        int count = s.count(underKey);
        int[] numbers = new int[ids.size()];
        int last = 0;
        for (int i = 0; i < numbers.length; i++) {
            String id = ids.get(i);
            numbers[i] = id.startsWith(docKey) && id.length() > docKey.length() + 1 && id.charAt(docKey.length()) == '/'
                    ? number(id.substring(docKey.length() + 1)) : -1;
            last = Math.max(last, numbers[i]);
        }
        // Ties in score are in index order: the document's passages as written, the number-th at place number. The count
        // bounds the hits asked for by the document's passages, whatever number an id (a user's input) ends in.
        ScoreDoc[] inOrder = s.search(underKey, Math.max(1, Math.min(count, last + 1))).scoreDocs;
        Map<String, Integer> found = new HashMap<>();
        Map<String, Integer> byId = null;
        for (int i = 0; i < numbers.length; i++) {
            String id = ids.get(i);
            int number = numbers[i];
            if (number < 0) {
                found.put(id, -1);
            } else if (number < inOrder.length && hasId(s, inOrder[number].doc, id)) {
                found.put(id, inOrder[number].doc);
            } else {
                if (byId == null) {
                    byId = new HashMap<>();
                    for (ScoreDoc sd : s.search(underKey, Math.max(1, count)).scoreDocs) {
                        byId.put(s.storedFields().document(sd.doc, ID).get(PassageSchema.ID), sd.doc);
                    }
                }
                found.put(id, byId.getOrDefault(id, -1));
            }
        }
        return found;
    }

    /**
     * The Lucene documents of the passages with these ids, of any documents, on the snapshot: those found, by id, in the
     * order first asked for. {@link #passages} searches once per document, which for the hundreds of quotations of a
     * group's overview was hundreds of searches. Here one walk over each segment's document keys answers them all: each
     * key's postings (passages only, live only) are counted in index order, as that search's ties are, up to the highest
     * number asked for under it, and each candidate is checked against its stored id. A key where one is not found
     * there (an id that names no passage, or a document written otherwise) is searched as {@link #passages} does.
     */
    static Map<String, Integer> passagesOfAnyDocuments(IndexSnapshot s, Collection<String> ids) throws IOException {
        // by document key, the ids under it by their number (an id like "case/doc/07" shares its number with "case/doc/7")
        Map<String, Map<Integer, List<String>>> byKey = new TreeMap<>();
        for (String id : ids) {
            int slash = id.lastIndexOf('/');
            int number = slash <= 0 ? -1 : number(id.substring(slash + 1));
            if (number >= 0) {
                List<String> same = byKey.computeIfAbsent(id.substring(0, slash), k -> new HashMap<>()).computeIfAbsent(number, n -> new ArrayList<>(1));
                if (!same.contains(id)) {
                    same.add(id);
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> found = new HashMap<>();
        BytesRef passageKind = new BytesRef(PassageSchema.KIND_PASSAGE);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Terms keys = leaf.reader().terms(PassageSchema.DOC_KEY);
            Terms kinds = leaf.reader().terms(PassageSchema.KIND);
            if (keys == null || kinds == null) {
                continue;
            }
            TermsEnum keyTerms = keys.iterator();
            TermsEnum kindTerms = kinds.iterator();
            if (!kindTerms.seekExact(passageKind)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum key = null;
            PostingsEnum kind = null;
            for (Map.Entry<String, Map<Integer, List<String>>> e : byKey.entrySet()) {
                int last = e.getValue().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
                int before = seen.getOrDefault(e.getKey(), 0);
                if (before > last || !keyTerms.seekExact(new BytesRef(e.getKey()))) {
                    continue;
                }
                key = keyTerms.postings(key, PostingsEnum.NONE);
                kind = kindTerms.postings(kind, PostingsEnum.NONE);
                int at = before;
                for (int doc = key.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && at <= last; doc = key.nextDoc()) {
                    if (kind.docID() < doc) {
                        kind.advance(doc);
                    }
                    if (kind.docID() != doc || (live != null && !live.get(doc))) {
                        continue; // the document's own entry (its text), or a passage deleted
                    }
                    for (String id : e.getValue().getOrDefault(at, List.of())) {
                        if (hasId(s, leaf.docBase + doc, id)) {
                            found.put(id, leaf.docBase + doc);
                        }
                    }
                    at++;
                }
                seen.put(e.getKey(), at);
            }
        }
        for (Map.Entry<String, Map<Integer, List<String>>> e : byKey.entrySet()) {
            List<String> missed = e.getValue().values().stream().flatMap(List::stream).filter(id -> !found.containsKey(id)).toList();
            if (!missed.isEmpty()) {
                passages(s, e.getKey(), missed).forEach((id, doc) -> {
                    if (doc >= 0) {
                        found.put(id, doc);
                    }
                });
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String id : ids) {
            Integer doc = found.get(id);
            if (doc != null) {
                out.putIfAbsent(id, doc);
            }
        }
        return out;
    }

    /** The Lucene documents of the whole document's entry (its text) on the snapshot: at most one live. */
    static ScoreDoc[] document(IndexSnapshot s, String caseId, String docId) throws IOException {
        return s.search(underKey(PassageSchema.docKey(caseId, docId), DOCUMENTS), 1).scoreDocs;
    }

    /** A query matching the one entry {@code doc} of the snapshot {@code s}, good for that snapshot only. */
    static Query just(IndexSnapshot s, int doc) {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
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

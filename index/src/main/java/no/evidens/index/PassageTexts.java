package no.evidens.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The texts of passage entries, for one search on one thread. A passage whose text is its document's from its start to
 * its end has it stored once, in its document's entry ({@link PassageSchema#toDocument(Passage, SharedFields, String)}):
 * its text is cut from there, each document's text read once however many of its passages are asked for. An entry
 * that stores its own text (written before, or a text that is not its document's) gives that.
 */
final class PassageTexts {
    private static final Set<String> DOCUMENT_TEXT = Set.of(PassageSchema.DOC_TEXT);
    private static final BytesRef KIND_DOCUMENT = new BytesRef(PassageSchema.KIND_DOCUMENT);

    private final List<LeafReaderContext> leaves;
    private final StoredFields stored;
    /** The texts read so far, by the Lucene document of their document's entry. */
    private final Map<Integer, String> documentTexts = new HashMap<>();

    PassageTexts(IndexReader reader, StoredFields stored) {
        this.leaves = reader.leaves();
        this.stored = stored;
    }

    /** The text of the passage entry {@code doc}, whose stored fields {@code passage} hold at least its text, start and end. */
    String text(int doc, Document passage) throws IOException {
        String own = passage.get(PassageSchema.TEXT);
        if (own != null) {
            return own;
        }
        int entry = documentEntry(doc);
        String whole = documentTexts.get(entry);
        if (whole == null) {
            whole = stored.document(entry, DOCUMENT_TEXT).get(PassageSchema.DOC_TEXT);
            if (whole == null) {
                throw new CorruptIndexException("passage entry " + doc + " has no text of its own or of its document", "");
            }
            documentTexts.put(entry, whole);
        }
        return whole.substring(PassageSchema.intValue(passage, PassageSchema.START), PassageSchema.intValue(passage, PassageSchema.END));
    }

    /**
     * The entry of the passage's document: the first document entry from the passage on in its segment, as a document
     * and its passages are added as one block (passages first) and Lucene keeps a block's entries together and in order.
     */
    private int documentEntry(int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Terms kinds = leaf.reader().terms(PassageSchema.KIND);
        TermsEnum te = kinds == null ? null : kinds.iterator();
        if (te != null && te.seekExact(KIND_DOCUMENT)) {
            PostingsEnum entries = te.postings(null, PostingsEnum.NONE);
            int found = entries.advance(doc - leaf.docBase);
            if (found != DocIdSetIterator.NO_MORE_DOCS) {
                return leaf.docBase + found;
            }
        }
        throw new CorruptIndexException("passage entry " + doc + " has no document entry after it", leaf.reader().toString());
    }
}

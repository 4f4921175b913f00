package no.evidens.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A passage's shown fields ({@link PassageSchema#HIT_FIELDS}: what a hit shows) once more, as one binary doc value, so
 * that a page of hits reads them without stored fields. Stored fields are compressed in blocks: each hit in another
 * block costs a decompression of the block up to it (the page's second-largest piece of work on the searching
 * thread after highlighting, the thirty-ninth round); Lucene keeps binary doc values uncompressed, so a hit's
 * value is one slice of the file. The value holds the stored values of those fields in the order the passage's
 * document has them, each as its place in {@link #FIELDS} (doubled, plus one for a number) and its text or number:
 * read back, the same {@code Document} the stored fields give. The stored fields stay (every other reader of a
 * passage uses them), and a segment written before the doc value existed is read from them.
 */
final class ShownFields {
    /** The doc value's field. */
    static final String FIELD = "shown";
    /** The layout of the value, its first byte: a value of another layout is not read (the stored fields are). */
    private static final byte LAYOUT = 1;
    /** The shown fields in a fixed order: a value names a field by its place here. */
    private static final List<String> FIELDS = List.of(PassageSchema.ID, PassageSchema.CASE, PassageSchema.DOC,
            PassageSchema.FILE, PassageSchema.TYPE, PassageSchema.TITLE, PassageSchema.HEADING, PassageSchema.TEXT,
            PassageSchema.PAGE, PassageSchema.START, PassageSchema.END, PassageSchema.QUOTE, PassageSchema.INDICATOR,
            PassageSchema.LAW, PassageSchema.INDICATOR_WHY);

    private ShownFields() {
    }

    /** The doc value of a passage's Lucene document {@code d}: its stored shown fields, in its order. */
    static IndexableField of(Document d) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(LAYOUT);
            for (IndexableField f : d.getFields()) {
                int place = FIELDS.indexOf(f.name());
                if (place < 0 || !f.fieldType().stored()) {
                    continue;
                }
                Number number = f.numericValue();
                if (number != null) {
                    out.writeVInt(2 * place + 1);
                    out.writeZInt(number.intValue());
                } else {
                    out.writeVInt(2 * place);
                    out.writeString(f.stringValue());
                }
            }
        } catch (IOException inMemory) {
            throw new IllegalStateException(inMemory);
        }
        return new BinaryDocValuesField(FIELD, new BytesRef(out.toArrayCopy()));
    }

    /** The value as the stored fields give it: each text a stored text field, each number a stored int. */
    private static Document read(BytesRef value) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        in.readByte();
        Document d = new Document();
        while (!in.eof()) {
            int tag = in.readVInt();
            String name = FIELDS.get(tag >>> 1);
            d.add((tag & 1) == 1 ? new StoredField(name, in.readZInt()) : new StoredField(name, in.readString(), TextField.TYPE_STORED));
        }
        return d;
    }

    /**
     * Puts the shown fields of each of {@code docs} (Lucene documents of {@code s}, in increasing order, each once) into
     * {@code byDoc}: from the doc value where the entry has one, else from {@code stored}.
     */
    static void read(IndexSnapshot s, StoredFields stored, int[] docs, Map<Integer, Document> byDoc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int leaf = -1;
        BinaryDocValues values = null;
        for (int doc : docs) {
            if (leaf < 0 || doc >= leaves.get(leaf).docBase + leaves.get(leaf).reader().maxDoc()) {
                leaf = ReaderUtil.subIndex(doc, leaves);
                values = leaves.get(leaf).reader().getBinaryDocValues(FIELD);
            }
            Document d = null;
            if (values != null && values.advanceExact(doc - leaves.get(leaf).docBase)) {
                BytesRef value = values.binaryValue();
                if (value.length > 0 && value.bytes[value.offset] == LAYOUT) {
                    d = read(value);
                }
            }
            byDoc.put(doc, d != null ? d : stored.document(doc, PassageSchema.HIT_FIELDS));
        }
    }
}

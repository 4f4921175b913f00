package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * What a passage's index entry stores besides its text, read back from the entry: one binary stored value
 * ({@link PassageSchema#STORED}) in an encoding of our own, or, in an entry written before, one stored field per value.
 * <p>
 * Why one value: Lucene's stored-fields writer takes each stored field on its own (its field number and type, the
 * indexing chain's per-field work, the value written by itself), and a passage had about fifteen of them, most a few
 * bytes long (ids, numbers, a type). Written as one value they cost the chain one field; Lucene still compresses the
 * stored block as a whole. Integers and strings are encoded as Lucene's {@code DataOutput} writes them ({@link Writer}):
 * a format byte, then the values in a fixed order, lists as a count and their items.
 *
 * @param indicatorReasons each reason in its stored form ({@link IndicatorReason#encode()})
 * @param date             the document's day (ISO yyyy-MM-dd) as the index sorts on it, or null (none, or an entry
 *                         written before that was read without it)
 * @param documentFacets   the document's facet values as indexed (lower case), empty when absent or not read
 */
public record StoredPassage(String passageId, String caseId, String docId, String file, String type, String title,
                            String heading, int page, int start, int end, List<String> quotes, List<String> indicators,
                            List<String> laws, List<String> indicatorReasons, String date,
                            Map<String, String> documentFacets) {
    /** The first byte of the encoding: a later change of it takes another number and reads this one still. */
    private static final byte FORMAT = 1;

    public StoredPassage {
        quotes = List.copyOf(quotes);
        indicators = List.copyOf(indicators);
        laws = List.copyOf(laws);
        indicatorReasons = List.copyOf(indicatorReasons);
        documentFacets = Map.copyOf(documentFacets);
    }

    /**
     * Encodes the stored values of a block's passages, one after another into one buffer, each passage's value a slice
     * of it (Lucene reads a field's bytes only while it adds the block, and the buffer is never written over, only
     * replaced when it grows): no array per passage. Integers and strings as Lucene's {@code DataOutput} writes them
     * (a variable-length integer; a string as its UTF-8 length and bytes), so that {@link #decode} reads them with
     * Lucene's {@code DataInput}; written here rather than through a {@code DataOutput} so that no copy is made.
     */
    static final class Writer {
        private byte[] buf = new byte[1 << 12];
        private int length;
        private int start;

        /** Starts a passage's value. */
        Writer begin() {
            start = length;
            ensure(1);
            buf[length++] = FORMAT;
            return this;
        }

        Writer string(String s) {
            int utf8 = UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length());
            number(utf8);
            ensure(utf8);
            length = UnicodeUtil.UTF16toUTF8(s, 0, s.length(), buf, length);
            return this;
        }

        Writer number(int i) {
            ensure(5);
            while ((i & ~0x7F) != 0) {
                buf[length++] = (byte) ((i & 0x7F) | 0x80);
                i >>>= 7;
            }
            buf[length++] = (byte) i;
            return this;
        }

        Writer strings(List<String> list) {
            number(list.size());
            for (String s : list) {
                string(s);
            }
            return this;
        }

        /** The passage's value begun last, as a stored field. */
        StoredField end() {
            return new StoredField(PassageSchema.STORED, new BytesRef(buf, start, length - start));
        }

        private void ensure(int more) {
            if (length + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
            }
        }
    }

    /** The values {@link Writer} wrote, read back. */
    static StoredPassage decode(BytesRef bytes) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: reading from memory", e);
        }
    }

    private static StoredPassage read(ByteArrayDataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException("passage values in an unknown format (" + format
                    + "): the index was written by a later version of Evidens");
        }
        // The order PassageSchema.toDocument writes them in.
        String id = in.readString();
        String caseId = in.readString();
        String docId = in.readString();
        String file = in.readString();
        String type = in.readString();
        String title = in.readString();
        String heading = in.readString();
        List<String> laws = strings(in);
        List<String> reasons = strings(in);
        String date = in.readString();
        int page = in.readVInt();
        int start = in.readVInt();
        int end = in.readVInt();
        List<String> quotes = strings(in);
        List<String> indicators = strings(in);
        int facets = in.readVInt();
        Map<String, String> documentFacets = new LinkedHashMap<>();
        for (int i = 0; i < facets; i++) {
            documentFacets.put(in.readString(), in.readString());
        }
        return new StoredPassage(id, caseId, docId, file, type, title, heading, page, start, end, quotes, indicators,
                laws, reasons, date.isEmpty() ? null : date, documentFacets);
    }

    private static List<String> strings(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        if (n == 0) {
            return List.of();
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readString();
        }
        return Arrays.asList(out);
    }

    /**
     * The stored values of a passage's entry as loaded from the index (at least {@link PassageSchema#STORED}, and for
     * an entry written before it, the fields asked for; a number not loaded reads as 0), or null when the entry is not
     * a passage's.
     */
    public static StoredPassage of(Document d) {
        BytesRef bytes = d.getBinaryValue(PassageSchema.STORED);
        if (bytes != null) {
            return decode(bytes);
        }
        if (d.get(PassageSchema.DOC_TEXT) != null || d.get(PassageSchema.ID) == null) {
            return null;
        }
        Map<String, String> facets = new LinkedHashMap<>();
        for (String dim : PassageSchema.DOCUMENT_FACETS) {
            if (d.get(dim) != null) {
                facets.put(dim, d.get(dim));
            }
        }
        return new StoredPassage(d.get(PassageSchema.ID), d.get(PassageSchema.CASE), d.get(PassageSchema.DOC),
                d.get(PassageSchema.FILE), d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE), d.get(PassageSchema.HEADING),
                intValue(d, PassageSchema.PAGE), intValue(d, PassageSchema.START), intValue(d, PassageSchema.END),
                values(d, PassageSchema.QUOTE), values(d, PassageSchema.INDICATOR), values(d, PassageSchema.LAW),
                values(d, PassageSchema.INDICATOR_WHY), d.get(PassageSchema.DATE), facets);
    }

    private static List<String> values(Document d, String field) {
        IndexableField[] fields = d.getFields(field);
        List<String> out = new ArrayList<>(fields.length);
        for (IndexableField f : fields) {
            out.add(f.stringValue());
        }
        return out;
    }

    private static int intValue(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
    }
}

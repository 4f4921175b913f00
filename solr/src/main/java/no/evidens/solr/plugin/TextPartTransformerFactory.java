package no.evidens.solr.plugin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.IndexableField;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;

import no.evidens.index.PassageSchema;

/**
 * A part of a document entry's stored text, cut on the node: {@code fl=…,part:[evidensPart from=100 to=2000]} answers
 * {@code part} as {@code {text: the characters [from, to) of docText (clipped to it), length: the whole text's length}}
 * and leaves the whole text out, so that a window of a large document moves its window's characters only. One value,
 * not two fields: a collection of several shards passes on only the fields named in {@code fl}. Solr has nothing that
 * cuts a stored field (highlighting's fragments are chosen by matches, not offsets). An entry without the stored text (a
 * passage) is left as it is.
 */
public final class TextPartTransformerFactory extends TransformerFactory {
    /** The key of the part's text in the answer's value. */
    public static final String TEXT = "text";
    /** The key of the whole text's length in the answer's value. */
    public static final String LENGTH = "length";

    @Override
    public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
        int from = offset(params, "from", 0);
        int to = offset(params, "to", Integer.MAX_VALUE);
        return new DocTransformer() {
            @Override
            public String getName() {
                return field;
            }

            @Override
            public String[] getExtraRequestFields() {
                return new String[] {PassageSchema.DOC_TEXT};
            }

            /** Solr's own abstract method, deprecated in 9 but still the one each of its transformers implements. */
            @Deprecated
            @Override
            public void transform(SolrDocument doc, int docid) {
                Object stored = doc.getFirstValue(PassageSchema.DOC_TEXT);
                if (stored == null) {
                    return;
                }
                // a field read for a transformer only comes as Lucene has it, not turned into its value
                String text = stored instanceof IndexableField f ? f.stringValue() : stored.toString();
                int start = Math.min(from, text.length());
                Map<String, Object> part = new LinkedHashMap<>();
                part.put(TEXT, text.substring(start, Math.max(start, Math.min(to, text.length()))));
                part.put(LENGTH, text.length());
                doc.setField(field, part);
                doc.removeFields(PassageSchema.DOC_TEXT);
            }
        };
    }

    private static int offset(SolrParams params, String name, int otherwise) {
        String value = params.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "evidensPart: " + name + " must be an offset (0 or more), not " + value);
    }
}

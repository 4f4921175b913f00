package no.evidens.solr.plugin;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;

import no.evidens.index.PassageSchema;

/**
 * A part of a document entry's stored text, cut on the node: {@code fl=…,part:[evidensPart from=100 to=2000]} answers
 * the characters {@code [from, to)} of {@code docText} (clipped to it) as {@code part}, the whole text's length as
 * {@code partLength}, and leaves the whole text out, so that a window of a large document moves its window's characters
 * only. Solr has nothing that cuts a stored field (highlighting's fragments are chosen by matches, not offsets). An entry
 * without the stored text (a passage) is left as it is.
 */
public final class TextPartTransformerFactory extends TransformerFactory {
    /** The field beside the part that holds the whole text's length. */
    public static final String LENGTH_SUFFIX = "Length";

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

            @Override
            public void transform(SolrDocument doc, int docid) {
                Object stored = doc.getFirstValue(PassageSchema.DOC_TEXT);
                if (stored == null) {
                    return;
                }
                String text = stored.toString();
                int start = Math.min(from, text.length());
                doc.setField(field, text.substring(start, Math.max(start, Math.min(to, text.length()))));
                doc.setField(field + LENGTH_SUFFIX, text.length());
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

package no.evidens.solr.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.apache.lucene.document.StoredField;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.MapSolrParams;
import org.apache.solr.response.transform.DocTransformer;
import org.junit.jupiter.api.Test;

import no.evidens.index.PassageSchema;

class TextPartTransformerFactoryTest {
    private static DocTransformer part(Map<String, String> params) {
        return new TextPartTransformerFactory().create("part", new MapSolrParams(params), null);
    }

    /** As the node's response writer calls it (one entry, its score). */
    private static void cut(DocTransformer t, SolrDocument d) throws Exception {
        t.transform(d, 0, () -> 1f);
    }

    private static SolrDocument document(String text) {
        SolrDocument d = new SolrDocument();
        d.setField(PassageSchema.ID, "sak/dok");
        d.setField(PassageSchema.DOC_TEXT, text);
        return d;
    }

    @Test
    void theNodeAnswersThePartAndTheLengthAndNotTheWholeText() throws Exception {
        DocTransformer t = part(Map.of("from", "3", "to", "7"));
        assertArrayEquals(new String[] {PassageSchema.DOC_TEXT}, t.getExtraRequestFields(), "the stored text is read");
        SolrDocument d = document("0123456789");
        cut(t, d);
        assertEquals(Map.of("text", "3456", "length", 10), d.getFieldValue("part"));
        assertFalse(d.containsKey(PassageSchema.DOC_TEXT), "the whole text is not sent");
        assertEquals("sak/dok", d.getFieldValue(PassageSchema.ID));
    }

    @Test
    void theStoredFieldAsLuceneReadsItIsCutToo() throws Exception {
        SolrDocument d = new SolrDocument();
        d.setField(PassageSchema.DOC_TEXT, new StoredField(PassageSchema.DOC_TEXT, "0123456789"));
        cut(part(Map.of("from", "2", "to", "4")), d);
        assertEquals(Map.of("text", "23", "length", 10), d.getFieldValue("part"));
    }

    @Test
    void aPartReachingPastTheEndIsCutAtTheEnd() throws Exception {
        SolrDocument d = document("0123456789");
        cut(part(Map.of("from", "8", "to", "20")), d);
        assertEquals(Map.of("text", "89", "length", 10), d.getFieldValue("part"));
        SolrDocument past = document("0123456789");
        cut(part(Map.of("from", "15")), past);
        assertEquals(Map.of("text", "", "length", 10), past.getFieldValue("part"));
    }

    @Test
    void aPassageWithoutTheStoredTextIsLeftAsItIs() throws Exception {
        SolrDocument passage = new SolrDocument();
        passage.setField(PassageSchema.ID, "sak/dok/1");
        cut(part(Map.of()), passage);
        assertEquals(1, passage.size());
    }

    @Test
    void anOffsetThatIsNoneIsABadRequest() {
        SolrException e = assertThrows(SolrException.class, () -> part(Map.of("from", "-1")));
        assertEquals(400, e.code());
        assertEquals(400, assertThrows(SolrException.class, () -> part(Map.of("to", "tolv"))).code());
    }
}

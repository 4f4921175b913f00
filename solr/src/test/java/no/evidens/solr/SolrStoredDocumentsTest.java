package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.StoredDocument;

/**
 * A case's documents read back for a re-tagging, against a collection that answers as Solr would from the entries the sink
 * writes: listed, then read a group at a time in three requests (not three per document), each text exactly as written
 * (from its pieces, or whole from an entry of the layout before round 51), each passage as written, and a group that stops
 * before the characters it would hold run over.
 */
class SolrStoredDocumentsTest {
    private static final String CASE = "sak";

    /** The collection's entries, and the requests it was asked. */
    private static final class Collection implements SolrPages.Ask {
        final List<SolrDocument> entries = new ArrayList<>();
        final List<SolrQuery> asked = new ArrayList<>();

        void write(IndexedDocument doc, List<Passage> passages) {
            for (SolrInputDocument in : SolrFields.block(doc, passages)) {
                SolrDocument d = new SolrDocument();
                for (SolrInputField f : in) {
                    d.setField(f.getName(), f.getValue());
                }
                entries.add(d);
            }
        }

        @Override
        public QueryResponse query(SolrQuery q) {
            asked.add(q.getCopy());
            String keys = q.get("evidensKeys");
            Set<String> wanted = keys == null ? null : Set.copyOf(Arrays.asList(keys.split("\u001f")));
            SolrDocumentList found = new SolrDocumentList();
            for (SolrDocument d : entries) {
                boolean match = wanted == null || wanted.contains(String.valueOf(d.getFirstValue(PassageSchema.DOC_KEY)));
                for (String fq : q.getFilterQueries()) {
                    for (String field : List.of(PassageSchema.KIND, PassageSchema.CASE)) {
                        String prefix = "{!term f=" + field + "}";
                        if (fq.startsWith(prefix) && !fq.substring(prefix.length()).equals(String.valueOf(d.getFirstValue(field)))) {
                            match = false;
                        }
                    }
                }
                if (match) {
                    found.add(d);
                }
            }
            found.setNumFound(found.size());
            NamedList<Object> answer = new NamedList<>();
            answer.add("response", found);
            return new QueryResponse(answer, null);
        }
    }

    private static IndexedDocument document(String id, String text) {
        return new IndexedDocument(id, CASE, "mappe/" + id + ".txt", "notat", "Notat " + id, "sha-" + id, "text/plain", text,
                List.of(0, text.length() / 2), "2");
    }

    /** Passages of ten characters each, the first with tags, as the index keeps them (laws and facets in lower case). */
    private static List<Passage> passages(IndexedDocument doc, int n) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int start = i * 10;
            out.add(new Passage(Passage.idOf(CASE, doc.docId(), i + 1), CASE, doc.docId(), doc.file(), "notat", doc.title(),
                    i == 0 ? "Innledning" : "", 1, start, start + 10, doc.text().substring(start, start + 10),
                    i == 0 ? List.of("«sitat»") : List.of(), i == 0 ? List.of("taushetsplikt") : List.of(),
                    i == 0 ? List.of("barnevernloven § 6-7") : List.of(), Map.of(PassageSchema.MUNICIPALITY, "fjordvik",
                    PassageSchema.YEAR, "2024", PassageSchema.DATE, "2024-03-01")));
        }
        return out;
    }

    private static String text(int length, char c) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // a surrogate pair now and then, so a piece may end one character early
            s.append(i % 997 == 5 ? "\uD83D\uDE00" : String.valueOf((char) (c + i % 20)));
        }
        return s.substring(0, length);
    }

    @Test
    void aGroupOfDocumentsIsReadInThreeRequestsEachTextAndPassageAsWritten() throws Exception {
        Collection solr = new Collection();
        List<IndexedDocument> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            IndexedDocument d = document("d" + (100 + i), text(i == 7 ? 200_000 : 300 + i, 'a'));
            docs.add(d);
            solr.write(d, passages(d, 5));
        }
        // an entry of the layout before round 51: its text whole in the entry, no length, no pieces
        IndexedDocument old = document("d099", text(500, 'A'));
        solr.write(old, passages(old, 3));
        solr.entries.removeIf(e -> SolrFields.KIND_PIECE.equals(e.getFirstValue(PassageSchema.KIND))
                && "sak/d099".equals(e.getFirstValue(PassageSchema.DOC_KEY)));
        solr.entries.stream().filter(e -> "sak/d099".equals(e.getFirstValue(PassageSchema.DOC_KEY))
                && PassageSchema.KIND_DOCUMENT.equals(e.getFirstValue(PassageSchema.KIND))).forEach(e -> {
                    e.removeFields(PassageSchema.END);
                    e.setField(PassageSchema.DOC_TEXT, old.text());
                });

        SolrStoredDocuments read = new SolrStoredDocuments(solr);
        List<StoredDocument.Entry> entries = read.entries(CASE);
        assertEquals(31, entries.size());
        assertEquals("d099", entries.get(0).docId(), "by file, as the embedded index lists them");
        solr.asked.clear();

        StoredDocument.Read all = read.first(entries);
        assertEquals(31, all.read());
        assertEquals(3, solr.asked.size(), "entries, pieces, passages: one request each for the whole group");
        assertEquals(old, all.documents().get(0).document(), "the old layout's text read whole");
        for (int i = 0; i < 30; i++) {
            StoredDocument d = all.documents().get(i + 1);
            assertEquals(docs.get(i), d.document(), "its text put together from its pieces exactly");
            assertEquals(passages(docs.get(i), 5), d.passages());
            assertEquals(Map.of(PassageSchema.MUNICIPALITY, "fjordvik", PassageSchema.YEAR, "2024", PassageSchema.DATE, "2024-03-01"),
                    d.facets());
        }
    }

    @Test
    void aGroupStopsBeforeItsTextsWouldRunOverAndALargeDocumentGoesAlone() throws Exception {
        Collection solr = new Collection();
        IndexedDocument small = document("a", text(1_000, 'a'));
        IndexedDocument large = document("b", text((int) EvidenceSink.READ_CHARS + 10, 'b'));
        IndexedDocument after = document("c", text(1_000, 'c'));
        for (IndexedDocument d : List.of(small, large, after)) {
            solr.write(d, passages(d, 2));
        }
        SolrStoredDocuments read = new SolrStoredDocuments(solr);
        List<StoredDocument.Entry> entries = read.entries(CASE);
        StoredDocument.Read first = read.first(entries);
        assertEquals(1, first.read(), "the large one does not join the small one's group");
        StoredDocument.Read second = read.first(entries.subList(1, 3));
        assertEquals(1, second.read(), "it goes alone");
        assertEquals(large, second.documents().get(0).document());
        assertEquals(List.of(after), read.first(entries.subList(2, 3)).documents().stream().map(StoredDocument::document).toList());
    }
}

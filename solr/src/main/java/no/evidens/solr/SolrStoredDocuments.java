package no.evidens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;
import no.evidens.index.StoredDocument;

/**
 * A case's documents read back from the collection with their passages as stored, for a re-tagging in place: the list of
 * them in pages ({@link SolrPages}), then the documents a group at a time, in three requests per group (their entries, the
 * pieces of their texts, their passages; each a {@code terms} filter on the documents' keys) where one document at a time
 * would take three each. A text stored in pieces is put together from them exactly ({@link SolrEvidenceIndex#text}); an
 * entry written before round 51 holds its text whole. Thread-safe.
 */
final class SolrStoredDocuments {
    /** The most documents read in one group. */
    static final int GROUP = 200;
    /** Between the keys of a {@code terms} filter: a character no key holds. */
    private static final String SEPARATOR = "\u001f";

    private final SolrPages.Ask ask;
    /** The length of each listed document's text, by its key, as its entry gave it (an entry of the old layout has none). */
    private final Map<String, Integer> lengths = new ConcurrentHashMap<>();

    SolrStoredDocuments(SolrPages.Ask ask) {
        this.ask = ask;
    }

    /** The documents of a case (every case when null), by case, then file, as the embedded index lists them. */
    List<StoredDocument.Entry> entries(String caseId) throws IOException {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(SolrSearches.term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT));
        if (caseId != null) {
            q.addFilterQuery(SolrSearches.term(PassageSchema.CASE, caseId));
        }
        q.setFields(PassageSchema.CASE, PassageSchema.DOC, PassageSchema.FILE, PassageSchema.END);
        List<StoredDocument.Entry> out = new ArrayList<>();
        SolrPages.each(q, ask, page -> {
            for (SolrDocument d : page) {
                StoredDocument.Entry e = new StoredDocument.Entry(str(d, PassageSchema.CASE), str(d, PassageSchema.DOC),
                        str(d, PassageSchema.FILE));
                if (d.getFirstValue(PassageSchema.END) instanceof Number n) {
                    lengths.put(SolrFields.docKey(e.caseId(), e.docId()), n.intValue());
                }
                out.add(e);
            }
        });
        out.sort(Comparator.comparing(StoredDocument.Entry::caseId).thenComparing(StoredDocument.Entry::file)
                .thenComparing(StoredDocument.Entry::docId));
        return out;
    }

    /**
     * The first documents of {@code entries}: at least one, then as many as fit {@link EvidenceSink#READ_CHARS} characters of
     * text (their lengths as {@link #entries} listed them; one of the old layout, or not listed, counted as a piece) and
     * {@value #GROUP} documents.
     */
    StoredDocument.Read first(List<StoredDocument.Entry> entries) throws IOException {
        int n = 0;
        long chars = 0;
        while (n < entries.size() && n < GROUP) {
            long length = lengths.getOrDefault(key(entries.get(n)), SolrFields.PIECE);
            if (n > 0 && chars + length > EvidenceSink.READ_CHARS) {
                break;
            }
            chars += length;
            n++;
        }
        List<StoredDocument.Entry> group = entries.subList(0, n);
        List<String> keys = group.stream().map(SolrStoredDocuments::key).toList();

        Map<String, SolrDocument> documents = new HashMap<>();
        SolrQuery q = ofKind(PassageSchema.KIND_DOCUMENT, keys);
        q.setFields("*");
        SolrPages.each(q, ask, page -> page.forEach(d -> documents.put(docKey(d), d)));

        Map<String, List<SolrDocument>> pieces = new HashMap<>();
        q = ofKind(SolrFields.KIND_PIECE, keys);
        q.setFields(PassageSchema.CASE, PassageSchema.DOC, PassageSchema.START, PassageSchema.DOC_TEXT);
        SolrPages.each(q, ask, page -> page.forEach(d -> pieces.computeIfAbsent(docKey(d), k -> new ArrayList<>()).add(d)));

        Map<String, List<Passage>> passages = new HashMap<>();
        q = ofKind(PassageSchema.KIND_PASSAGE, keys);
        q.setFields(SolrFields.PASSAGE_FIELDS);
        SolrPages.each(q, ask, page -> page.forEach(d -> passages.computeIfAbsent(docKey(d), k -> new ArrayList<>())
                .add(SolrFields.toPassage(d))));

        List<StoredDocument> out = new ArrayList<>();
        for (StoredDocument.Entry e : group) {
            SolrDocument d = documents.get(key(e));
            if (d != null) {
                out.add(stored(e, d, pieces.getOrDefault(key(e), List.of()), passages.getOrDefault(key(e), List.of())));
            }
        }
        return new StoredDocument.Read(n, out);
    }

    /** One document from its entry, its pieces and its passages as read. */
    private static StoredDocument stored(StoredDocument.Entry e, SolrDocument entry, List<SolrDocument> pieces,
                                         List<Passage> passages) throws IOException {
        if (entry.getFirstValue(PassageSchema.DOC_TEXT) == null && entry.getFirstValue(PassageSchema.END) instanceof Number n) {
            List<SolrDocument> inOrder = new ArrayList<>(pieces);
            inOrder.sort(Comparator.comparingInt(p -> ((Number) p.getFirstValue(PassageSchema.START)).intValue()));
            entry.setField(PassageSchema.DOC_TEXT, SolrEvidenceIndex.text(e.caseId(), e.docId(), inOrder, 0, n.intValue()));
        }
        IndexedDocument document = SolrFields.toIndexedDocument(entry);
        List<Passage> sorted = new ArrayList<>(passages);
        sorted.sort(Comparator.comparingInt(Passage::start).thenComparingInt(Passage::end));
        // the document's facets as its first passage carries them, as the embedded index's read-back gives them
        Map<String, String> facets = sorted.isEmpty() ? Map.of() : new LinkedHashMap<>(sorted.get(0).documentFacets());
        return new StoredDocument(document, facets, sorted);
    }

    /** The entries of one kind of these documents (rows: paged by {@link SolrPages}). */
    private static SolrQuery ofKind(String kind, List<String> keys) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(SolrSearches.term(PassageSchema.KIND, kind));
        q.set("evidensKeys", String.join(SEPARATOR, keys));
        q.addFilterQuery("{!terms f=" + PassageSchema.DOC_KEY + " separator='" + SEPARATOR + "' v=$evidensKeys}");
        return q;
    }

    private static String key(StoredDocument.Entry e) {
        return SolrFields.docKey(e.caseId(), e.docId());
    }

    private static String docKey(SolrDocument d) {
        return SolrFields.docKey(str(d, PassageSchema.CASE), str(d, PassageSchema.DOC));
    }

    private static String str(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? null : v.toString();
    }
}

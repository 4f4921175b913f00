package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** Reads documents and their passages back from the embedded index's stored fields, for {@link EvidenceSink#stored}. */
final class StoredDocuments {
    /** The document facets a passage stores, in the order the ingestion builds them. */
    private static final List<String> FACETS = List.of(PassageSchema.MUNICIPALITY, PassageSchema.SERVICE, PassageSchema.YEAR,
            PassageSchema.DATE);

    private StoredDocuments() {
    }

    /** The documents of a case (every case when null), by case, then file. */
    static List<StoredDocument.Entry> entries(IndexSearcher searcher, String caseId) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT)), BooleanClause.Occur.FILTER);
        if (caseId != null) {
            q.add(new TermQuery(new Term(PassageSchema.CASE, caseId)), BooleanClause.Occur.FILTER);
        }
        List<StoredDocument.Entry> out = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        java.util.Set<String> fields = java.util.Set.of(PassageSchema.CASE, PassageSchema.DOC, PassageSchema.FILE);
        for (ScoreDoc hit : all(searcher, q.build())) {
            Document d = stored.document(hit.doc, fields);
            out.add(new StoredDocument.Entry(d.get(PassageSchema.CASE), d.get(PassageSchema.DOC), d.get(PassageSchema.FILE)));
        }
        out.sort(Comparator.comparing(StoredDocument.Entry::caseId).thenComparing(StoredDocument.Entry::file)
                .thenComparing(StoredDocument.Entry::docId));
        return out;
    }

    /** One document with its passages as stored, or empty when the index has no such document. */
    static Optional<StoredDocument> read(IndexSearcher searcher, String caseId, String docId) throws IOException {
        Term key = new Term(PassageSchema.DOC_KEY, PassageSchema.docKey(caseId, docId));
        StoredFields stored = searcher.storedFields();
        IndexedDocument document = null;
        for (ScoreDoc hit : all(searcher, ofKind(key, PassageSchema.KIND_DOCUMENT))) {
            document = PassageSchema.toIndexedDocument(stored.document(hit.doc));
        }
        if (document == null) {
            return Optional.empty();
        }
        List<Passage> passages = new ArrayList<>();
        Map<String, String> facets = new LinkedHashMap<>();
        for (ScoreDoc hit : all(searcher, ofKind(key, PassageSchema.KIND_PASSAGE))) {
            Document d = stored.document(hit.doc);
            if (passages.isEmpty()) {
                for (String f : FACETS) {
                    String v = d.get(f);
                    if (v != null) {
                        facets.put(f, v);
                    }
                }
            }
            passages.add(passage(d));
        }
        passages.sort(Comparator.comparingInt(Passage::start).thenComparingInt(Passage::end));
        return Optional.of(new StoredDocument(document, facets, passages));
    }

    private static Passage passage(Document d) {
        Map<String, String> facets = new LinkedHashMap<>();
        for (String f : FACETS) {
            String v = d.get(f);
            if (v != null) {
                facets.put(f, v);
            }
        }
        String heading = d.get(PassageSchema.HEADING);
        return new Passage(d.get(PassageSchema.ID), d.get(PassageSchema.CASE), d.get(PassageSchema.DOC),
                d.get(PassageSchema.FILE), d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE), heading == null ? "" : heading,
                PassageSchema.intValue(d, PassageSchema.PAGE), PassageSchema.intValue(d, PassageSchema.START),
                PassageSchema.intValue(d, PassageSchema.END), d.get(PassageSchema.TEXT),
                PassageSchema.values(d, PassageSchema.QUOTE), PassageSchema.values(d, PassageSchema.INDICATOR),
                PassageSchema.values(d, PassageSchema.LAW), facets,
                IndicatorReason.decodeAll(PassageSchema.values(d, PassageSchema.INDICATOR_WHY)));
    }

    private static Query ofKind(Term key, String kind) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.KIND, kind)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(key), BooleanClause.Occur.FILTER)
                .build();
    }

    private static ScoreDoc[] all(IndexSearcher searcher, Query q) throws IOException {
        int n = searcher.count(q);
        return n == 0 ? new ScoreDoc[0] : searcher.search(q, n).scoreDocs;
    }
}

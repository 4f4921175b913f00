package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passage's text is stored once, in its document's entry, when it is the document's text from its start to its end;
 * searches, look-ups and marks give each passage the text it was written with, whether it was cut from its document's,
 * stored in its own entry (a text that is not its document's), or written by an index before the change.
 */
class PassageTextsTest {
    /** Made-up sentences: a heading, then three paragraphs. */
    private static final String HEADING = "Skolens ansvar";
    private static final List<String> PARAGRAPHS = List.of(
            "Rektor skal sørge for at eleven får oppfølging i skolen.",
            "Kontaktlæreren har samtaler med foreldrene hver måned.",
            "Skolen har ikke rutiner for oppfølging av fravær.");

    @TempDir
    Path dir;

    /** A document whose text is its heading and paragraphs, and its passages (one per paragraph) cut from that text. */
    private static IndexedDocument document(String docId, List<Passage> passages) {
        StringBuilder text = new StringBuilder(HEADING);
        for (int i = 0; i < PARAGRAPHS.size(); i++) {
            text.append("\n\n");
            int start = text.length();
            text.append(PARAGRAPHS.get(i));
            passages.add(new Passage(Passage.idOf("sak-1", docId, i), "sak-1", docId, docId + ".txt", "rapport", "Rapport",
                    HEADING, 1, start, text.length(), PARAGRAPHS.get(i), List.of(), List.of()));
        }
        return new IndexedDocument(docId, "sak-1", docId + ".txt", "rapport", "Rapport", "sha-" + docId, "text/plain",
                text.toString(), List.of(0));
    }

    private static List<String> texts(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::text).toList();
    }

    @Test
    void passagesCutFromTheirDocumentGiveTheirTextsAndStoreNoneOfTheirOwn() throws IOException {
        List<Passage> first = new ArrayList<>();
        List<Passage> second = new ArrayList<>();
        IndexedDocument a = document("a", first);
        IndexedDocument b = document("b", second);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(a, first);
            w.commit();
            // A second segment: a passage's document entry is found in its own segment.
            w.add(b, second);
            w.commit();
        }
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs passages = searcher.search(RankedSearch.PASSAGES, 10);
            assertEquals(6, passages.scoreDocs.length);
            StoredFields stored = reader.storedFields();
            for (var hit : passages.scoreDocs) {
                assertNull(stored.document(hit.doc).get(PassageSchema.TEXT), "the text is in the document's entry only");
            }
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(PARAGRAPHS, texts(s.passagesOf("sak-1", "a")));
            assertEquals(PARAGRAPHS, texts(s.passagesOf("sak-1", "b")));
            assertEquals(PARAGRAPHS.get(1), s.passage(Passage.idOf("sak-1", "b", 1)).orElseThrow().text());
            assertEquals(PARAGRAPHS, texts(s.context(Passage.idOf("sak-1", "a", 1), 1, 1)));
            SearchResult found = s.search(new SearchRequest("oppfølging", "sak-1", null, 10));
            assertEquals(4, found.total());
            for (SearchHit hit : found.hits()) {
                assertEquals(a.text().substring(hit.start(), hit.end()), hit.text(), hit.passageId());
                assertEquals(List.of("oppfølging"), hit.matches().stream()
                        .map(m -> hit.text().substring(m.start(), m.end()).toLowerCase(java.util.Locale.ROOT)).distinct().toList());
            }
            // Marks lie where the word stands in the document's text, in both paragraphs that hold it.
            List<EvidenceIndex.Mark> marks = s.marks("sak-1", "b", "oppfølging");
            assertEquals(2, marks.size());
            for (EvidenceIndex.Mark m : marks) {
                assertEquals("oppfølging", b.text().substring(m.start(), m.end()));
            }
            SearchHit like = s.moreLikeThis(Passage.idOf("sak-1", "a", 1), 5).hits().get(0);
            assertEquals(Passage.idOf("sak-1", "b", 1), like.passageId());
            assertEquals(PARAGRAPHS.get(1), like.text());
        }
    }

    @Test
    void aPassageWhoseTextIsNotItsDocumentsKeepsItsOwn() throws IOException {
        List<Passage> passages = new ArrayList<>();
        IndexedDocument doc = document("a", passages);
        Passage other = passages.get(2);
        String written = "Teksten er en annen enn dokumentets.";
        passages.set(2, new Passage(other.passageId(), other.caseId(), other.docId(), other.file(), other.type(), other.title(),
                other.heading(), other.page(), other.start(), other.start() + written.length(), written, List.of(), List.of()));
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(doc, passages);
            w.commit();
        }
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            TopDocs own = new IndexSearcher(reader).search(new TermQuery(new org.apache.lucene.index.Term(PassageSchema.ID,
                    other.passageId())), 1);
            assertNotNull(reader.storedFields().document(own.scoreDocs[0].doc).get(PassageSchema.TEXT));
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(List.of(PARAGRAPHS.get(0), PARAGRAPHS.get(1), written), texts(s.passagesOf("sak-1", "a")));
            assertEquals(written, s.search(new SearchRequest("dokumentets", "sak-1", null, 10)).hits().get(0).text());
        }
    }

    @Test
    void anIndexWhosePassagesStoreTheirTextsIsReadAsBefore() throws IOException {
        List<Passage> passages = new ArrayList<>();
        IndexedDocument doc = document("a", passages);
        // Written as before: each passage entry stores its own text, and its document's text is another.
        IndexedDocument otherText = new IndexedDocument(doc.docId(), doc.caseId(), doc.file(), doc.type(), doc.title(),
                doc.sha256(), doc.mediaType(), "Et annet dokument.", doc.pageStarts());
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(NorwegianAnalysis.analyzer()))) {
            List<org.apache.lucene.document.Document> block = new ArrayList<>();
            SharedFields shared = new SharedFields();
            for (Passage p : passages) {
                block.add(PassageSchema.toDocument(p, shared, null));
            }
            block.add(PassageSchema.toDocument(otherText));
            w.addDocuments(block);
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertEquals(PARAGRAPHS, texts(s.passagesOf("sak-1", "a")));
            assertEquals(PARAGRAPHS.get(2), s.search(new SearchRequest("fravær", "sak-1", null, 10)).hits().get(0).text());
        }
    }
}

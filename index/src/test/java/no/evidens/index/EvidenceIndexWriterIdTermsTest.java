package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New indexes store each entry's id without indexing it, and a passage, its context, passages like it and a whole
 * document are still found by id; an index written before, which holds the ids as terms, keeps taking documents (Lucene
 * refuses an entry whose id is indexed otherwise) and answers the same look-ups over its old and new entries.
 */
class EvidenceIndexWriterIdTermsTest {
    @TempDir
    Path dir;

    private static Passage passage(String docId, int n) {
        String text = "Barnevernet vurderte taushetsplikt og samarbeid med skolen i sak nummer " + n;
        return new Passage(Passage.idOf("sak-1", docId, n), "sak-1", docId, docId + ".txt", "journal", "Tittel", "", 1,
                100 * n, 100 * n + text.length(), text, List.of(), List.of(), List.of(), Map.of());
    }

    private static IndexedDocument document(String docId) {
        return new IndexedDocument(docId, "sak-1", docId + ".txt", "journal", "Tittel " + docId, "sha-" + docId,
                "text/plain", "Tekst.", List.of(0));
    }

    private static boolean idTerms(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return PassageSchema.hasIdTerms(reader);
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::passageId).toList();
    }

    /** Every look-up by id, on documents "a" (passages 0–3 in order) and "b" (passages 2, 0, 1: out of order). */
    private static void assertFoundById(EvidenceSearcher s) throws IOException {
        for (String id : List.of("sak-1/a/0", "sak-1/a/3", "sak-1/b/2", "sak-1/b/0", "sak-1/b/1")) {
            Optional<SearchHit> hit = s.passage(id);
            assertTrue(hit.isPresent(), id);
            assertEquals(id, hit.get().passageId());
            assertTrue(hit.get().text().endsWith(" " + id.substring(id.lastIndexOf('/') + 1)), id);
        }
        assertEquals(Optional.empty(), s.passage("sak-1/a/4"));
        assertEquals(Optional.empty(), s.passage("sak-1/a/x"));
        assertEquals(Optional.empty(), s.passage("sak-1/c/0"));
        assertEquals(List.of("sak-1/a/0", "sak-1/a/1", "sak-1/a/2"), ids(s.context("sak-1/a/1", 1, 1)));
        assertEquals(List.of("sak-1/b/0", "sak-1/b/1", "sak-1/b/2"), ids(s.context("sak-1/b/1", 5, 5)));
        SearchResult like = s.moreLikeThis("sak-1/a/2", 20);
        assertEquals(6, like.total(), "the other six passages, not itself");
        assertFalse(ids(like.hits()).contains("sak-1/a/2"));
        assertEquals("Tittel b", s.document("sak-1", "b").orElseThrow().title());
        assertEquals(Optional.empty(), s.document("sak-1", "c"));
    }

    @Test
    void aNewIndexHoldsNoIdTermsAndFindsEntriesById() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("a"), List.of(passage("a", 0), passage("a", 1), passage("a", 2), passage("a", 3)));
            w.add(document("b"), List.of(passage("b", 2), passage("b", 0)));
            w.commit();
            // Written again: the first copy's entries are deleted, not yet merged away.
            w.replace(document("b"), List.of(passage("b", 2), passage("b", 0), passage("b", 1)));
            w.commit();
        }
        assertFalse(idTerms(dir));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertFoundById(s);
        }
    }

    @Test
    void anIndexWrittenWithIdTermsKeepsThemAndTakesNewDocuments() throws IOException {
        // Written as before: every entry's id also a term.
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(NorwegianAnalysis.analyzer()))) {
            SharedFields shared = new SharedFields();
            List<org.apache.lucene.document.Document> block = new java.util.ArrayList<>();
            for (int n = 0; n < 4; n++) {
                block.add(PassageSchema.toDocument(passage("a", n), shared, true));
            }
            block.add(PassageSchema.toDocument(document("a"), true));
            w.addDocuments(block);
            w.commit();
        }
        assertTrue(idTerms(dir));
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("b"), List.of(passage("b", 2), passage("b", 0), passage("b", 1)));
            w.commit();
        }
        assertTrue(idTerms(dir));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            assertFoundById(s);
        }
    }
}

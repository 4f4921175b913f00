package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New indexes are written without the facets' drill-down terms; an index written before, which holds them, keeps
 * taking documents (Lucene refuses a document whose facet field is indexed otherwise) and answers facet filters and
 * counts over its old and new passages alike.
 */
class EvidenceIndexWriterFacetTermsTest {
    @TempDir
    Path dir;

    private static Passage passage(String docId, int n, String indicator) {
        String text = "Taushetsplikt og samarbeid nr " + n;
        return new Passage(Passage.idOf("sak-1", docId, n), "sak-1", docId, docId + ".txt", "journal", "Tittel", "", 1, 100 * n,
                100 * n + text.length(), text, List.of(), List.of(indicator), List.of("barnevernloven"),
                Map.of(PassageSchema.MUNICIPALITY, "Fjordvik"));
    }

    private static IndexedDocument document(String docId) {
        return new IndexedDocument(docId, "sak-1", docId + ".txt", "journal", "Tittel", "sha-" + docId, "text/plain",
                "Tekst.", List.of(0));
    }

    private static boolean drillDownTerms(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return PassageSchema.hasDrillDownTerms(reader);
        }
    }

    @Test
    void aNewIndexHasNoDrillDownTermsAndFiltersAndCountsItsFacets() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("a"), List.of(passage("a", 0, "taushetsplikt"), passage("a", 1, "samtykke")));
            w.commit();
        }
        assertFalse(drillDownTerms(dir));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult all = s.search(new SearchRequest("taushetsplikt", "sak-1", null, 10));
            assertEquals(Map.of("taushetsplikt", 1, "samtykke", 1), all.facets().get(PassageSchema.INDICATOR));
            assertEquals(Map.of("fjordvik", 2), all.facets().get(PassageSchema.MUNICIPALITY));
            SearchResult filtered = s.search(new SearchRequest("taushetsplikt", "sak-1", null, 10)
                    .withFilters(Map.of(PassageSchema.INDICATOR, List.of("samtykke"))));
            assertEquals(1, filtered.total());
        }
    }

    @Test
    void anIndexWrittenWithDrillDownTermsKeepsThemAndTakesNewDocuments() throws IOException {
        // Written as before: Lucene's facet fields, built with its default drill-down terms.
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(NorwegianAnalysis.analyzer()))) {
            SharedFields old = new SharedFields(true);
            w.addDocuments(List.of(PassageSchema.withDrillDownTerms(PassageSchema.toDocument(passage("a", 0, "taushetsplikt"), old)),
                    PassageSchema.toDocument(document("a"))));
            w.commit();
        }
        assertTrue(drillDownTerms(dir));
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(document("b"), List.of(passage("b", 0, "samtykke"), passage("b", 1, "taushetsplikt")));
            w.commit();
        }
        assertTrue(drillDownTerms(dir));
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult all = s.search(new SearchRequest("taushetsplikt", "sak-1", null, 10));
            assertEquals(3, all.total());
            assertEquals(Map.of("taushetsplikt", 2, "samtykke", 1), all.facets().get(PassageSchema.INDICATOR));
            SearchResult filtered = s.search(new SearchRequest("taushetsplikt", "sak-1", null, 10)
                    .withFilters(Map.of(PassageSchema.INDICATOR, List.of("taushetsplikt"))));
            assertEquals(2, filtered.total());
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a relaxed search, a passage whose report holds the query's other words comes before one whose report does not. */
class DocumentWordsTest {
    @TempDir
    Path dir;

    @Test
    void aPassageOfTheReportAboutAllTheWordsComesFirst() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            // "a-..." sorts first: without the rule the tie of the two klagen passages goes to it
            ReportDocuments.add(w, "a-mentions", List.of("Klagen ble behandlet av kommunen."));
            ReportDocuments.add(w, "b-about", List.of("Klagen ble behandlet av kommunen.", "Møtet ble holdt i mars.",
                    "Fristen for svar var tre uker."));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("klagen fristen", "sak", null, 10));
            assertTrue(r.relaxed(), "no passage holds both words");
            List<String> ids = r.hits().stream().map(SearchHit::passageId).toList();
            assertEquals(java.util.Set.of("sak/b-about/0", "sak/a-mentions/0", "sak/b-about/2"), java.util.Set.copyOf(ids),
                    "a passage holding neither word is no hit, though its report holds both");
            assertTrue(ids.indexOf("sak/b-about/0") < ids.indexOf("sak/a-mentions/0"),
                    "of the two passages holding klagen, the one whose report also holds fristen first: " + ids);
            assertEquals(3, r.total());
            SearchHit first = r.hits().get(ids.indexOf("sak/b-about/0"));
            assertEquals(List.of("Klagen"), first.matches().stream()
                    .map(m -> first.text().substring(m.start(), m.end())).toList(), "the report's words mark nothing");
        }
    }

    @Test
    void aSearchWithEveryWordIsRankedAsBefore() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            ReportDocuments.add(w, "a-mentions", List.of("Klagen ble behandlet av kommunen."));
            ReportDocuments.add(w, "b-about", List.of("Klagen ble behandlet av kommunen.", "Fristen for svar var tre uker."));
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("klagen", "sak", null, 10));
            assertEquals(List.of("sak/a-mentions/0", "sak/b-about/0"), r.hits().stream().map(SearchHit::passageId).toList(),
                    "one word: no document bonus, the tie goes by file");
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document whose passages fill the first hits of a search (so that the capped first page is not settled within
 * the short window and a longer page is fetched) pages as when all its hits are fetched at once, with the same count.
 */
class DocumentCapSearchTest {
    @Test
    void aDocumentThatFillsTheFirstWindowPagesAsTheWholeList(@TempDir Path dir) throws IOException {
        // invented passages of one plan: the word in each, the passages of different lengths (different scores)
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add("Tiltaket i planen punkt " + i + " gjelder oppfølging av ettervern" + " og samarbeid".repeat(i % 7) + ".");
        }
        OneDocumentIndex.write(dir, texts);
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            // without a case: hits counted first, then the page with skipping; in the case: one pass over every hit
            for (String caseId : new String[] {null, "sak"}) {
                SearchResult page = s.search(new SearchRequest("ettervern", caseId, null, 10));
                SearchResult all = s.search(new SearchRequest("ettervern", caseId, null, 30));
                assertEquals(30, page.total());
                assertEquals(all.total(), page.total());
                assertEquals(all.hits().subList(0, 10).stream().map(SearchHit::passageId).toList(),
                        page.hits().stream().map(SearchHit::passageId).toList());
                assertEquals(all.facets(), page.facets());
            }
        }
    }
}

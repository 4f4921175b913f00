package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingSearchTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheHitsOfThePageOfDocumentsAreReadWholeTheOthersKeepTheirPlaceAndScore() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (String d : List.of("d1", "d2", "d3")) {
                StringBuilder text = new StringBuilder();
                List<Passage> passages = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String body = "Ansvarsgruppen møtes " + "hver måned ".repeat(i + 1) + "i " + d + ".";
                    int start = text.length();
                    text.append(body).append("\n\n");
                    passages.add(new Passage(Passage.idOf("sak-1", d, i), "sak-1", d, d + ".pdf", "styringsdokument", "Plan " + d, "", 1,
                            start, start + body.length(), body, List.of(), List.of()));
                }
                w.add(new IndexedDocument(d, "sak-1", d + ".pdf", "styringsdokument", "Plan " + d, "sha-" + d, "application/pdf",
                        text.toString(), List.of(0)), passages);
            }
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult all = s.search(new SearchRequest("ansvarsgruppe", null, null, 400));
            // the second page of one document, two hits each
            SearchResult grouped = s.searchForGrouping(new SearchRequest("ansvarsgruppe", null, null, 1, 1, SearchRequest.Order.RELEVANCE),
                    400, 2);
            assertEquals(all.total(), grouped.total());
            assertEquals(all.facets(), grouped.facets());
            // every hit in its place with its document and score; a hit only counted carries no id
            assertEquals(all.hits().stream().map(h -> h.caseId() + "/" + h.docId() + " " + h.score()).toList(),
                    grouped.hits().stream().map(h -> h.caseId() + "/" + h.docId() + " " + h.score()).toList());
            for (int i = 0; i < all.hits().size(); i++) {
                String id = grouped.hits().get(i).passageId();
                assertTrue(id == null ? grouped.hits().get(i).text() == null : id.equals(all.hits().get(i).passageId()));
            }
            Map<String, List<SearchHit>> byDoc = new LinkedHashMap<>();
            grouped.hits().forEach(h -> byDoc.computeIfAbsent(h.docId(), k -> new ArrayList<>()).add(h));
            List<List<SearchHit>> docs = List.copyOf(byDoc.values());
            assertEquals(List.of(3, 3, 3), docs.stream().map(List::size).toList());
            List<SearchHit> second = docs.get(1);
            assertEquals(all.hits().get(all.hits().indexOf(findById(all, second.get(0).passageId()))), second.get(0),
                    "a shown hit is the whole, highlighted hit of a plain search");
            assertTrue(second.get(1).highlighted());
            assertNull(second.get(2).text(), "the third hit of a shown document is only counted");
            assertNull(docs.get(0).get(0).text(), "a document of another page is only counted");
            assertEquals("sak-1", docs.get(2).get(0).caseId());
        }
    }

    private static SearchHit findById(SearchResult r, String id) {
        return r.hits().stream().filter(h -> h.passageId().equals(id)).findFirst().orElseThrow();
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's documents left out ({@link SearchRequest#leftOut()}, a corrected file's earlier version): none of their
 * passages is a hit, counted or in a facet count, whichever way the search is counted (words only, with a case, with a
 * facet filter, a phrase, grouped), and a document of the same id in another case is not left out.
 */
class LeftOutDocumentsTest {
    private static final String OLD = "Koordinatoren ringer foreldrene hver uke om tiltaksplanen.";
    private static final String NEW = "Koordinatoren ringer foreldrene hver måned om tiltaksplanen.";

    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            add(w, "sak-1", "gammel", OLD, "journal");
            add(w, "sak-1", "ny", NEW, "journal");
            add(w, "sak-2", "gammel", OLD, "styringsdokument");
            w.commit();
        }
    }

    private static void add(EvidenceIndexWriter w, String caseId, String docId, String text, String type) throws IOException {
        w.add(new IndexedDocument(docId, caseId, "journaler/notat.txt", type, "Notat", "sha-" + caseId + docId, "text/plain", text,
                List.of(0)), List.of(new Passage(Passage.idOf(caseId, docId, 0), caseId, docId, "journaler/notat.txt", type, "Notat", "",
                1, 0, text.length(), text, List.of(), List.of())));
    }

    private static SearchRequest request(String query, String caseId, Map<String, List<String>> filters, Set<String> leftOut) {
        return new SearchRequest(query, caseId, null, 10, 0, SearchRequest.Order.RELEVANCE, filters, leftOut, false);
    }

    private static Set<String> docs(SearchResult r) {
        Set<String> out = new HashSet<>();
        r.hits().forEach(h -> out.add(h.caseId() + "/" + h.docId()));
        return out;
    }

    @Test
    void theDocumentsLeftOutAreNeitherHitNorCounted() throws IOException {
        Set<String> old = Set.of("sak-1/gammel");
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            for (String query : List.of("koordinatoren", "\"ringer foreldrene\"", "tiltaksplan*")) {
                SearchResult all = s.search(request(query, null, Map.of(), Set.of()));
                assertEquals(Set.of("sak-1/gammel", "sak-1/ny", "sak-2/gammel"), docs(all), query);
                SearchResult r = s.search(request(query, null, Map.of(), old));
                assertEquals(Set.of("sak-1/ny", "sak-2/gammel"), docs(r), query);
                assertEquals(2, r.total(), query);
                assertEquals(1, r.facets().get("case").get("sak-1"), query + ": " + r.facets());
                assertEquals(1, r.facets().get("type").get("journal"), query + ": " + r.facets());

                SearchResult inCase = s.search(request(query, "sak-1", Map.of(), old));
                assertEquals(Set.of("sak-1/ny"), docs(inCase), query);
                assertEquals(1, inCase.total());

                SearchResult filtered = s.search(request(query, null, Map.of("type", List.of("journal")), old));
                assertEquals(Set.of("sak-1/ny"), docs(filtered), query);
                assertEquals(1, filtered.total());
                assertEquals(1, filtered.facets().get("type").get("styringsdokument"), "a filtered dimension counts without its filter");
                assertEquals(1, filtered.facets().get("type").get("journal"), filtered.facets().toString());

                SearchResult grouped = s.searchForGrouping(request(query, null, Map.of(), old), 400, 3);
                assertEquals(Set.of("sak-1/ny", "sak-2/gammel"), docs(grouped), query);
            }
        }
    }

    @Test
    void manyDocumentsLeftOutAreLeftOutAsOneSet() throws IOException {
        Set<String> many = new HashSet<>(Set.of("sak-1/gammel"));
        for (int i = 0; i < 2_000; i++) {
            many.add("sak-9/d" + i);
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(request("koordinatoren", null, Map.of(), many));
            assertEquals(Set.of("sak-1/ny", "sak-2/gammel"), docs(r));
            assertEquals(2, r.total());
        }
    }

    @Test
    void aRequestAskingForAllVersionsLeavesNothingOut() {
        SearchRequest r = request("koordinatoren", null, Map.of(), Set.of()).withAllVersions(true).leavingOut(Set.of("sak-1/gammel"));
        assertTrue(r.leftOut().isEmpty());
        assertTrue(r.allVersions());
        SearchRequest current = request("koordinatoren", null, Map.of(), Set.of()).leavingOut(Set.of("sak-1/gammel"));
        assertEquals(Set.of("sak-1/gammel"), current.leftOut());
        assertEquals(Set.of("sak-1/gammel"), current.withFilters(Map.of("type", List.of("journal"))).wholeCase().leftOut(),
                "a count over the whole case leaves them out too");
    }
}

package no.evidens.evaluation.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SearchMixTest {
    private final SearchMix mix = SearchMix.of(List.of("koordinator", "samarbeid", "fastlege"), List.of("\"individuell plan\""), 16);

    @Test
    void kindsAlternateInFoursAndEachFourNarrowsAsAnAuditorClicksFacets() {
        assertEquals(8, mix.of(SearchMix.Kind.GROUPED).size());
        assertEquals(8, mix.of(SearchMix.Kind.FACETED).size());
        List<SearchMix.Search> s = mix.searches();
        assertEquals(SearchMix.Kind.GROUPED, s.get(0).kind());
        assertEquals(SearchMix.Kind.FACETED, s.get(4).kind());
        assertEquals(Map.of(), s.get(0).filters());
        assertEquals(List.of("type"), List.copyOf(s.get(1).filters().keySet()));
        assertEquals(List.of("indicator"), List.copyOf(s.get(2).filters().keySet()));
        assertEquals(List.of("case", "type"), List.copyOf(s.get(3).filters().keySet()));
        assertEquals("\"individuell plan\"", s.get(4).query());
        assertEquals("fastlege koordinator", s.get(2).query());
    }

    @Test
    void theSameRunGivesTheSameMix() {
        assertEquals(mix, SearchMix.of(List.of("koordinator", "samarbeid", "fastlege"), List.of("\"individuell plan\""), 16));
    }

    @Test
    void aGroupedSearchAsksTheWorkspaceAndTheSearcherForAPageOfDocuments() {
        SearchMix.Search grouped = mix.searches().get(3);
        assertEquals("api/search?q=koordinator&limit=10&group=document&filter=case%3Akommune-00-2026&filter=type%3Astyringsdokument",
                grouped.path());
        assertEquals(SearchMix.PAGE, grouped.request().limit());
        assertEquals(Map.of("case", List.of("kommune-00-2026"), "type", List.of("styringsdokument")), grouped.request().filters());
        SearchMix.Search faceted = mix.searches().get(5);
        assertTrue(faceted.path().endsWith("&limit=10&filter=type%3Ajournal"), faceted.path());
        assertEquals(SearchMix.PAGE, faceted.request().limit());
    }
}

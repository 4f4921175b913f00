package no.evidens.pipeline.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.findings.CaseGroups;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.Municipalities;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.search.SearchOnlyIndex;

class GroupSearchTest {
    private static final String GROUP = "tilsyn-2026";
    private static final List<CaseGroups.Member> MEMBERS = List.of(
            new CaseGroups.Member("a-2026", "Aslo", "Agder"), new CaseGroups.Member("b-2026", "Bø", "Agder"),
            new CaseGroups.Member("c-2026", "Ceda", "Vestland"));

    /**
     * An index that records the request and answers with case counts as if unfiltered by case; its passages are all
     * journals, so a type filter without {@code journal} finds none.
     */
    private static final class Recording extends SearchOnlyIndex {
        final List<SearchRequest> requests = new ArrayList<>();

        @Override
        public SearchResult search(SearchRequest request) {
            requests.add(request);
            List<String> types = request.filters().get("type");
            if (types != null && !types.contains("journal")) {
                return new SearchResult(request.query(), 0, 1, List.of(), Map.of(), false);
            }
            return new SearchResult(request.query(), 3, 1, List.of(),
                    Map.of("case", Map.of("a-2026", 4, "b-2026", 2, "c-2026", 5, "outside-2026", 9), "type", Map.of("journal", 3)));
        }
    }

    @Test
    void countyAndMunicipalityBecomeACaseFilterAndFacetsOfTheGroup() throws Exception {
        Recording index = new Recording();
        GroupSearch.Result r = GroupSearch.search(index, GROUP, MEMBERS, "ettervern fylke:agder", List.of("type:journal"), 10, 0,
                SearchRequest.Order.RELEVANCE);
        SearchRequest sent = index.requests.get(0);
        assertEquals("ettervern", sent.query(), "the place term is taken out of the query");
        assertEquals(List.of("a-2026", "b-2026"), sent.filters().get("case"));
        assertEquals(List.of("journal"), sent.filters().get("type"));
        assertEquals(Map.of("Aslo", 4, "Bø", 2), r.facets().get("kommune"), "municipalities of the filtered county");
        assertEquals(Map.of("Agder", 6, "Vestland", 5), r.facets().get("fylke"), "every county, to pick another");
        assertEquals(Map.of("a-2026", 4, "b-2026", 2, "c-2026", 5), r.facets().get("case"), "no case outside the group");
    }

    @Test
    void anEmptyQueryListsEveryPassageAndNoMatchingPlaceFindsNothing() throws Exception {
        Recording index = new Recording();
        GroupSearch.search(index, GROUP, MEMBERS, "kommune:\"Bø\"", List.of(), 10, 0, SearchRequest.Order.RELEVANCE);
        assertEquals(GroupSearch.ALL_PASSAGES, index.requests.get(0).query());
        assertEquals(List.of("b-2026"), index.requests.get(0).filters().get("case"));
        GroupSearch.search(index, GROUP, MEMBERS, "plan kommune:aslo", List.of("fylke:Vestland"), 10, 0, SearchRequest.Order.RELEVANCE);
        assertEquals(List.of("-"), index.requests.get(1).filters().get("case"), "a place of the group and a county of another: a case id no case has");
        assertThrows(IllegalArgumentException.class,
                () -> GroupSearch.search(index, GROUP, MEMBERS, "plan", List.of("land:Norge"), 10, 0, SearchRequest.Order.RELEVANCE));
    }

    @Test
    void aMunicipalityCountyOrCaseTheGroupDoesNotHaveIsNamedNotAnsweredWithNoHits() {
        Recording index = new Recording();
        NotFound municipality = assertThrows(NotFound.class,
                () -> GroupSearch.search(index, GROUP, MEMBERS, "plan kommune:Ingensteds", List.of(), 10, 0, SearchRequest.Order.RELEVANCE));
        assertEquals("error.group-municipality", municipality.key());
        assertEquals(List.of("Ingensteds", GROUP), municipality.args());
        assertEquals("no case of the group tilsyn-2026 is in the municipality Ingensteds (its municipalities: Aslo, Bø, Ceda)",
                municipality.getMessage());
        NotFound county = assertThrows(NotFound.class,
                () -> GroupSearch.search(index, GROUP, MEMBERS, "plan", List.of("fylke:Agder", "fylke:Vestlandet"), 10, 0,
                        SearchRequest.Order.RELEVANCE));
        assertEquals("error.group-county", county.key());
        assertEquals(List.of("Vestlandet", GROUP), county.args());
        NotFound outside = assertThrows(NotFound.class,
                () -> GroupSearch.search(index, GROUP, MEMBERS, "plan", List.of("case:outside-2026"), 10, 0, SearchRequest.Order.RELEVANCE));
        assertEquals("error.group-case", outside.key());
        assertEquals(List.of("outside-2026", GROUP), outside.args());
        assertEquals(List.of(), index.requests, "nothing searched");
    }

    @Test
    void aCaseNamedInTheQueryThatIsNotInTheGroupIsRefusedAsTheCaseFilterIs() throws Exception {
        Recording index = new Recording();
        NotFound outside = assertThrows(NotFound.class,
                () -> GroupSearch.search(index, GROUP, MEMBERS, "plan sak:outside-2026", List.of(), 10, 0, SearchRequest.Order.RELEVANCE));
        assertEquals("error.group-case", outside.key());
        assertEquals(List.of("outside-2026", GROUP), outside.args());
        assertEquals("the case outside-2026 is not in the group tilsyn-2026 (its cases: a-2026, b-2026, c-2026)", outside.getMessage());
        NotFound quoted = assertThrows(NotFound.class, () -> GroupSearch.search(index, GROUP, MEMBERS,
                "(case:\"outside-2026\" OR sak:a-2026) plan", List.of(), 10, 0, SearchRequest.Order.RELEVANCE));
        assertEquals(List.of("outside-2026", GROUP), quoted.args());
        assertEquals(List.of(), index.requests, "nothing searched");
        // a case of the group stays in the query, and an excluded one names none
        GroupSearch.search(index, GROUP, MEMBERS, "plan sak:a-2026 -sak:outside-2026", List.of(), 10, 0, SearchRequest.Order.RELEVANCE);
        assertEquals("plan sak:a-2026 -sak:outside-2026", index.requests.get(0).query());
    }

    @Test
    void aTypeOrIndicatorNoPassageOfTheGroupCarriesIsNamedNotAnsweredWithNoHits() throws Exception {
        Recording index = new Recording();
        NotFound typo = assertThrows(NotFound.class, () -> GroupSearch.search(index, GROUP, MEMBERS, "plan fylke:agder",
                List.of("type:journa"), 10, 0, SearchRequest.Order.RELEVANCE));
        assertEquals("error.filter-value.known", typo.key());
        assertEquals(List.of("type:journa", "journal"), typo.args());
        assertEquals(List.of("a-2026", "b-2026"), index.requests.get(1).filters().get("case"), "looked up in the searched cases only");
        // a value the cases carry passes, with no search more than the one asked
        index.requests.clear();
        GroupSearch.search(index, GROUP, MEMBERS, "plan", List.of("type:journal"), 10, 0, SearchRequest.Order.RELEVANCE);
        assertEquals(1, index.requests.size());
    }

    /**
     * Round 53: a misspelt municipality in a group of Norway's 357 was refused with all 357 names in one line; it names
     * those nearest the name asked, and how many there are.
     */
    @Test
    void aMisspeltMunicipalityOfANationwideGroupIsAnsweredWithTheNearestNames() {
        List<CaseGroups.Member> all = new ArrayList<>();
        Municipalities.all().forEach(m -> all.add(new CaseGroups.Member("sak-" + all.size(), m.name(), m.county())));
        NotFound refused = assertThrows(NotFound.class,
                () -> GroupSearch.search(new Recording(), GROUP, all, "plan kommune:Bergn", List.of(), 10, 0, SearchRequest.Order.RELEVANCE));
        assertEquals(List.of("Bergn", GROUP), refused.args());
        assertTrue(refused.getMessage().startsWith("no case of the group tilsyn-2026 is in the municipality Bergn (its municipalities nearest"
                + " to it: Bergen, "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; 355 in all)"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 200, refused.getMessage());
    }
}

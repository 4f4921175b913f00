package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.findings.NotFound;

class SearchScopeTest {
    @TempDir
    Path dir;

    @Test
    void aTypeIsLowerCasedAndAFolderNameRefusedWithItsKey() {
        assertNull(SearchScope.documentType(null));
        assertEquals("journal", SearchScope.documentType("Journal"));
        Refusal r = assertThrows(Refusal.class, () -> SearchScope.documentType("journaler"));
        assertEquals("error.param.choice", r.key());
        assertEquals(List.of("type", "styringsdokument, journal, klientdokumentasjon, annet", "journaler"), r.args());
    }

    /** The scope of a home where one bundle was ingested, into the case {@code vik-2026}. */
    private SearchScope scopeWithVik() throws Exception {
        EvidensHome home = new EvidensHome(dir);
        Files.createDirectories(home.receipts());
        Files.writeString(home.receipts().resolve("vik-2026-1.json"), "{\"case\":\"vik-2026\"}");
        return new SearchScope(home);
    }

    @Test
    void onlyACaseABundleWasIngestedIntoIsKnown() throws Exception {
        SearchScope scope = scopeWithVik();
        scope.requireIngested("vik-2026");
        NotFound e = assertThrows(NotFound.class, () -> scope.requireIngested("vikk-2026"));
        assertEquals(SearchScope.CASE_KEY, e.key());
        assertEquals(List.of("vikk-2026"), e.args());
        assertEquals("there is no case vikk-2026 in " + dir + ": no bundle was ingested into it (the cases: vik-2026)", e.getMessage());
    }

    @Test
    void aCaseFilterIsCheckedOnlyForTheCasesWithNoHit() throws Exception {
        SearchScope scope = scopeWithVik();
        // a case with hits is known without reading the receipts; an ingested case with none on the subject is too
        scope.requireIngested(List.of("dal-2026"), Map.of("dal-2026", 3));
        scope.requireIngested(List.of("vik-2026"), Map.of());
        NotFound e = assertThrows(NotFound.class,
                () -> scope.requireIngested(List.of("vik-2026", "vikk-2026"), Map.of("vik-2026", 2)));
        assertEquals(SearchScope.CASE_KEY, e.key());
        assertEquals(List.of("vikk-2026"), e.args());
    }

    @Test
    void theCasesAQueryNamesAreItsPlainCaseTermsOnly() {
        assertEquals(List.of("vik-2026", "dal-2026"), SearchScope.casesNamedIn("plan sak:vik-2026 OR (case:\"dal-2026\" tiltak)"));
        // a prefix, a fuzzy term, an excluded case or a word that merely ends in "sak" names no case
        assertEquals(List.of(), SearchScope.casesNamedIn("sak:vik* case:vik~1 -sak:dal-2026 brevsak:x plan"));
    }

    @Test
    void aQueryNamingACaseWithNoBundleIsRefusedWhenItFindsNothing() throws Exception {
        SearchScope scope = scopeWithVik();
        scope.requireIngestedNamedIn("qzx sak:vik-2026");
        NotFound e = assertThrows(NotFound.class, () -> scope.requireIngestedNamedIn("plan sak:vikk-2026"));
        assertEquals(SearchScope.CASE_KEY, e.key());
        assertEquals(List.of("vikk-2026"), e.args());
    }

    /**
     * Passages as their facet values only: a search keeps those of its case and filters (any value of a dimension, in any
     * case but the case's), whatever its words, and counts them by facet; it records each request.
     */
    private static final class Passages extends SearchOnlyIndex {
        final List<Map<String, String>> passages = List.of(
                Map.of("case", "vik-2026", "kommune", "Fjordvik", "indicator", "taushetsplikt", "år", "2025"),
                Map.of("case", "vik-2026", "kommune", "Fjordvik", "indicator", "ansvarsgruppe", "år", "2025"),
                Map.of("case", "vik-2026", "kommune", "Fjellvik", "indicator", "ansvarsgruppe", "år", "2024"),
                Map.of("case", "dal-2026", "kommune", "Dalen", "indicator", "koordinator", "år", "2025"));
        final List<SearchRequest> requests = new ArrayList<>();

        @Override
        public SearchResult search(SearchRequest request) {
            requests.add(request);
            List<Map<String, String>> kept = passages.stream()
                    .filter(p -> request.caseId() == null || request.caseId().equals(p.get("case")))
                    .filter(p -> request.filters().entrySet().stream().allMatch(f -> f.getValue().stream().anyMatch(
                            v -> f.getKey().equals("case") ? v.equals(p.get("case")) : v.equalsIgnoreCase(p.get(f.getKey())))))
                    .toList();
            Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
            for (Map<String, String> p : kept) {
                p.forEach((dim, value) -> facets.computeIfAbsent(dim, d -> new TreeMap<>()).merge(value, 1, Integer::sum));
            }
            return new SearchResult(request.query(), kept.size(), 1, List.of(), facets, false);
        }
    }

    @Test
    void theFacetValuesAQueryNamesAreItsPlainFacetTerms() {
        assertEquals(List.of(new SearchScope.Asked("kommune:Atlantis", "kommune", "Atlantis"),
                        new SearchScope.Asked("indikator:\"taushets plikt\"", "indicator", "taushets plikt"),
                        new SearchScope.Asked("ar:2025", "år", "2025"), new SearchScope.Asked("dokumenttype:journal", "type", "journal")),
                SearchScope.facetValuesNamedIn("plan (kommune:Atlantis OR indikator:\"taushets plikt\") ar:2025 dokumenttype:journal"));
        // the case (the receipts answer for it), a field that is no facet, a pattern, a range, an excluded or boosted term
        assertEquals(List.of(), SearchScope.facetValuesNamedIn(
                "sak:vik-2026 fil:a.txt overskrift:plan kommune:fjord* år:[2020 TO 2025] -kommune:Dalen tjeneste:helse^2 brevkommune:x"));
    }

    @Test
    void aValueThereIsCarriedAndCostsNoSearchWhenTheSearchCountedIt() throws Exception {
        Passages index = new Passages();
        List<SearchScope.Asked> asked = SearchScope.filterValues(Map.of("kommune", List.of("fjordvik"), "case", List.of("vik-2026")));
        assertEquals(List.of(new SearchScope.Asked("kommune:fjordvik", "kommune", "fjordvik")), asked, "the case is not asked");
        SearchScope.requireCarried(index, null, List.of("vik-2026"), asked, Map.of("kommune", Map.of("Fjordvik", 2)));
        assertEquals(List.of(), index.requests);
        // no hit under the query's words, but passages of the case carry it: a normal 0 hits, after one search
        SearchScope.requireCarried(index, "vik-2026", List.of(), asked, Map.of());
        assertEquals(1, index.requests.size());
        assertEquals(Map.of("kommune", List.of("fjordvik")), index.requests.get(0).filters());
        assertEquals(SearchScope.ALL_PASSAGES, index.requests.get(0).query());
    }

    @Test
    void aValueNoPassageOfTheSearchedCasesCarriesIsNamedWithTheClosestValuesThere() throws Exception {
        Passages index = new Passages();
        NotFound typo = assertThrows(NotFound.class, () -> SearchScope.requireCarried(index, "vik-2026", null,
                SearchScope.facetValuesNamedIn("plan kommune:Fjellvk"), Map.of()));
        assertEquals("error.filter-value.known", typo.key());
        assertEquals(List.of("kommune:Fjellvk", "Fjellvik, Fjordvik"), typo.args(), "one edit first, then by count");
        assertEquals("no passage in the case vik-2026 has kommune:Fjellvk (the values there, the closest first: Fjellvik, Fjordvik)",
                typo.getMessage());
        // a value of another case is not there: Dalen is named only when that case is searched too
        NotFound elsewhere = assertThrows(NotFound.class, () -> SearchScope.requireCarried(index, null, List.of("vik-2026"),
                SearchScope.filterValues(Map.of("kommune", List.of("Dalen"))), Map.of()));
        assertEquals(List.of("kommune:Dalen", "Fjordvik, Fjellvik"), elsewhere.args());
        SearchScope.requireCarried(index, null, List.of("vik-2026", "dal-2026"), SearchScope.filterValues(Map.of("kommune", List.of("Dalen"))),
                Map.of());
        // an indicator id that does not exist, over the whole index
        NotFound indicator = assertThrows(NotFound.class, () -> SearchScope.requireCarried(index, null, null,
                SearchScope.facetValuesNamedIn("indikator:taushetsplikten"), Map.of()));
        assertEquals(List.of("indikator:taushetsplikten", "taushetsplikt, ansvarsgruppe, koordinator"), indicator.args());
        // a case with no passage at all names no value
        NotFound empty = assertThrows(NotFound.class, () -> SearchScope.requireCarried(index, "tom-2026", null,
                SearchScope.filterValues(Map.of("år", List.of("2025"))), Map.of()));
        assertEquals("error.filter-value", empty.key());
        assertEquals(List.of("år:2025"), empty.args());
    }

    @Test
    void theClosestValuesAreThoseWithinTwoEditsOrHoldingTheValueThenTheMostFrequent() {
        Map<String, Integer> there = new LinkedHashMap<>();
        for (String v : List.of("a", "b", "c", "d", "e", "fjordvik", "Fjordvika", "nordfjord")) {
            there.put(v, v.length() == 1 ? 10 : 1);
        }
        assertEquals(List.of("fjordvik", "Fjordvika", "a", "b", "c"), SearchScope.closestFirst("Fjordvk", there));
        assertEquals(List.of("fjordvik", "Fjordvika", "nordfjord", "a", "b"), SearchScope.closestFirst("fjord", there));
        assertEquals(List.of(), SearchScope.closestFirst("x", Map.of("y", 0)), "a value with no passage is not there");
    }
}

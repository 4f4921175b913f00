package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import no.evidens.index.SearchHit;
import no.evidens.index.SearchResult;

/**
 * Round 53: a search across a nationwide group printed its kommune and case facets with some 300 values each, 12 KB under
 * the hits; a facet of many values prints those with most hits and how many more there are.
 */
class OutputFacetsTest {
    @Test
    void aFacetOfHundredsOfValuesPrintsThoseWithMostHitsAndACount() {
        Map<String, Integer> municipalities = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            municipalities.put("Kommune " + i, i == 150 ? 99 : 1 + i % 3);
        }
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        facets.put("kommune", municipalities);
        facets.put("fylke", Map.of("Vestland", 12));
        SearchHit hit = new SearchHit("s/d/0", "s", "d", "f.txt", "journal", "T", "", 1, 0, 5, "tekst", 1f, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), false).searchResult(new SearchResult("ettervern", 300, 1, List.of(hit), facets, false));
        String line = text.toString().lines().filter(l -> l.startsWith("kommune: ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("kommune: {Kommune 150=99, "), line);
        assertTrue(line.endsWith("} and 280 more (--json lists them all)"), line);
        assertEquals(Output.FACET_VALUES, line.chars().filter(c -> c == '=').count(), line);
        assertTrue(text.toString().contains("fylke: {Vestland=12}"), "a short facet is printed whole");
    }
}

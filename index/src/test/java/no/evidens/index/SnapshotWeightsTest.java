package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search repeated on one snapshot takes the weight its query was given the first time ({@link SnapshotWeights}): it
 * answers as the first search did and as a searcher that never searched before does, hit by hit with the same scores and
 * matches; another query (another word, a case) gets a weight of its own; a search with facet filters keeps none (its
 * query holds that search's own hits); after a commit the next snapshot weighs the query anew, with the new statistics.
 */
class SnapshotWeightsTest {
    @TempDir
    Path dir;

    @Test
    void aRepeatedSearchAnswersAsItsFirstAndAsAFreshSearcher() throws IOException {
        write(List.of("Kommunen har ingen plan for tiltak.", "Planen ble ikke fulgt opp av kommunen.",
                "Tiltaket var uten plan og uten vedtak.", "Ingen vedtak ble fattet."), "d", "sak");
        write(List.of("En plan for barnet manglet.", "Barneverntjenesten laget en plan."), "e", "sak2");
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchRequest plan = new SearchRequest("plan", null, null, 10);
            List<String> first = answer(s.search(plan));
            assertTrue(first.size() >= 4, first.toString());
            assertEquals(1, s.keptWeights(), "the page's weight of the first search is kept");
            for (int i = 0; i < 3; i++) {
                assertEquals(first, answer(s.search(plan)), "search " + (i + 2));
            }
            assertEquals(1, s.keptWeights(), "the same query takes the kept weight");
            SearchRequest inCase = new SearchRequest("plan", "sak2", null, 10);
            SearchRequest vedtak = new SearchRequest("vedtak", null, null, 10);
            List<String> caseFirst = answer(s.search(inCase));
            List<String> vedtakFirst = answer(s.search(vedtak));
            int kept = s.keptWeights();
            assertTrue(kept >= 2, "another word has a weight of its own: " + kept);
            assertEquals(caseFirst, answer(s.search(inCase)));
            assertEquals(vedtakFirst, answer(s.search(vedtak)));
            assertEquals(first, answer(s.search(plan)));
            try (EvidenceSearcher fresh = new EvidenceSearcher(dir)) {
                assertEquals(first, answer(fresh.search(plan)));
                assertEquals(caseFirst, answer(fresh.search(inCase)));
                assertEquals(vedtakFirst, answer(fresh.search(vedtak)));
            }
            int before = s.keptWeights();
            SearchRequest filtered = plan.withFilters(Map.of("type", List.of("rapport")));
            List<String> filteredFirst = answer(s.search(filtered));
            assertEquals(filteredFirst, answer(s.search(filtered)));
            assertEquals(before, s.keptWeights(), "a search with facet filters keeps no weight");

            // More passages hold the word: the next snapshot weighs it with the new statistics, as a fresh searcher does.
            write(List.of("Ny plan.", "Enda en plan.", "En tredje plan."), "f", "sak3");
            List<String> after = answer(s.search(plan));
            assertNotEquals(first, after);
            try (EvidenceSearcher fresh = new EvidenceSearcher(dir)) {
                assertEquals(answer(fresh.search(plan)), after);
            }
        }
    }

    /** Each hit as its id, score, matches and fragments, in the answer's order, then the total. */
    private static List<String> answer(SearchResult r) {
        List<String> out = new ArrayList<>();
        for (SearchHit h : r.hits()) {
            out.add(h.passageId() + " " + h.score() + " " + h.matches() + " " + h.fragments());
        }
        out.add("total " + r.total() + " " + r.facets());
        return out;
    }

    private void write(List<String> texts, String docId, String caseId) throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            List<Passage> passages = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < texts.size(); i++) {
                String p = texts.get(i);
                int start = text.length();
                text.append(p).append("\n\n");
                passages.add(new Passage(Passage.idOf(caseId, docId, i), caseId, docId, docId + ".txt", "rapport", "A", "", 1,
                        start, start + p.length(), p, List.of(), List.of()));
            }
            w.add(new IndexedDocument(docId, caseId, docId + ".txt", "rapport", "A", "sha-" + docId, "text/plain",
                    text.toString().strip(), List.of(0)), passages);
            w.commit();
        }
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relevance order is score, then file, then place in the file, on every page, ties across pages included. */
class RelevanceOrderTest {
    private static final String[] TEXTS = {"Tilsynet fant avvik.", "Tilsynet fant avvik i tilsynet.", "Tilsynet."};

    @TempDir
    Path dir;

    @Test
    void pagesAreSlicesOfOneOrderWithTiesByFileAndStart() throws IOException {
        // Files added in reverse order and over several commits (segments), so index order is not file order.
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (int d = 11; d >= 0; d--) {
                String file = "mappe/f" + (char) ('a' + d) + ".txt";
                String text = TEXTS[d % 3] + " " + TEXTS[(d + 1) % 3];
                int cut = TEXTS[d % 3].length();
                IndexedDocument doc = new IndexedDocument("d" + d, "sak-1", file, "journal", "T", "sha-" + d, "text/plain",
                        text, List.of(0));
                w.add(doc, List.of(passage(d, 0, file, text, cut + 1, text.length()), passage(d, 1, file, text, 0, cut)));
                if (d % 4 == 0) {
                    w.commit();
                }
            }
            w.commit();
        }
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            List<SearchHit> all = s.search(new SearchRequest("tilsyn", null, null, 100)).hits();
            assertEquals(24, all.size());
            for (int i = 1; i < all.size(); i++) {
                SearchHit a = all.get(i - 1);
                SearchHit b = all.get(i);
                assertTrue(a.score() > b.score() || a.score() == b.score()
                        && (a.file().compareTo(b.file()) < 0 || a.file().equals(b.file()) && a.start() < b.start()), a + " before " + b);
            }
            for (int limit = 1; limit <= 24; limit++) {
                for (int offset : new int[] {0, 3}) {
                    List<SearchHit> page = s.search(new SearchRequest("tilsyn", null, null, limit, offset,
                            SearchRequest.Order.RELEVANCE)).hits();
                    assertEquals(ids(all.subList(Math.min(offset, 24), Math.min(offset + limit, 24))), ids(page),
                            "limit " + limit + ", offset " + offset);
                }
            }
        }
    }

    private static Passage passage(int d, int n, String file, String text, int start, int end) {
        return new Passage(Passage.idOf("sak-1", "d" + d, n), "sak-1", "d" + d, file, "journal", "T", "", 1, start, end,
                text.substring(start, end), List.of(), List.of());
    }

    private static List<String> ids(List<SearchHit> hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.passageId()));
        return out;
    }
}

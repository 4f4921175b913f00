package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Ranking that knows evidence: laws found by what they are named after, relaxed hits in tiers of words held. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRankingTest {
    private static final List<String> PASSAGES = List.of(
            "Vedtaket bygger på sosialtjenesteloven § 18 og forvaltningslova § 17.",
            "Klagen ble sendt for sent.",
            "Barneverntjenesten svarte på klagen etter ti uker.",
            "Klagen gjaldt klagen på klagen, og klagen om klagen ble behandlet som klagen i klagesaken med klagen.",
            "Helsepersonelloven gjelder for alle ansatte.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            String text = String.join("\n\n", PASSAGES);
            List<Passage> passages = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < PASSAGES.size(); i++) {
                String p = PASSAGES.get(i);
                passages.add(new Passage(Passage.idOf("sak", "d", i), "sak", "d", "a.txt", "journal", "A", "", 1, start,
                        start + p.length(), p, List.of(), List.of()));
                start += p.length() + 2;
            }
            w.add(new IndexedDocument("d", "sak", "a.txt", "journal", "A", "sha", "text/plain", text, List.of(0)), passages);
            w.commit();
        }
    }

    private SearchResult search(String query) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            return s.search(new SearchRequest(query, null, null, 10));
        }
    }

    @Test
    void aServiceFindsThePassagesThatCiteTheLawNamedAfterIt() throws IOException {
        assertEquals(PASSAGES.get(0), search("sosialtjenesten").hits().get(0).text());
        assertEquals(PASSAGES.get(0), search("forvaltning").hits().get(0).text());
        assertEquals(PASSAGES.get(4), search("helsepersonell").hits().get(0).text());
    }

    @Test
    void aPhraseWithFewPassagesHoldingEveryWordGoesOnWithThoseHoldingMostOfThem() throws IOException {
        SearchResult r = search("barneverntjenesten svarte sent på klagen");
        assertTrue(r.relaxed());
        assertEquals(0, r.allWords(), "no passage holds every word");
        assertEquals(PASSAGES.get(2), r.hits().get(0).text(), "three of the words, in a short passage");
        assertEquals(PASSAGES.get(1), r.hits().get(1).text(), "two of them");
        assertEquals(PASSAGES.get(3), r.hits().get(2).text(), "one word many times comes after them");
    }
}

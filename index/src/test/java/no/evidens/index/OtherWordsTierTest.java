package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relaxed search counts a passage that holds a word only through an entry naming the same thing in other words
 * for part of the word's tier: the passages holding the word itself (or its other spelling) come first, and those
 * holding only the other name still come.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherWordsTierTest {
    private static final List<String> PASSAGES = List.of(
            "Familien fikk økonomisk stønad fra Nav.",
            "Kommunen vurderte søknaden om sosialhjelp fra familien etter at saksbehandleren hadde innhentet flere opplysninger.",
            "Kommunen vurderte søknaden om sosialhjelp.",
            "Søknaden ble behandlet.");

    @TempDir
    static Path dir;
    @TempDir
    static Path home;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    private List<String> search(String synonyms, String query) throws IOException {
        Path file = Files.writeString(home.resolve("synonyms-" + synonyms.hashCode() + ".txt"), synonyms);
        try (EvidenceSearcher s = new EvidenceSearcher(dir, NorwegianAnalysis.queryAnalyzer(file))) {
            return s.search(new SearchRequest(query, "sak", null, 10)).hits().stream().map(SearchHit::text).toList();
        }
    }

    @Test
    void theWordItselfComesBeforeItsOtherName() throws IOException {
        List<String> hits = search("#@ other words\nsosialhjelp, økonomisk stønad\n#@ same words\n", "sosialhjelp familien");
        // the short passage holds both words through the other name; the long one holds the word itself
        assertEquals(PASSAGES.get(1), hits.get(0), hits.toString());
        assertEquals(List.of(PASSAGES.get(0), PASSAGES.get(1), PASSAGES.get(2)).stream().sorted().toList(),
                hits.stream().sorted().toList(), "the other name still finds its passage");
    }

    @Test
    void anUnmarkedEntryCountsInFull() throws IOException {
        List<String> hits = search("sosialhjelp, økonomisk stønad\n", "sosialhjelp familien");
        // both passages hold both words: the shorter one scores higher on the words' statistics
        assertEquals(PASSAGES.get(0), hits.get(0), hits.toString());
    }
}

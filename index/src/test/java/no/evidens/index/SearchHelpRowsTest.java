package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the search help (the workspace's and the README's) finds what it promises, and only that:
 * each query is answered with the passages it should match, by number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchHelpRowsTest {
    private static final List<String> TEXTS = List.of(
            "Ansvarsgruppen drøftet taushetsplikt og samarbeid med NAV.",
            "Barneverntjenesten skal sikre en individuell plan for barnet.",
            "Koordinator i ansvarsgruppen er fastlegen, som har taushetsplikt i samarbeid med skolen.",
            "Samarbeidsmøtet ble avlyst.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            add(w, "plan", "styringsdokumenter/plan.pdf", "styringsdokument", 0, 2);
            add(w, "notat", "journaler/notat.txt", "journal", 2, 4);
            w.commit();
        }
    }

    private static void add(EvidenceIndexWriter w, String doc, String file, String type, int from, int to) throws IOException {
        List<Passage> passages = new ArrayList<>();
        int start = 0;
        for (int i = from; i < to; i++) {
            String p = TEXTS.get(i);
            boolean first = i % 2 == 0;
            passages.add(new Passage(Passage.idOf("fjordvik-2026", doc, i), "fjordvik-2026", doc, file, type, doc,
                    first ? "Ansvarsgruppe" : "Tiltak", 1, start, start + p.length(), p,
                    i == 2 ? List.of("har taushetsplikt") : List.of(), i == 0 ? List.of("taushetsplikt") : List.of(),
                    i == 1 ? List.of("barnevernloven") : List.of(),
                    Map.of("kommune", "Fjordvik", "tjeneste", "helse", "år", "2025")));
            start += p.length() + 2;
        }
        String text = String.join("\n\n", TEXTS.subList(from, to));
        w.add(new IndexedDocument(doc, "fjordvik-2026", file, type, doc, "sha-" + doc, "text/plain", text, List.of(0)), passages);
    }

    /** Row, query, the numbers (into TEXTS) of the passages found, in order of number. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "words       | ansvarsgruppe taushetsplikt          | 0 2",
        "phrase      | '\"individuell plan\"'               | 1",
        "exclude     | samarbeid -NAV                       | 2 3",
        "either      | fastlege OR barnet                   | 1 2",
        "prefix      | barnevern*                           | 1",
        "prefix      | samarb*                              | 0 2 3",
        "fuzzy       | koordinatr~1                         | 2",
        "proximity   | '\"taushetsplikt samarbeid\"~10'     | 0 2",
        "field type  | type:journal                         | 2 3",
        "field case  | sak:fjordvik-2026 avlyst             | 3",
        "field file  | fil:journaler/notat.txt              | 2 3",
        "field file  | fil:journaler/notat.txt avlyst       | 3",
        "heading     | overskrift:ansvarsgruppe             | 0 2",
        "indicator   | indikator:taushetsplikt              | 0",
        "law         | lov:barnevernloven                   | 1",
        "quotation   | sitat:ja                             | 2",
        "municipality| kommune:fjordvik avlyst              | 3",
        "service     | tjeneste:helse barnet                | 1",
        "year        | år:2025 NAV                          | 0"})
    void helpRowFindsWhatItSays(String row, String query, String expected) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            List<String> found = s.search(new SearchRequest(query, null, null, 20)).hits().stream()
                    .map(h -> h.passageId().substring(h.passageId().lastIndexOf('/') + 1)).sorted().toList();
            assertEquals(List.of(expected.split(" ")), found, row + ": " + query);
        }
    }
}

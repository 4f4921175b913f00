package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What an auditor types, Bokmål or Nynorsk, inflected, compounded or abbreviated, finds what is meant. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NorwegianSearchTest {
    private static final List<String> PASSAGES = List.of(
            "Barneverntjenesten har ansvar for oppfølgingen av barnet.",
            "Barnevernstenesta skal følgje opp ungdommen etter fylte 18 år.",
            "Tilsette kjenner ikkje til teieplikta og taushetsplikta når dei samarbeider med NAV.",
            "Ansatte kjenner taushetsplikten og reglene for informert samtykke.",
            "Gutten ble henvist til barne- og ungdomspsykiatrisk poliklinikk i mars.",
            "Samarbeidsmøtet mellom helsestasjonen og skolen ble avlyst.",
            "Tiltaksplanen og handlingsplanen ble ikke evaluert.",
            "Kommunen har en plan for samarbeid med fastlegene.",
            "Saken ble drøftet med Haakon Braathen i barnevernet.",
            "Koordinatoren skal lage en individuell plan sammen med familien.");

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
                passages.add(new Passage(Passage.idOf("sak", "d", i), "sak", "d", "a.txt", i < 5 ? "journal" : "styringsdokument",
                        "A", "", 1, start, start + p.length(), p, List.of(), List.of()));
                start += p.length() + 2;
            }
            w.add(new IndexedDocument("d", "sak", "a.txt", "journal", "A", "sha", "text/plain", text, List.of(0)), passages);
            w.commit();
        }
    }

    private List<String> texts(String query) throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            return s.search(new SearchRequest(query, null, null, 20)).hits().stream().map(SearchHit::text).toList();
        }
    }

    @Test
    void aCompoundIsFoundByItsPartsInBokmålAndNynorsk() throws IOException {
        List<String> hits = texts("barnevern");
        assertTrue(hits.contains(PASSAGES.get(0)), "barneverntjenesten: " + hits);
        assertTrue(hits.contains(PASSAGES.get(1)), "barnevernstenesta: " + hits);
        assertTrue(texts("samarbeid").contains(PASSAGES.get(5)), "samarbeidsmøtet");
        assertTrue(texts("tiltaksplan").stream().noneMatch(t -> t.equals(PASSAGES.get(7))),
                "the query's own compound is not split: tiltaksplan does not find every plan");
    }

    @Test
    void aPartDoesNotOutrankTheWholeWord() throws IOException {
        List<String> hits = texts("plan");
        assertEquals(PASSAGES.get(7), hits.get(0), "the passage with the word plan itself comes first: " + hits);
    }

    @Test
    void nynorskInflectionsMeetBokmål() throws IOException {
        List<String> hits = texts("taushetsplikta");
        assertTrue(hits.contains(PASSAGES.get(2)) && hits.contains(PASSAGES.get(3)), hits.toString());
    }

    @Test
    void abbreviationsAndSynonymsOfTheFieldExpand() throws IOException {
        assertTrue(texts("BUP").contains(PASSAGES.get(4)), "BUP is the child and youth psychiatric clinic");
        assertTrue(texts("IP").contains(PASSAGES.get(9)), "IP is individuell plan");
        assertTrue(texts("allmennlege").contains(PASSAGES.get(7)), "allmennlege finds fastlegene");
    }

    @Test
    void whenNoPassageHasEveryWordThePassagesWithMostOfThemComeRelaxed() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchResult r = s.search(new SearchRequest("taushetsplikt samtykke fylkeslegen", null, null, 5));
            assertTrue(r.relaxed(), "no passage says fylkeslegen");
            assertEquals(PASSAGES.get(3), r.hits().get(0).text(), "the passage with two of the three words first");
            SearchResult both = s.search(new SearchRequest("taushetsplikt samtykke", null, null, 5));
            assertEquals(1, both.allWords(), "one passage holds both words");
            assertTrue(both.relaxed() && both.total() > 1, "so few: the passages with one of them follow");
            assertEquals(PASSAGES.get(3), both.hits().get(0).text(), "the passage with both words first");
            assertEquals(0, s.search(new SearchRequest("\"taushetsplikt fylkeslegen\"", null, null, 5)).total(),
                    "a phrase is never relaxed");
        }
    }

    @Test
    void bokmålAndNynorskFormsOfAWordMeet() throws IOException {
        assertTrue(texts("teieplikta").contains(PASSAGES.get(3)), "teieplikta finds taushetsplikten");
    }

    @Test
    void oldSpellingsWithAaAeOeMeetÆøå() throws IOException {
        assertTrue(texts("Håkon Bråthen").contains(PASSAGES.get(8)));
    }

    @Test
    void contextMoreLikeThisDocumentOrderAndMarks() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            List<SearchHit> context = s.context(Passage.idOf("sak", "d", 3), 1, 1);
            assertEquals(List.of(PASSAGES.get(2), PASSAGES.get(3), PASSAGES.get(4)), context.stream().map(SearchHit::text).toList());
            assertThrows(IllegalArgumentException.class, () -> s.context("sak/d/99", 1, 1));

            SearchResult like = s.moreLikeThis(Passage.idOf("sak", "d", 3), 5);
            assertEquals(PASSAGES.get(2), like.hits().get(0).text(), "the other passage on taushetsplikt is most alike");
            assertTrue(like.hits().stream().noneMatch(h -> h.text().equals(PASSAGES.get(3))), "not itself");

            SearchResult inOrder = s.search(new SearchRequest("barnevern", null, null, 10, 0, SearchRequest.Order.DOCUMENT));
            List<Integer> starts = inOrder.hits().stream().map(SearchHit::start).toList();
            assertEquals(starts.stream().sorted().toList(), starts);
            SearchResult second = s.search(new SearchRequest("barnevern", null, null, 1, 1, SearchRequest.Order.DOCUMENT));
            assertEquals(inOrder.hits().get(1).passageId(), second.hits().get(0).passageId(), "paging");

            String text = s.document("sak", "d").orElseThrow().text();
            List<EvidenceSearcher.Mark> marks = s.marks("sak", "d", "taushetsplikt");
            assertEquals(List.of("teieplikta", "taushetsplikta", "taushetsplikten"),
                    marks.stream().map(m -> text.substring(m.start(), m.end())).toList());
        }
    }

    @Test
    void fieldNamesInNorwegianAndUnknownFieldsExplained() throws IOException {
        assertEquals(5, texts("sak:sak dokumenttype:styringsdokument").size());
        assertEquals(5, texts("type:Styringsdokument").size(), "keyword values in any case");
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> texts("forfatter:kari"));
        assertTrue(e.getMessage().contains("unknown field 'forfatter'") && e.getMessage().contains("indikator"), e.getMessage());
    }
}

package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static no.evidens.models.RefinedPersons.typed;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Round 8 of the names of issue 15: public figures named by one word, and more; invented sentences. */
class NameRound8Test {
    private static List<List<String>> persons(List<String> s, List<List<TaggedSpan>> model) {
        return RefinedPersons.persons(s, SimpleTokens::of, model);
    }

    @Test
    void aPublicFigureNamedByTheSurnameAloneIsAPersonInsideASentenceAtItsStartAndInTheGenitive() {
        List<String> s = List.of("Kritikken mot Blair var hard.", "Napoleon måtte gi seg til slutt.",
                "Hun leste Kafkas dagbøker.");
        List<List<String>> p = persons(s, List.of(List.of(), List.of(), List.of()));
        assertEquals(List.of("Blair"), p.get(0));
        assertEquals(List.of("Napoleon"), p.get(1));
        assertEquals(List.of("Kafkas"), p.get(2));
    }

    @Test
    void aPublicFigureTheModelTookForAPlaceIsThePerson() {
        List<String> s = List.of("Forslaget får ros fra Støre.");
        assertEquals(List.of(List.of("Støre")), persons(s, List.of(List.of(typed("LOC", s.get(0), "Støre")))));
    }

    @Test
    void aFamousWordTheDocumentWritesInLowerCaseIsNoPersonAndOneListedOnlyAsAWholeNameCountsOnlyWhole() {
        // «madonna» is a word too (a painting of the Virgin)
        List<String> s = List.of("Museet viser en madonna fra 1500-tallet.", "Madonna henger i salen.");
        assertEquals(List.of(), persons(s, List.of(List.of(), List.of())).get(1));
        assertFalse(FamousNames.shared().isFamous("Bolt"));
        assertTrue(FamousNames.shared().isFamous("Usain Bolt"));
        assertTrue(FamousNames.shared().isFamous("Støres"));
    }

    @Test
    void aPersonTheModelRanIntoTheOrganisationBeforeItIsCutOut() {
        List<String> s = List.of("Her er Lise i duell med Rosenborgs Mats Nordhei.", "Det sa bystyrerepresentant for partiet Rødt Arne Brekkeflot.",
                "Fondet heter Norges Bank Investment Management.");
        List<List<String>> p = persons(s, List.of(List.of(typed("ORG", s.get(0), "Rosenborgs Mats Nordhei")),
                List.of(typed("ORG", s.get(1), "Rødt Arne Brekkeflot")), List.of(typed("ORG", s.get(2), "Norges Bank Investment Management"))));
        assertEquals(List.of("Lise", "Mats Nordhei"), p.get(0));
        assertEquals(List.of("Arne Brekkeflot"), p.get(1));
        assertEquals(List.of(), p.get(2));
        // two words neither list knows after a listed party in the genitive are the person too; after an unlisted
        // genitive, or a listed name that is no genitive (Los), they are not
        List<String> t = List.of("Partiets nestleder, Venstres Qadir Vohra, sa nei.", "Han kjøpte Askelunds Fiskeri Kompani.",
                "Rangers møter Los Angeles Kings i kveld.");
        List<List<String>> q = persons(t, List.of(List.of(typed("ORG", t.get(0), "Venstres Qadir Vohra")),
                List.of(typed("ORG", t.get(1), "Askelunds Fiskeri Kompani")), List.of(typed("ORG", t.get(2), "Los Angeles Kings"))));
        assertEquals(List.of("Qadir Vohra"), q.get(0));
        assertEquals(List.of(), q.get(1));
        assertEquals(List.of(), q.get(2));
    }

    @Test
    void aPublicFigureInTheGenitiveBeforeWhatIsTheirsIsThePersonAlone() {
        List<String> s = List.of("Boken skildrer livet i Hitlers Europa.", "Han laget filmer for Røkkes Aker Kværner.");
        List<List<TaggedSpan>> model = List.of(List.of(typed("PER", s.get(0), "Hitlers Europa")),
                List.of(typed("ORG", s.get(1), "Røkkes Aker Kværner")));
        List<List<TaggedSpan>> out = DocumentNames.refine(s, s.stream().map(SimpleTokens::of).toList(), model);
        assertEquals(List.of("PER Hitlers", "LOC Europa"), out.get(0).stream().map(n -> n.type() + " " + n.cut(s.get(0))).toList());
        assertEquals(List.of("PER Røkkes", "ORG Aker Kværner"), out.get(1).stream().map(n -> n.type() + " " + n.cut(s.get(1))).toList());
    }

    @Test
    void aListedPlaceTheDocumentMakesTheSpeakerOfAQuotationIsAPersonThroughoutIt() {
        List<String> s = List.of("«Vi så ingen løver», sier Grimstad.", "De tre som reiste sammen med Grimstad, kom hjem i går.");
        List<List<String>> p = persons(s, List.of(List.of(typed("LOC", s.get(0), "Grimstad")), List.of(typed("LOC", s.get(1), "Grimstad"))));
        assertEquals(List.of(List.of("Grimstad"), List.of("Grimstad")), p);
        // a municipality speaks with its kind after the name; a place in a sentence without an attribution stays a place
        List<String> t = List.of("«Vi har ingen penger», sier Grimstad kommune.", "Hun flyttet til Grimstad i fjor.");
        List<List<String>> q = persons(t, List.of(List.of(typed("ORG", t.get(0), "Grimstad kommune")), List.of(typed("LOC", t.get(1), "Grimstad"))));
        assertEquals(List.of(List.of(), List.of()), q);
    }
}

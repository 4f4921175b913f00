package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static no.evidens.models.RefinedPersons.typed;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Round 7 of the names of issue 15: words a one-word person with a strong cue teaches its document; invented text. */
class NameRound7Test {
    private static List<List<String>> persons(List<String> s, List<List<TaggedSpan>> model) {
        return RefinedPersons.persons(s, SimpleTokens::of, model);
    }

    @Test
    void theSpeakerOfAQuotationNamedByOneWordIsThatPersonWhereTheDocumentNamesThemAloneEarlierOrLater() {
        List<String> s = List.of("Skarvhelle har ikke svart på brevet.", "«Vi venter fortsatt», sier Skarvhelle.",
                "Skarvhelle vil ta saken opp igjen.");
        List<List<String>> p = persons(s, List.of(List.of(), List.of(typed("PER", s.get(1), "Skarvhelle")), List.of()));
        assertEquals(List.of("Skarvhelle"), p.get(0));
        assertEquals(List.of("Skarvhelle"), p.get(2));
    }

    @Test
    void aPersonAfterATitleAndACommaTeachesTheWordToo() {
        List<String> s = List.of("Den nye rektoren, Okonkwo, tok over i august.", "Okonkwo vil endre timeplanen.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Okonkwo")), List.of()));
        assertEquals(List.of("Okonkwo"), p.get(1));
    }

    @Test
    void aOneWordGuessWithoutSuchACueTeachesNothing() {
        // a verb of saying that opens no attribution (svarer X:) is no cue: an organisation answers too
        List<String> s = List.of("Til kritikken svarer Fjellklanen:", "Fjellklanen har mange medlemmer.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Fjellklanen")), List.of()));
        assertEquals(List.of(), p.get(1));
    }

    @Test
    void aFullNameInTheGenitiveTeachesTheSurnameWithoutTheS() {
        List<String> s = List.of("Hun husket Tindra Lauviks hage fra barndommen.", "Lauvik svarte ikke på henvendelsen.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Tindra Lauviks")), List.of()));
        assertEquals(List.of("Lauvik"), p.get(1));
    }

    @Test
    void aNameEndingInSTeachesNoWordThatTheDocumentDoesNotWrite() {
        // «Desprès en» is no genitive; were «Desprè» taught, every «Desprès» would be its genitive
        List<String> s = List.of("Det var Aurelie Desprès en kvinne som ikke ga seg.", "Butikken heter Desprès nå.");
        List<List<TaggedSpan>> model = List.of(List.of(typed("PER", s.get(0), "Aurelie Desprès")),
                List.of(typed("ORG", s.get(1), "Desprès")));
        List<List<TaggedSpan>> out = DocumentNames.refine(s, s.stream().map(SimpleTokens::of).toList(), model);
        assertEquals("ORG", out.get(1).get(0).type());
    }

    @Test
    void aListedSurnameOpeningASentenceIsAPersonButASurnamesShapeAloneIsNot() {
        List<List<String>> p = persons(List.of("Pedersen svarte ikke på brevet.", "Distansen er for stor.",
                "Sjansen er liten."), List.of(List.of(), List.of(), List.of()));
        assertEquals(List.of("Pedersen"), p.get(0));
        assertEquals(List.of(), p.get(1));
        assertEquals(List.of(), p.get(2));
    }

    @Test
    void twoWordsTheModelTookForAClubAreAPersonWithAnAgeInBracketsEvenWithoutAListedGivenName() {
        List<String> s = List.of("Festen samlet Marlow Quennell (28) og vennene hans.", "Brannstasjon Nord (3) rykket ut.");
        List<List<String>> p = persons(s, List.of(List.of(typed("ORG", s.get(0), "Marlow Quennell")),
                List.of(typed("ORG", s.get(1), "Brannstasjon Nord"))));
        assertEquals(List.of("Marlow Quennell"), p.get(0));
        assertEquals(List.of(), p.get(1));
    }

    @Test
    void aFamilyRoleCompoundIsATitle() {
        assertTrue(DocumentNames.isTitle("presidentdatteren"));
        assertTrue(DocumentNames.isTitle("statsministersønnen"));
        assertFalse(DocumentNames.isTitle("Quennell"));
    }

    @Test
    void aGivenNameAndASurnameInTheGenitiveAfterAPlacePrepositionAreThePossessor() {
        List<String> a = List.of("Tankene går til Ingrid Lindviks rolle i filmen.");
        assertEquals(List.of(List.of("Ingrid Lindviks")), persons(a, List.of(List.of(typed("LOC", a.get(0), "Ingrid Lindviks")))));
        List<String> b = List.of("Vi kjørte til Ingrid Lindvik i går.");
        assertEquals(List.of(List.of()), persons(b, List.of(List.of(typed("LOC", b.get(0), "Ingrid Lindvik")))));
    }
}

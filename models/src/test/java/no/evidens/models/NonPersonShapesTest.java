package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Person guesses whose shape says thing, place or organisation (issue 15, round 5); fictional text. */
class NonPersonShapesTest {
    private static List<TaggedSpan> tokens(String s) {
        return SimpleTokens.of(s);
    }

    /** The names after repair of one sentence in which the model guessed {@code guess} a person, as TYPE:text. */
    private static List<String> repaired(String sentence, String guess) {
        List<List<TaggedSpan>> model = List.of(guess == null ? List.of()
                : List.of(new TaggedSpan("PER", sentence.indexOf(guess), sentence.indexOf(guess) + guess.length())));
        List<List<TaggedSpan>> out = DocumentNames.refine(List.of(sentence), List.of(tokens(sentence)), model);
        return out.get(0).stream().map(n -> n.type() + ":" + n.cut(sentence)).toList();
    }

    @Test
    void aThingNamedAfterSomeoneIsNoPersonMention() {
        assertEquals(List.of(), repaired("Rapporten om Brekkestø-utvalget kom i fjor.", "Brekkestø-utvalget"));
        assertEquals(List.of(), repaired("Politiet fant DNA-spor i bilen.", "DNA-spor"));
        assertEquals(List.of("PER:Kari-Anne Brekkestø"), repaired("Saken gjaldt Kari-Anne Brekkestø i fjor.", "Kari-Anne Brekkestø"),
                "a double given name keeps its capital after the hyphen");
        // round 7: a name run into such a compound after it keeps the name
        assertEquals(List.of("PER:Tobias Quennell"), repaired("Se på Tobias Quennell Fjordvik-treneren i fjor.",
                "Tobias Quennell Fjordvik-treneren"));
        assertEquals(List.of(), repaired("Hun kjøpte Glade Fjell-bokbind til sønnen.", "Glade Fjell-bokbind"));
    }

    @Test
    void aCompoundOfAnInstitutionOrSettlementNounIsNoPerson() {
        assertEquals(List.of(), repaired("Elevene på Solbakkskolen var med.", "Solbakkskolen"));
        assertEquals(List.of(), repaired("Hvis ingen gjør noe, vil Glimmerbygda være tom om ti år.", "Glimmerbygda"));
        assertEquals(List.of("PER:Bjørndalen"), repaired("Løpet ble vunnet av Bjørndalen i går.", "Bjørndalen"),
                "a surname ending like a valley is left alone");
    }

    @Test
    void anInstitutionOrFirmWordAtTheNamesEdgeMakesItAnOrganisationUnlessAGivenNameStandsInIt() {
        assertEquals(List.of("ORG:Galleri Fjordgløtt"), repaired("Tenk om vi fikk Galleri Fjordgløtt hit.", "Galleri Fjordgløtt"));
        assertEquals(List.of("ORG:Tindefjell Energi"), repaired("Planene kom fra Tindefjell Energi i vår.", "Tindefjell Energi"));
        assertEquals(List.of("PER:Olav Kraft"), repaired("Foto: Olav Kraft, Nordlysinstituttet.", "Olav Kraft"));
    }

    @Test
    void anAcronymOfTheInitialsInBracketsMakesAnOrganisationButNotOfAPersonsName() {
        assertEquals(List.of("ORG:Vern om fjordene"), repaired("Hun møtte både Vern om fjordene (VOF) og kommunen.", "Vern"));
        assertEquals(List.of("ORG:Central Sindical de Trabajadores"),
                repaired("Lederen for Central Sindical de Trabajadores (CST) talte.", "Central Sindical"));
        assertEquals(List.of("PER:Kari Anne Brekkestø"),
                repaired("Saksbehandler Kari Anne Brekkestø (KAB) skrev notatet.", "Kari Anne Brekkestø"));
    }

    @Test
    void aQuotedNameWithANumberIsAThingEvenMadeOfPersonNames() {
        assertEquals(List.of(), repaired("Hun jobbet om bord på «Kong Harald 2» i fire dager.", "Kong Harald"));
        assertEquals(List.of(), repaired("Hun jobbet om bord på «Ingrid Marie 2» i fire dager.", "Marie"),
                "the whole quotation is read, not only the guess, and the cues may not find the given name again");
        assertEquals(List.of("PER:Ingrid Marie"), repaired("Hun hilste på «Ingrid Marie» i fjor.", "Ingrid Marie"));
    }

    @Test
    void pluralRoleWordsAreTitlesAndAnAdjectiveOpeningANameIsLeftOut() {
        assertTrue(DocumentNames.isTitle("Forgjengerne"));
        assertTrue(DocumentNames.isTitle("Lærerne"));
        assertFalse(DocumentNames.isTitle("Marianne"));
        assertEquals(List.of("PER:Brekkestø"), repaired("Søvnløs Brekkestø vant igjen.", "Søvnløs Brekkestø"));
        assertTrue(DocumentNames.isNoNameWord("Søvnløs"));
        assertTrue(DocumentNames.isNoNameWord("Energi"));
        assertFalse(DocumentNames.isNoNameWord("Ludvig"));
    }
}

package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A capitalised word inside a sentence that nothing else explains (issue 15, round 4); fictional text. */
class UnknownWordNamesTest {

    @Test
    void anUnknownCapitalisedWordInsideASentenceIsAPerson() {
        List<List<String>> p = NameCuesTest.persons("Etter møtet ringte Tarjei Vossevang til kontoret.",
                "Saken gjaldt også Zorbek, som ikke møtte.", "Hvis Zorbek hadde møtt, gikk det bedre enn hvis ingen kom.");
        assertEquals(List.of("Tarjei Vossevang"), p.get(0));
        assertEquals(List.of("Zorbek"), p.get(1));
        assertEquals(List.of("Zorbek"), p.get(2), "the capitalised first word of a sentence is no part of a longer name");
    }

    @Test
    void aPlaceOrInstitutionByItsShapeOrContextIsNoPerson() {
        List<List<String>> p = NameCuesTest.persons(
                "Vi gikk en tur til Glimmerdal før kvelden.",              // after a place preposition
                "De vandret langs elven Sølvbekk hele dagen.",               // a definite noun names what it is
                "Vi drakk kaffe med Glimmerbyen og Kvitstein.",              // …byen: a place; not masked on its own
                "Tilbudet kom fra Mosevang ungdomsskole i fjor.",            // a generic noun after it
                "Planen handler om Trollpakken som kommunen vil ha.",        // a long word in the definite form
                "Hun handlet hos Brisk & Brisk hver uke.",                   // a firm's ampersand
                "Avisen skrev om The Glimmer Times i går.",                  // English function word
                "1. Barneombud har rett til å bli hørt.",                    // a list item's number opens a sentence
                "Hun leste sjette bind av Min kamp i fjor.");                // a function word opens a title
        assertEquals(List.of(), p.get(0));
        assertEquals(List.of(), p.get(1));
        assertEquals(List.of("Kvitstein"), p.get(2));
        for (int i = 3; i < p.size(); i++) {
            assertEquals(List.of(), p.get(i), "sentence " + i);
        }
    }

    @Test
    void aHeadingRunIntoASentenceIsNoName() {
        List<List<String>> p = NameCuesTest.persons("Tiltaket er evaluert.\n\n4.1 Delegering av myndighet\n\nRådmannen har delegert.",
                "Sak 14/25 Godkjenning av innkalling.", "b) Kommunal leder har ansvaret.", "Møtet var på møterom Fjellet i går.");
        for (int i = 0; i < p.size(); i++) {
            assertEquals(List.of(), p.get(i), "sentence " + i);
        }
    }

    @Test
    void twoUnknownWordsOpeningASentenceBeforeAVerbOfSayingAreAPerson() {
        List<List<String>> p = NameCuesTest.persons("Bakoro Tindefjell sier at saken er løst.", "Glimmerbekk sier ingenting.");
        assertEquals(List.of("Bakoro Tindefjell"), p.get(0));
        assertEquals(List.of(), p.get(1), "one word at a sentence start may be anything (Samtidig sier …)");
    }

    @Test
    void aCompoundEndingInAWordTheDocumentWritesInLowerCaseIsNoName() {
        assertTrue(UnknownWordNames.compound("tindebakeriet", Set.of("bakeriet")));
        assertTrue(UnknownWordNames.compound("sølvfjorden", Set.of()));
        assertFalse(UnknownWordNames.compound("vossevang", Set.of("bakeriet")));
    }
}

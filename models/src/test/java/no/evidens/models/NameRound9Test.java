package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static no.evidens.models.RefinedPersons.typed;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Round 9 of the names of issue 15: a name misspelt, a given name the model took for a place, a cast list; invented sentences. */
class NameRound9Test {
    private static List<List<String>> persons(List<String> s, List<List<TaggedSpan>> model) {
        return RefinedPersons.persons(s, SimpleTokens::of, model);
    }

    @Test
    void aWordOfAFullNameWithTwoNeighbouringLettersSwappedIsThePersonAgain() {
        List<String> s = List.of("Partiets nestleder, Imran Bakhtiary, er født i Lahore.", "Bakhitary appellerer til de unge velgerne.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Imran Bakhtiary")), List.of()));
        assertEquals(List.of("Bakhitary"), p.get(1));
    }

    @Test
    void aLetterAddedOrAWordTheDocumentWritesInLowerCaseIsNoMisspeltName() {
        List<String> s = List.of("Lise Tornholm kom hjem i går.", "Tornholmen ligger øde til om våren.");
        assertEquals(List.of(), persons(s, List.of(List.of(typed("PER", s.get(0), "Lise Tornholm")), List.of())).get(1));
        // «Mroe» swapped is «More», a name word here, but the document writes «mroe» in lower case (a typo of a word)
        List<String> t = List.of("Dirigenten Ada More vinket.", "Det ble mroe enn nok.", "Mroe kom aldri.");
        assertEquals(List.of(), persons(t, List.of(List.of(typed("PER", t.get(0), "Ada More")), List.of(), List.of())).get(2));
        // «Mange» is «Magne» with two letters swapped, but a function word opening a sentence
        List<String> u = List.of("Magne Tveit ledet møtet.", "Mange opplever at tilbudet blir borte.");
        assertEquals(List.of(), persons(u, List.of(List.of(typed("PER", u.get(0), "Magne Tveit")), List.of())).get(1));
    }

    @Test
    void aGivenNameTheModelTookForAPlaceIsAPersonBeforeItsVerb() {
        List<String> s = List.of("Etter middagen tok Oline bussen hjem.");
        assertEquals(List.of(List.of("Oline")), persons(s, List.of(List.of(typed("LOC", s.get(0), "Oline")))));
    }

    @Test
    void aGivenNameTheDocumentWritesAfterAPlacePrepositionOrOneBeforeAFunctionWordStaysAPlace() {
        List<String> s = List.of("Hun flyttet fra Oline i fjor.", "Oline ligger ved sjøen.");
        assertEquals(List.of(List.of(), List.of()), persons(s, List.of(List.of(typed("LOC", s.get(0), "Oline")),
                List.of(typed("LOC", s.get(1), "Oline")))));
        List<String> t = List.of("Ferja går mellom Oline og fastlandet.");
        assertEquals(List.of(List.of()), persons(t, List.of(List.of(typed("LOC", t.get(0), "Oline")))));
    }

    @Test
    void aRoleFollowedByThePlayersNameInBracketsIsAPerson() {
        List<String> s = List.of("I filmen møter vi moren (Ragnhild Sæther) og vesle Tindre (Maja Holst) på flukt.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Ragnhild Sæther"), typed("LOC", s.get(0), "Tindre"),
                typed("PER", s.get(0), "Maja Holst"))));
        assertEquals(List.of("Ragnhild Sæther", "Tindre", "Maja Holst"), p.get(0));
        // no given name in the brackets (a place and its region), or a place preposition before it: a place
        List<String> t = List.of("Vi besøkte Tindre (Nordre Lerkevik) en vinter.");
        assertEquals(List.of(List.of()), persons(t, List.of(List.of(typed("LOC", t.get(0), "Tindre")))));
        List<String> u = List.of("Bussen kjører nå til Tindre (Maja Holst).");
        assertEquals(List.of(List.of("Maja Holst")), persons(u, List.of(List.of(typed("LOC", u.get(0), "Tindre"),
                typed("PER", u.get(0), "Maja Holst")))));
    }
    @Test
    void aRoyalNamedWithTheCountryIsOneNameAndAGivenNameAfterATitleIsAPerson() {
        List<String> s = List.of("Først kom dronning Ragnfrid av Valdoria og eks-dronning Ylva av Nordmark.", "Så kom den unge dronning Oline.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Ragnfrid"), typed("LOC", s.get(0), "Valdoria"),
                typed("PER", s.get(0), "Ylva")), List.of(typed("LOC", s.get(1), "Oline"))));
        assertEquals(List.of(List.of("Ragnfrid av Valdoria", "Ylva av Nordmark"), List.of("Oline")), p);
        // without a royal title, «av» is no part of the name (a book by its author)
        List<String> t = List.of("Hun leste en roman av Ragnhild Sæther av og til.");
        assertEquals(List.of(List.of("Ragnhild Sæther")), persons(t, List.of(List.of(typed("PER", t.get(0), "Ragnhild Sæther")))));
    }

    @Test
    void capitalLettersTheDocumentNamesPeopleByArePersons() {
        List<String> s = List.of("A lever isolert.", "Både A og B har det tungt nå.", "Jeg opplevde situasjonen til A som urimelig.");
        assertEquals(List.of(List.of("A"), List.of("A", "B"), List.of("A")), persons(s, List.of(List.of(), List.of(), List.of())));
        // two letters as one subject teach both
        List<String> u = List.of("C og D er ikke alene.");
        assertEquals(List.of(List.of("C", "D")), persons(u, List.of(List.of())));
        // a letter after a noun, with a hyphen or a period, or one no clause makes a subject, names nobody
        List<String> t = List.of("Plan B er klar.", "A-laget vant, og vitamin D hjelper.", "Svaret står i vedlegg C.");
        assertEquals(List.of(List.of(), List.of(), List.of()), persons(t, List.of(List.of(), List.of(), List.of())));
    }
}

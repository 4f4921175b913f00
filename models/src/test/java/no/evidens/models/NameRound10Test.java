package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static no.evidens.models.RefinedPersons.typed;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Round 10 of the names of issue 15 (from the errors of hold-out fold 4): names listed together, relatives named after
 * their role, a three-word name the model took for a place, a byline written surname first; invented sentences.
 */
class NameRound10Test {
    private static List<List<String>> persons(List<String> s, List<List<TaggedSpan>> model) {
        return RefinedPersons.persons(s, SimpleTokens::of, model);
    }

    @Test
    void placeGuessesListedTogetherWithAPersonArePersonsAlongTheWholeList() {
        List<String> s = List.of("Ingrid, Tovalde og Merisa satt på første rad.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Ingrid"), typed("LOC", s.get(0), "Tovalde"),
                typed("LOC", s.get(0), "Merisa"))));
        assertEquals(List.of("Ingrid", "Tovalde", "Merisa"), p.get(0));
    }

    @Test
    void aPlaceListedWithAPersonStaysAPlaceWhenTheDocumentWritesItAfterAPlacePrepositionOrItIsAnOrganisation() {
        List<String> s = List.of("Ingrid og Tovalde fikk besøk.", "Hun har flyttet til Tovalde.");
        assertEquals(List.of(List.of("Ingrid"), List.of()), persons(s, List.of(
                List.of(typed("PER", s.get(0), "Ingrid"), typed("LOC", s.get(0), "Tovalde")), List.of(typed("LOC", s.get(1), "Tovalde")))));
        List<String> t = List.of("Solveig Brattli og Fjordlista la fram planen.");
        assertEquals(List.of(List.of("Solveig Brattli")), persons(t, List.of(List.of(typed("PER", t.get(0), "Solveig Brattli"),
                typed("ORG", t.get(0), "Fjordlista")))));
    }

    @Test
    void aOneWordPlaceGuessRightAfterARelativesRoleIsThePerson() {
        List<String> s = List.of("Han fikk meldingen fra forloveden Tovalde i går.", "Hun reiste med døtrene Merisa og Tovalde.");
        List<List<String>> p = persons(s, List.of(List.of(typed("LOC", s.get(0), "Tovalde")),
                List.of(typed("LOC", s.get(1), "Merisa"), typed("LOC", s.get(1), "Tovalde"))));
        assertEquals(List.of(List.of("Tovalde"), List.of("Merisa", "Tovalde")), p);
    }

    @Test
    void threeWordsTheModelTookForAPlaceAreAPersonWithTwoGivenNamesFirst() {
        List<String> s = List.of("Forsker i pedagogikk Jan Frode Lønstad tror det motsatte.");
        assertEquals(List.of(List.of("Jan Frode Lønstad")), persons(s, List.of(List.of(typed("LOC", s.get(0), "Jan Frode Lønstad")))));
        // after a place preposition such a name is a place or a firm named after someone
        List<String> t = List.of("Vi kjøpte det fra Jan Frode Lønstad i fjor.");
        assertEquals(List.of(List.of()), persons(t, List.of(List.of(typed("LOC", t.get(0), "Jan Frode Lønstad")))));
    }

    @Test
    void aPhotoBylineWrittenSurnameFirstIsAPersonButNotAWordBeforeAnAgency() {
        List<String> s = List.of("Foto: Lønstadvåg, Svein Ove");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Svein Ove"))));
        assertEquals(List.of("Lønstadvåg", "Svein Ove"), p.get(0));
        List<String> t = List.of("Foto: Lønstadvåg, Reuters");
        assertEquals(List.of(List.of()), persons(t, List.of(List.of())));
    }

    @Test
    void anUntaggedWordListedWithAPersonInsideASentenceIsAPersonButNotAtItsStart() {
        List<String> s = List.of("Forskjellen på Ingrid Holm og Tovalde er stor.");
        assertEquals(List.of(List.of("Ingrid Holm", "Tovalde")), persons(s, List.of(List.of(typed("PER", s.get(0), "Ingrid Holm")))));
        List<String> t = List.of("Tovalde og Ingrid Holm kom sist.");
        assertEquals(List.of(List.of("Ingrid Holm")), persons(t, List.of(List.of(typed("PER", t.get(0), "Ingrid Holm")))));
    }

    @Test
    void oneWordWithAnAgeInBracketsIsAPersonAndSoAreTheSiblingsListedAfterIt() {
        List<String> s = List.of("Hun har tre yngre søsken, Emma (11), Tovalde (10) og Nora (4).");
        List<List<String>> p = persons(s, List.of(List.of(typed("LOC", s.get(0), "Emma"), typed("LOC", s.get(0), "Tovalde"),
                typed("LOC", s.get(0), "Nora"))));
        // Tovalde is no listed given name and a child's age is no adult's: a person as one of the siblings listed
        assertEquals(List.of("Emma", "Tovalde", "Nora"), p.get(0));
        // a unit's number after a word that is no given name: no person
        List<String> t = List.of("Laget ble nummer to, foran Nordgrend (3).");
        assertEquals(List.of(List.of()), persons(t, List.of(List.of(typed("LOC", t.get(0), "Nordgrend")))));
    }

    @Test
    void aSpeakerNamedByOneWordAfterAVerbOfGoingOnIsAPerson() {
        List<String> t = List.of("- Vi skal vinne, fortsatte Lønstadmo.");
        assertEquals(List.of(List.of("Lønstadmo")), persons(t, List.of(List.of())));
    }
}

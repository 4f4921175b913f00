package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static no.evidens.models.RefinedPersons.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The cues of round 3 of issue 15 (surnames, ages, signatures, initials, titles, the model's types); fictional text. */
class NameCuesTest {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}-]+\\.?|[^\\s\\p{L}\\p{N}]");

    /** Words, an initial with its period ({@code B.}), punctuation: close to what the tokenizer gives. */
    private static List<TaggedSpan> tokens(String s) {
        List<TaggedSpan> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            boolean initial = m.group().length() == 2 && m.group().endsWith(".");
            int end = m.group().endsWith(".") && !initial ? m.end() - 1 : m.end();
            out.add(new TaggedSpan("TOKEN", m.start(), end));
            if (end < m.end()) {
                out.add(new TaggedSpan("TOKEN", end, m.end()));
            }
        }
        return out;
    }

    private static List<List<String>> persons(List<String> s, List<List<TaggedSpan>> model) {
        return RefinedPersons.persons(s, NameCuesTest::tokens, model);
    }

    static List<List<String>> persons(String... s) {
        return persons(List.of(s), List.of(s).stream().map(x -> List.<TaggedSpan>of()).toList());
    }

    @Test
    void aListedSurnameOrASurnamesShapeInsideASentenceIsAPersonButNotAfterAPlacePreposition() {
        List<List<String>> p = persons("Saken ble lagt fram av Gulliksen i møtet.", "Rapporten ble skrevet av Mahamoud i fjor.",
                "Hun bodde lenge på Sunde før hun flyttet.", "Klassen var samlet i gymsalen.");
        assertEquals(List.of("Gulliksen"), p.get(0));
        assertEquals(List.of("Mahamoud"), p.get(1));
        assertEquals(List.of(), p.get(2));
        assertEquals(List.of(), p.get(3));
    }

    @Test
    void surnameShapes() {
        assertTrue(NameShapes.isSurname("Bertelsens"));
        assertTrue(NameShapes.isSurname("Karlsson"));
        assertTrue(NameShapes.isSurname("Jovanović"));
        assertFalse(NameShapes.isSurname("Avisen"));
        assertFalse(NameShapes.isSurname("Kongressen"));
        assertFalse(NameShapes.isSurname("Ledelsens"));
        assertTrue(NameShapes.isSurname("Mikkelsen"));
        assertFalse(NameShapes.isSurname("Kontaktperson"));
    }

    @Test
    void anAgeInBracketsASignatureInQuotationMarksAndATitleOpeningTheSentenceMarkAPerson() {
        List<List<String>> p = persons("En av dem er Tarvo Ilmanen (47).", "Brevet var signert «Nøkkelvokter».",
                "Boka heter «Glass Harbour».", "Ordfører Skarvhelle stemte ja.");
        assertEquals(List.of("Tarvo Ilmanen"), p.get(0));
        assertEquals(List.of("Nøkkelvokter"), p.get(1));
        assertEquals(List.of(), p.get(2));
        assertEquals(List.of("Skarvhelle"), p.get(3));
    }

    @Test
    void initialsParticlesDoubleNamesAndAPartyInTheGenitiveBelongToTheName() {
        List<List<String>> p = persons("Notatet er skrevet av Kari B. Nordvik og Jan van Tuijl.", "Det var Kari-Anne som ringte.",
                "Venstres Ilka Marrow stemte mot.", "Per sier nei til forslaget.", "Per dag kommer det to.");
        assertEquals(List.of("Kari B. Nordvik", "Jan van Tuijl"), p.get(0));
        assertEquals(List.of("Kari-Anne"), p.get(1));
        assertEquals(List.of("Ilka Marrow"), p.get(2));
        assertEquals(List.of("Per"), p.get(3));
        assertEquals(List.of(), p.get(4));
    }

    @Test
    void theModelsOrganisationOrPlaceBecomesAPersonOnlyWithTwoSigns() {
        List<String> s = List.of("Nordalias statsminister Kofi Mensah Owusu gikk av.", "Vaktene sto utenfor Owusus hjem.",
                "- Vi går ikke av, sier Skarvhelle.", "Turen til Owusu tar en time.", "Kritikken kom fra Bertelsens kontor.");
        List<List<String>> p = persons(s, List.of(List.of(typed("ORG", s.get(0), "Kofi Mensah Owusu")),
                List.of(typed("LOC", s.get(1), "Owusus")), List.of(typed("ORG", s.get(2), "Skarvhelle")),
                List.of(typed("LOC", s.get(3), "Owusu")), List.of(typed("ORG", s.get(4), "Bertelsens"))));
        assertEquals(List.of("Kofi Mensah Owusu"), p.get(0));
        assertEquals(List.of("Owusus"), p.get(1));
        assertEquals(List.of("Skarvhelle"), p.get(2));
        assertEquals(List.of(), p.get(3)); // a word of a full name, but no cue: the model's place stays
        assertEquals(List.of("Bertelsens"), p.get(4));
    }

    @Test
    void aTwoWordPersonGuessFillingAQuotationWithNoListedNameIsTheTitleOfAWork() {
        List<String> s = List.of("Han leste «Glass Harbour» på nytt.", "Hun siterte «Kari Nordvik» i brevet.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Glass Harbour")),
                List.of(typed("PER", s.get(1), "Kari Nordvik"))));
        assertEquals(List.of(), p.get(0));
        assertEquals(List.of("Kari Nordvik"), p.get(1));
    }

    @Test
    void namesRunTogetherInATableCellAreCutBeforeEachGivenNameAndAnInitialKeepsANameWhole() {
        List<String> s = List.of("| Tilsynsgruppe: | Tone Brekkestø Ingrid Vasslid Carina Olsbakk |",
                "Notatet er skrevet av Jan W. Jensen Ruud i går.");
        List<List<String>> p = persons(s, List.of(List.of(typed("PER", s.get(0), "Tone Brekkestø Ingrid Vasslid Carina Olsbakk")),
                List.of(typed("PER", s.get(1), "Jan W. Jensen Ruud"))));
        assertEquals(List.of("Tone Brekkestø", "Ingrid Vasslid", "Carina Olsbakk"), p.get(0));
        assertEquals(List.of("Jan W. Jensen Ruud"), p.get(1));
    }
}

package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Round 30 of the anonymisation (issue 15): misspelt surnames of the written stress set q5's kinds; persons made up. */
class AnonymiserRound30Test {

    @Test
    void aSurnameWithALetterAddedIsMaskedWhereItOpensASentence() {
        String doc = "Naboen Jostein Quillaved var ikke begeistret. Quillavedh klaget til styret etter to dager.";
        assertEquals("Naboen [navn 1] var ikke begeistret. [navn 2] klaget til styret etter to dager.",
                anonymiseAlone(typedAs("PER:Jostein Quillaved"), doc));
    }

    @Test
    void aSurnameWrittenWithoutItsDiacriticsIsMaskedWhereItOpensASentence() {
        String doc = "Naboen Marcin Zorbeński deltok. Zorbenski foreslo fotballgruppen.";
        assertEquals("Naboen [navn 1] deltok. [navn 2] foreslo fotballgruppen.",
                anonymiseAlone(typedAs("PER:Marcin Zorbeński"), doc));
    }

    @Test
    void aNounWithALetterAddedToASurnameStaysWhereTheTextWritesItInLowerCase() {
        // Haugene is Haugen with a letter added, but the text writes it in lower case too: a noun (the hills)
        String doc = "Det sier Kari Haugen til avisen. Haugene rundt byen er grønne, og haugene er mange.";
        assertEquals("Det sier [navn 1] til avisen. Haugene rundt byen er grønne, og haugene er mange.",
                anonymiseAlone(typedAs("PER:Kari Haugen"), doc));
    }

    @Test
    void aNordicLetterIsNoDiacriticButAnAccentIs() {
        Persons persons = new Persons();
        persons.numberOf("Kari Håland");
        persons.numberOf("Marcin Zorbeński");
        assertFalse(persons.knownButOneLetter("Haland"), "å is a letter of its own, not a with a mark");
        assertTrue(persons.knownButOneLetter("Zorbenski"));
        assertTrue(persons.knownButOneLetter("Hååland"), "one letter added");
        assertFalse(persons.knownButOneLetter("Kari"), "the name word itself is no misspelling");
    }
}

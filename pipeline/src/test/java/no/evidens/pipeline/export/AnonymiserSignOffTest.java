package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A letter's sign-off word stays beside the name it introduces: {@code Hilsen Kari Nordmann} is {@code Hilsen [navn 1]},
 * not one name of three words (the README walk of round 40). The letters are made up.
 */
class AnonymiserSignOffTest {
    @Test
    void theGreetingBeforeAMaskedNameIsKept() {
        String doc = "Vi er bekymret for gutten, som ikke har møtt på skolen siden oktober.\n\nHilsen Kari Nordmann";
        assertEquals("Vi er bekymret for gutten, som ikke har møtt på skolen siden oktober.\n\nHilsen [navn 1]",
                anonymiseAlone(typedAs("PER:Kari Nordmann"), doc));
    }

    @Test
    void theGreetingIsKeptWhenTheSignOffRunsOnInTheSameLine() {
        String doc = "Takk for møtet i går. Hilsen Kari Nordmann, kontaktlærer";
        assertEquals("Takk for møtet i går. Hilsen [navn 1], kontaktlærer", anonymiseAlone(typedAs("PER:Kari Nordmann"), doc));
    }

    @Test
    void otherSignOffWordsAreKeptToo() {
        String doc = "Jeg ber om svar innen fredag.\n\nMvh Ola Hansen\n\nVennlig hilsen Per Olsen";
        assertEquals("Jeg ber om svar innen fredag.\n\nMvh [navn 1]\n\nVennlig hilsen [navn 2]",
                anonymiseAlone(typedAs("PER:Ola Hansen", "PER:Per Olsen"), doc));
    }

    @Test
    void theRealNameModelMasksTheNameAndKeepsTheGreeting() {
        String doc = "Melding til barneverntjenesten\n\nVi er bekymret for gutten, som ikke har møtt på skolen siden oktober."
                + "\n\nHilsen Kari Nordmann\n\nKontaktlærer, Fjellvik skole";
        String quote = "Vi er bekymret for gutten, som ikke har møtt på skolen siden oktober.\n\nHilsen Kari Nordmann";
        assertEquals("Vi er bekymret for gutten, som ikke har møtt på skolen siden oktober.\n\nHilsen [navn 1]",
                Anonymiser.withNameModel().anonymise(quote, new Persons(), java.util.List.of(doc)));
    }
}

package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.models.TaggedSpan;

/**
 * Words that open sentences and name nobody, masked before for a name elsewhere in the document (issue 15, anonymisation
 * round 20, chosen on the hold-out folds); every name here is made up.
 */
class AnonymiserRound20Test {
    @Test
    void thePronounHanIsNotTheGivenNameHansWithoutItsGenitive() {
        String doc = "Dette sier Hans Quillan til avisen. Han mener at alt gikk bra. Senere kom Hans tilbake.";
        assertEquals("Dette sier [navn 1] til avisen. Han mener at alt gikk bra. Senere kom [navn 1] tilbake.",
                typedAs("PER:Hans Quillan").anonymise(doc, new Persons(), List.of(doc)));
    }

    @Test
    void oneGuessOfAFunctionWordAsAPersonIsNotSpreadThroughTheDocument() {
        String first = "Det var Zorbek Quillan som vant.";
        String second = "Det er klart at han vant.";
        // the model takes the first passage's opening Det for a person, once
        Anonymiser.NameFinder finder = text -> {
            List<TaggedSpan> out = new ArrayList<>();
            if (text.startsWith("Det var")) {
                out.add(new TaggedSpan("PER", 0, 3));
            }
            int at = text.indexOf("Zorbek Quillan");
            if (at >= 0) {
                out.add(new TaggedSpan("PER", at, at + "Zorbek Quillan".length()));
            }
            return out;
        };
        assertEquals(second, new Anonymiser(finder).anonymise(second, new Persons(), List.of(first, second)));
    }

    @Test
    void anAdverbOrAWeekdayOpeningASentenceIsNoNameBesideANameNorItsSubject() {
        String doc = "Ifølge Quillan er saken klar. Torsdag ble han valgt. Allikevel er han misfornøyd.";
        assertEquals("Ifølge [navn 1] er saken klar. Torsdag ble han valgt. Allikevel er han misfornøyd.",
                typedAs("PER:Quillan").anonymise(doc, new Persons(), List.of(doc)));
    }
}

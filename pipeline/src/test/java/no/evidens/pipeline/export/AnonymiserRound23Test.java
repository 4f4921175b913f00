package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Names left whole on the hold-out folds, and the safeguards of a person's context for the kinds the test files are likely
 * to leak (issue 15, anonymisation round 23, chosen on the folds only); every person and sentence here is made up.
 */
class AnonymiserRound23Test {
    @Test
    void aNicknameInTheDefiniteFormOpeningALineBeforeAVerbOfSayingIsMasked() {
        String doc = "Om å holde orden på ting\nQuillandamen spurte i går hvordan andre gjør det.";
        assertEquals("Om å holde orden på ting\n[navn 1] spurte i går hvordan andre gjør det.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aPluralOrAWordTheTextWritesInLowerCaseBeforeAVerbOfSayingIsLeft() {
        String doc = "Naboer mener kvoten er for liten. Styret sier at styret møtes igjen.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aWordBeforeAVerbOfSayingWhoseSubjectFollowsTheVerbIsLeft() {
        String doc = "Kveldsturen synes jeg er dagens beste stund. Julaften sier 40 prosent er årets beste dag.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aQuotationsSpeakerAfterTheVerbIsMaskedWhateverTheModelTypedIt() {
        String doc = "– Vi går videre nå, sier Zorbek Vossmo etter møtet.";
        assertEquals("– Vi går videre nå, sier [navn 1] etter møtet.", anonymiseAlone(typedAs("LOC:Zorbek Vossmo"), doc));
    }

    @Test
    void aListedOrganisationThatSpeaksAfterTheVerbIsLeft() {
        String doc = "«Vi ser på saken», sier Kommunen i en e-post.";
        assertEquals(doc, anonymiseAlone(typedAs("ORG:Kommunen"), doc));
    }

    @Test
    void aPersonSomeoneIsLikenedToIsMaskedWhateverTheModelTypedIt() {
        String doc = "Det går tregt, men jeg ligner på Zorbek Quillan når jeg løper.";
        assertEquals("Det går tregt, men jeg ligner på [navn 1] når jeg løper.", anonymiseAlone(typedAs("ORG:Zorbek Quillan"), doc));
    }

    @Test
    void aListedPlaceSomethingIsLikenedToIsLeft() {
        String doc = "Torget ligner på Bergen en sommerdag.";
        assertEquals(doc, anonymiseAlone(typedAs("LOC:Bergen"), doc));
    }
}

package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Names the folds' stress runs of quarters 1–3 left whole or in part when the name model missed them (issue 15,
 * anonymisation round 26, chosen on those runs and the treebank dev files only); every person and sentence here is made up.
 */
class AnonymiserRound26Test {
    @Test
    void aListedGivenNameAndASurnameAfterACaptionsColonAreOneName() {
        String doc = "Tålmodighetsarbeid: Kari Quillan i den lille bedriften syr kjoler.";
        assertEquals("Tålmodighetsarbeid: [navn 1] i den lille bedriften syr kjoler.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aSocialMediaHandleIsNoLowerCaseUseOfTheName() {
        String doc = "Mange følger Zorbek Quillan (@zorbek_quillan) på nettet.";
        assertEquals("Mange følger [navn 1] på nettet.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void lettersTheDocumentNamesPeopleByAreMaskedWhereverTheyStandAloneButNotAfterANoun() {
        String doc = "A lever isolert. Problemet er, sier B, at både A og B trenger hjelp. Plan C er ikke nok.";
        assertEquals("[navn 1] lever isolert. Problemet er, sier [navn 2], at både [navn 3] og [navn 4] trenger hjelp. "
                + "Plan C er ikke nok.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aLetterNoSentenceMakesASubjectIsLeft() {
        String doc = "Vi valgte plan B. Etter det kom punkt A i listen.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aListedSurnameOpeningASentenceBeforeAFiniteVerbsShapeIsItsSubjectButNotACommonNounsShape() {
        String doc = "Jeg har tatt feil. Hansen deltok i nettpraten. Kommunen deltok også. Undersøkelsen konkluderes med det.";
        assertEquals("Jeg har tatt feil. [navn 1] deltok i nettpraten. Kommunen deltok også. Undersøkelsen konkluderes med det.",
                anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aWordAListKnowsAsAnOrganisationIsTheSurnameAfterAMaskedGivenName() {
        String doc = "Når Kari Schibsted legger ut bilder, får hun mange svar.";
        assertEquals("Når [navn 1] legger ut bilder, får hun mange svar.", anonymiseAlone(typedAs("PER:Kari"), doc));
    }

    @Test
    void theSpeakerBetweenSomAndAVerbOfSayingIsMasked() {
        String doc = "Men en blogg er, som Zorbek sier, en krysning mellom privat og offentlig.";
        assertEquals("Men en blogg er, som [navn 1] sier, en krysning mellom privat og offentlig.",
                anonymiseAlone(typedAs("ORG:Zorbek"), doc));
    }

    @Test
    void twoInitialsAndASurnameAreOneNameWhateverTheModelTypedThem() {
        String doc = "Boken leder tanken til poeten K. Z. Quillan og hans dikt.";
        assertEquals("Boken leder tanken til poeten [navn 1] og hans dikt.", anonymiseAlone(typedAs("LOC:Quillan"), doc));
    }
}

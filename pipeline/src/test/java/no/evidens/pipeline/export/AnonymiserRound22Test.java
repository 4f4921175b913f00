package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Names left whole or in part on the hold-out folds and their stress run (issue 15, anonymisation round 22, chosen on the
 * folds only); every person and sentence here is made up.
 */
class AnonymiserRound22Test {
    @Test
    void theProperNamesOfBeingsAreMaskedWhereverTheyStand() {
        String doc = "Gud vet hvor lenge vi ventet. Presten talte om Jesus og om Satans fristelser.";
        assertEquals("[navn 1] vet hvor lenge vi ventet. Presten talte om [navn 2] og om [navn 3] fristelser.",
                anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aBeingNamedByADefiniteNounIsMaskedWithACapitalInsideASentenceOnly() {
        String doc = "Djevelen er et gammelt motiv. Boka kaller tonen en gave fra Djevelen, og djevelen i detaljene likeså.";
        assertEquals("Djevelen er et gammelt motiv. Boka kaller tonen en gave fra [navn 1], og djevelen i detaljene likeså.",
                anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aBeingsNameOpeningAQuotationInsideASentenceIsMaskedButNotOneOpeningASentence() {
        String doc = "Koret sang en salme kalt «Djevelens hage» i kveld. «Djevelens hage» er kjent, sa de.";
        assertEquals("Koret sang en salme kalt «[navn 1] hage» i kveld. «Djevelens hage» er kjent, sa de.",
                anonymiseAlone(typedAs(), doc));
    }

    @Test
    void theHolySpiritIsOneNameWithItsArticleInsideASentence() {
        String doc = "Han kalte seg «en budbærer for Den hellige ånd» i brevet.";
        assertEquals("Han kalte seg «en budbærer for [navn 1]» i brevet.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void theNameOfAQuotedEpithetAfterAPlacesGenitiveIsMasked() {
        String doc = "Lokalavisen kalte skredderen «Vestlandets Quillan» etter visningen.";
        assertEquals("Lokalavisen kalte skredderen «Vestlandets [navn 1]» etter visningen.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void anEpithetsWordTheTextWritesInLowerCaseIsLeft() {
        String doc = "Byen ble kalt «Vestlandets Perle» i brosjyren, og perle er et ord de liker.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aRoyalMaskedByTheAnonymiserTakesInTheCountryAfterAv() {
        String doc = "Ved bordet satt eks-dronning Zorbekka av Hellas og en diplomat.";
        assertEquals("Ved bordet satt eks-dronning [navn 1] og en diplomat.", anonymiseAlone(typedAs("PER:Zorbekka"), doc));
    }

    @Test
    void aNameWithoutARoyalTitleKeepsThePlaceAfterAv() {
        String doc = "Vi leste et brev fra Zorbekka av Hellas i går.";
        assertEquals("Vi leste et brev fra [navn 1] av Hellas i går.", anonymiseAlone(typedAs("PER:Zorbekka"), doc));
    }
}

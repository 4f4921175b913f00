package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Names left whole or in part on the hold-out folds and their stress run (issue 15, anonymisation round 22, chosen on the
 * folds only); every person and sentence here is made up.
 */
class AnonymiserRound22Test {
    private static String anonymise(Anonymiser anonymiser, String doc) {
        return anonymiser.anonymise(doc, new Anonymiser.Persons(), List.of(doc));
    }

    @Test
    void theProperNamesOfBeingsAreMaskedWhereverTheyStand() {
        String doc = "Gud vet hvor lenge vi ventet. Presten talte om Jesus og om Satans fristelser.";
        assertEquals("[navn 1] vet hvor lenge vi ventet. Presten talte om [navn 2] og om [navn 3] fristelser.",
                anonymise(typedAs(), doc));
    }

    @Test
    void aBeingNamedByADefiniteNounIsMaskedWithACapitalInsideASentenceOnly() {
        String doc = "Djevelen er et gammelt motiv. Boka kaller tonen en gave fra Djevelen, og djevelen i detaljene likeså.";
        assertEquals("Djevelen er et gammelt motiv. Boka kaller tonen en gave fra [navn 1], og djevelen i detaljene likeså.",
                anonymise(typedAs(), doc));
    }

    @Test
    void aBeingsNameOpeningAQuotationInsideASentenceIsMaskedButNotOneOpeningASentence() {
        String doc = "Koret sang en salme kalt «Djevelens hage» i kveld. «Djevelens hage» er kjent, sa de.";
        assertEquals("Koret sang en salme kalt «[navn 1] hage» i kveld. «Djevelens hage» er kjent, sa de.",
                anonymise(typedAs(), doc));
    }

    @Test
    void theHolySpiritIsOneNameWithItsArticleInsideASentence() {
        String doc = "Han kalte seg «en budbærer for Den hellige ånd» i brevet.";
        assertEquals("Han kalte seg «en budbærer for [navn 1]» i brevet.", anonymise(typedAs(), doc));
    }

    @Test
    void theNameOfAQuotedEpithetAfterAPlacesGenitiveIsMasked() {
        String doc = "Lokalavisen kalte skredderen «Vestlandets Quillan» etter visningen.";
        assertEquals("Lokalavisen kalte skredderen «Vestlandets [navn 1]» etter visningen.", anonymise(typedAs(), doc));
    }

    @Test
    void anEpithetsWordTheTextWritesInLowerCaseIsLeft() {
        String doc = "Byen ble kalt «Vestlandets Perle» i brosjyren, og perle er et ord de liker.";
        assertEquals(doc, anonymise(typedAs(), doc));
    }

    @Test
    void aRoyalMaskedByTheAnonymiserTakesInTheCountryAfterAv() {
        String doc = "Ved bordet satt eks-dronning Zorbekka av Hellas og en diplomat.";
        assertEquals("Ved bordet satt eks-dronning [navn 1] og en diplomat.", anonymise(typedAs("PER:Zorbekka"), doc));
    }

    @Test
    void aNameWithoutARoyalTitleKeepsThePlaceAfterAv() {
        String doc = "Vi leste et brev fra Zorbekka av Hellas i går.";
        assertEquals("Vi leste et brev fra [navn 1] av Hellas i går.", anonymise(typedAs("PER:Zorbekka"), doc));
    }
}

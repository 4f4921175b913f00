package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Names left whole or in part on the hold-out folds and their stress run (issue 15, anonymisation round 21, chosen on the
 * folds only); every name here is made up.
 */
class AnonymiserRound21Test {
    @Test
    void aWordNothingExplainsIsMaskedAlsoWhereTheModelTookItForAPlaceOnce() {
        String doc = "Vi traff Vossmo i byen. Senere sa Vossmo at han ville hjem. Alle kjenner Vossmo godt. "
                + "Han la boka på Vossmos nye hylle.";
        assertEquals("Vi traff [navn 1] i byen. Senere sa [navn 1] at han ville hjem. Alle kjenner [navn 1] godt. "
                        + "Han la boka på [navn 1] nye hylle.",
                typedAs("LOC:Vossmos").anonymise(doc, new Persons(), List.of(doc)));
    }

    @Test
    void aWordTheModelTakesForAPlaceInAThirdOfItsUsesIsStillExplained() {
        String doc = "Vi reiste til Vossmo i fjor. Senere sa Vossmo at han ville hjem. Det er fint i Vossmo om våren.";
        assertEquals(doc, typedAs("LOC:Vossmo i").anonymise(doc, new Persons(), List.of(doc)));
    }

    @Test
    void aTwoLetterAbbreviationInsideThePlaceOrOrganisationGuessIsLeft() {
        String guessed = "Den nye St. Vossmo-gitaren er fin.";
        String doc = "Han kjøpte en St. Vossmo-gitar. Alle ville ha St. Vossmo-gitaren. Hun spilte på St. Vossmo-gitaren. " + guessed;
        assertEquals(guessed, typedAs("ORG:nye St. Vossmo").anonymise(guessed, new Persons(), List.of(doc)));
    }

    @Test
    void aPersonalPronounWithACapitalInsideASentenceJoinsTheMaskedNameAfterIt() {
        String doc = "Samtidig skiller jo ikke Hun Zorbek mellom hverdag og helg, skriver hun.";
        assertEquals("Samtidig skiller jo ikke [navn 1] mellom hverdag og helg, skriver hun.",
                typedAs("PER:Zorbek").anonymise(doc, new Persons(), List.of(doc)));
    }

    @Test
    void anArticleWithACapitalInsideASentenceDoesNotJoinTheNameAfterIt() {
        String doc = "Han leste om det i De Zorbekske, sa de.";
        assertEquals("Han leste om det i De [navn 1], sa de.",
                typedAs("PER:Zorbekske").anonymise(doc, new Persons(), List.of(doc)));
    }

    @Test
    void aFunctionWordOpeningASentenceDoesNotJoinTheNameAfterIt() {
        String doc = "Men Zorbek kom ikke, men hun ventet lenge.";
        assertEquals("Men [navn 1] kom ikke, men hun ventet lenge.",
                typedAs("PER:Zorbek").anonymise(doc, new Persons(), List.of(doc)));
    }
}

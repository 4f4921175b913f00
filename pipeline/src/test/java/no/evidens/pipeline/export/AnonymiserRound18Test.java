package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Names the model and the earlier rules missed, chosen on the stress run of the hold-out folds (issue 15, anonymisation
 * round 18); every name here is made up.
 */
class AnonymiserRound18Test {
    /** Asserts what the document becomes, anonymised whole with itself as context, where the model typed the phrases so. */
    private static void assertAnonymised(String expected, String doc, String... typedPhrases) {
        assertEquals(expected, typedAs(typedPhrases).anonymise(doc, new Persons(), List.of(doc)));
    }

    @Test
    void aHyphenatedPairOfUnknownWordsIsJudgedAsOneWordButNotAPairWithAListedPlace() {
        // the first half was skipped for the hyphen after it, the second taken for a sentence's opening after the hyphen;
        // the halves, masked word by word, are one placeholder
        assertAnonymised("Vi snakket med [navn 1] i går. [navn 1] gikk senere ut av styret.",
                "Vi snakket med Quillan-Vossmo i går. Quillan-Vossmo gikk senere ut av styret.");
        String club = "Vi heiet på Bodø-Glimt i går.";
        assertAnonymised(club, club);
    }

    @Test
    void aHalfOfAHyphenatedGivenNameJoinsTheSurnameAlsoWhereTheTextWritesItInLowerCase() {
        // the model found the surname only; andre is also an ordinary word of the text
        assertAnonymised("Skuddet gikk rett på [navn 1], og de andre jublet.",
                "Skuddet gikk rett på Zorbek-Andre Quillan, og de andre jublet.", "PER:Quillan");
    }

    @Test
    void aWordRightAfterAMaskedGivenNameJoinsItAlsoWhereTheTextWritesItInLowerCase() {
        assertAnonymised("Denne boka er skrevet av [navn 1], og hun drikker heller te.",
                "Denne boka er skrevet av Kari Heller, og hun drikker heller te.", "PER:Kari");
    }

    @Test
    void aListedPlacesWordAfterAMaskedFullNameIsItsLastName() {
        assertAnonymised("Det sier rådets leder [navn 1], til NTB.", "Det sier rådets leder Kari Vossmo Grimstad, til NTB.",
                "PER:Kari Vossmo", "ORG:NTB");
    }

    @Test
    void aRegnalNumberAfterAMaskedNameIsPartOfItButNotAfterAWordMaskedByMistake() {
        assertAnonymised("Pave [navn 1] kommer trolig.", "Pave Zorbek XVI kommer trolig.", "PER:Zorbek");
        assertAnonymised("De seilte båten [navn 1] XV hjem.", "De seilte båten Fram XV hjem.", "PER:Fram");
    }

    @Test
    void theWordAfterACompoundEndingInNavnIsMaskedWhateverTheModelTypedIt() {
        assertAnonymised("Han bruker sin mors jentenavn [navn 1] for å holde seg skjult.",
                "Han bruker sin mors jentenavn Quillan for å holde seg skjult.", "ORG:Quillan");
    }

    @Test
    void aOneWordSentenceBetweenTwoSentencesThatAreMaskedNamesIsANameOfTheList() {
        assertAnonymised("Alle har opplevd det. [navn 1]. [navn 2]. [navn 3]. Alle vet det.",
                "Alle har opplevd det. Kari Quillan. Zorbek. Ola Vossmo. Alle vet det.", "PER:Kari Quillan", "PER:Ola Vossmo");
        // a heading after a name, with no name after it, stays
        assertAnonymised("De store norske. [navn 1]. Betydning. Hun er en stor taler.",
                "De store norske. Kari Quillan. Betydning. Hun er en stor taler.", "PER:Kari Quillan");
    }
}

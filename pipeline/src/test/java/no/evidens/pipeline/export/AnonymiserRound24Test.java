package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Names left whole on the hold-out folds and the treebank dev files that a person's context still gives away (issue 15,
 * anonymisation round 24, chosen on the folds, their stress run and the dev files only); every person and sentence here is
 * made up.
 */
class AnonymiserRound24Test {
    @Test
    void aQuotedNicknameOpeningASentenceAsItsSubjectIsMaskedWithItsEnglishArticle() {
        String doc = "Rennet ble avgjort på slutten. «The Vossminator» måtte se seg slått med to tideler.";
        assertEquals("Rennet ble avgjort på slutten. «[navn 1]» måtte se seg slått med to tideler.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void twoQuotedWordsOpeningASentenceAsItsSubjectAreMaskedThoughNoListedName() {
        String doc = "Premieren er i morgen. - «Sunny Quillan» er en jente som får vist hva hun kan.";
        assertEquals("Premieren er i morgen. - «[navn 1]» er en jente som får vist hva hun kan.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aQuotedTitleInsideASentenceOrBeforeAConjunctionIsLeft() {
        String doc = "Hun så filmen «Sunny Quillan» i går. «Sunny Quillan» og «Stille Vann» går på kino nå.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aQuotedPhraseOfWordsTheTextWritesInLowerCaseIsLeftAsSubject() {
        String doc = "«Stille Vann» er en roman om vann som er stille.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aPersonLikenedToAfterACopulaAndSomIsMaskedWhateverTheModelTypedIt() {
        String doc = "Det var en glatt bane, og det ble som Vossmi på isen, sier treneren.";
        assertEquals("Det var en glatt bane, og det ble som [navn 1] på isen, sier treneren.",
                anonymiseAlone(typedAs("LOC:Vossmi"), doc));
    }

    @Test
    void aListedPlaceAfterACopulaAndSomIsLeft() {
        String doc = "Byen er som Bergen en regnværsdag.";
        assertEquals(doc, anonymiseAlone(typedAs("LOC:Bergen"), doc));
    }

    @Test
    void aLowerCaseGivenNameEndingALabelIsMaskedWhereTheDocumentNamesThatPerson() {
        String doc = "Aksel Vossmo vant igjen i går. Prioriterer aksel: Treneren sier at han får hvile.";
        assertEquals("[navn 1] vant igjen i går. Prioriterer [navn 1]: Treneren sier at han får hvile.",
                anonymiseAlone(typedAs("PER:Aksel Vossmo"), doc));
    }

    @Test
    void aLowerCaseGivenNameInRunningTextOrWhereNoPersonHasItIsLeft() {
        String named = "Liv Vossmo vant igjen i går. Hun fikk et helt nytt liv: hun trener hver dag.";
        assertEquals("[navn 1] vant igjen i går. Hun fikk et helt nytt liv: hun trener hver dag.",
                anonymiseAlone(typedAs("PER:Liv Vossmo"), named));
        String unnamed = "Bilen sto stille. Knekt aksel: Den må byttes, sier mekanikeren.";
        assertEquals(unnamed, anonymiseAlone(typedAs(), unnamed));
    }

    @Test
    void aWrittenWorksAuthorAfterAvIsMaskedWhateverTheModelTypedIt() {
        String doc = "En dr. grad av Vossmi Quillandrager om saken har en treffende tittel.";
        assertEquals("En dr. grad av [navn 1] om saken har en treffende tittel.",
                anonymiseAlone(typedAs("ORG:Vossmi Quillandrager"), doc));
    }

    @Test
    void aListedOrganisationAfterAWorkAndAvIsLeft() {
        String doc = "Hun leste en rapport og en studie av Statoil fra i fjor.";
        assertEquals(doc, anonymiseAlone(typedAs("ORG:Statoil"), doc));
    }

    @Test
    void aGenitiveBeforePersonligeOrAFamilyWordIsMaskedAfterALabelsColonOrInsideASentence() {
        String doc = "Kjendistrener: Vossmis personlige trener har hjulpet mange. Han er gift med Quillans datter.";
        assertEquals("Kjendistrener: [navn 1] personlige trener har hjulpet mange. Han er gift med [navn 2] datter.",
                anonymiseAlone(typedAs("LOC:Vossmis"), doc));
    }

    @Test
    void aGenitiveOpeningASentenceBeforeAFamilyWordOrAListedPlacesIsLeft() {
        String doc = "Naboens datter kom hjem. Han er en av Bergens sønner.";
        assertEquals(doc, anonymiseAlone(typedAs("LOC:Bergens"), doc));
    }
}

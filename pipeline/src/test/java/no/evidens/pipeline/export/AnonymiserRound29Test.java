package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.models.TaggedSpan;

/**
 * The general rules of anonymisation round 29 (issue 15, chosen on the folds' stress runs and the treebank dev files only):
 * a lone given name's place guess and a full name an institution's guess ran into no longer explain the name's other uses,
 * two letters after {@code både}, a long place guess that is a full name, and a full name listed after a masked one. The
 * sentences and the persons in them are made up.
 */
class AnonymiserRound29Test {
    /** A stand-in name model that types the first use of {@code phrase} as {@code type}, and nothing else. */
    private static Anonymiser firstTypedAs(String type, String phrase) {
        return new Anonymiser(text -> {
            int at = text.indexOf(phrase);
            return at < 0 ? List.of() : List.of(new TaggedSpan(type, at, at + phrase.length()));
        });
    }

    @Test
    void aLoneGivenNameThatTheModelOnceTookForAPlaceIsMaskedInEveryUse() {
        String doc = "Dere kjenner nok til Simen fra før. Nå er Simen på kurs. Det blir bra dersom Simen kommer.";
        assertEquals("Dere kjenner nok til [navn 1] fra før. Nå er [navn 1] på kurs. Det blir bra dersom [navn 1] kommer.",
                anonymiseAlone(firstTypedAs("LOC", "Simen"), doc));
    }

    @Test
    void aListedPlaceTheModelTypedAPlaceStaysAPlace() {
        String doc = "Vi reiste til Bergen i fjor. Nå bor de i Bergen. Det regner mye i Bergen.";
        assertEquals(doc, anonymiseAlone(firstTypedAs("LOC", "Bergen"), doc));
    }

    @Test
    void aClubNamedByAGivenNameThatTheModelOnceTypedAnOrganisationIsMaskedSinceRound31() {
        // round 29 kept the club; round 31 spends masks on safety: a lone organisation guess of a listed given name explains
        // nothing (3 more masks on the folds for this kind and the surnames together)
        String doc = "Supporterne til Odd jublet. Men Odd tapte i fjor. Laget til Odd rykket ned.";
        assertEquals("Supporterne til [navn 1] jublet. [navn 1] tapte i fjor. Laget til [navn 1] rykket ned.",
                anonymiseAlone(firstTypedAs("ORG", "Odd"), doc));
    }

    @Test
    void aFullNameAnInstitutionsGuessRanIntoIsMaskedThereAndAlone() {
        String doc = "Det spør førsteamanuensis ved Vestre Tekniske Høyskole Zorbek Bertelsen. Hun er enig med Bertelsen i dette.";
        assertEquals("Det spør førsteamanuensis ved Vestre Tekniske Høyskole [navn 1]. Hun er enig med [navn 1] i dette.",
                anonymiseAlone(firstTypedAs("ORG", "Vestre Tekniske Høyskole Zorbek Bertelsen"), doc));
    }

    @Test
    void twoLettersAfterBothAndAreTheNamesOfACaseWithoutAVerb() {
        String doc = "Det kan være lurt å snakke med både A og B. Jeg kan formidle kontakt.";
        assertEquals("Det kan være lurt å snakke med både [navn 1] og [navn 2]. Jeg kan formidle kontakt.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void lettersBeforeAHyphenAreNoNames() {
        String doc = "Det gjelder både A- og B-siden av saken.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aLongPlaceGuessOfNameWordsWithAGivenNameInsideIsAFullName() {
        String doc = "Statsministeren har gitt stafettpinnen videre til Datuk Seri Najib Quillan, som blir ny statsminister.";
        assertEquals("Statsministeren har gitt stafettpinnen videre til [navn 1], som blir ny statsminister.",
                anonymiseAlone(typedAs("LOC:Datuk Seri Najib Quillan"), doc));
    }

    @Test
    void aLongOrganisationGuessWithAnInstitutionsWordIsNoPerson() {
        String doc = "Hun jobber i Kari Quillan Stiftelse nå.";
        assertEquals(doc, anonymiseAlone(typedAs("ORG:Kari Quillan Stiftelse"), doc));
    }

    @Test
    void aFullNameListedAfterAMaskedFullNameIsMaskedThoughItsFirstWordIsABrand() {
        String doc = "Jeg fikk oppleve duellen mellom Dexter Gordon og Sony Stitt i 1963.";
        assertEquals("Jeg fikk oppleve duellen mellom [navn 1] og [navn 2] i 1963.",
                anonymiseAlone(typedAs("PER:Dexter Gordon", "PER:Stitt"), doc));
    }

    @Test
    void aFullNameListedAfterAFullNameMaskedByItsShapeIsMaskedToo() {
        String doc = "Jeg fikk oppleve duellen mellom Zorbek Bertelsen og Sony Stitt i 1963.";
        assertEquals("Jeg fikk oppleve duellen mellom [navn 1] og [navn 2] i 1963.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aFirmListedAfterAFullNameStaysWhereTheModelTypedIt() {
        String doc = "Avtalen ble inngått mellom Kari Quillan og Sony Music i fjor.";
        assertEquals("Avtalen ble inngått mellom [navn 1] og Sony Music i fjor.",
                anonymiseAlone(typedAs("PER:Kari Quillan", "ORG:Sony Music"), doc));
    }

    @Test
    void aSignOffsNameIsMaskedWhateverTheModelTypedIt() {
        String doc = "I morgen kommer gjestene på middag.\n\nKlem fra Zorbek";
        assertEquals("I morgen kommer gjestene på middag.\n\nKlem fra [navn 1]", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aGreetingFromAPlaceIsNoSignOff() {
        String doc = "Vi sender en hilsen fra Bergen til alle.\n\nHilsen Bergen";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aGivenNameThatIsACommonWordIsMaskedInsideASentenceBeforeAVerb() {
        String doc = "Jeg hadde en god dag, og Dag hjelper meg med smøringen.";
        assertEquals("Jeg hadde en god dag, og [navn 1] hjelper meg med smøringen.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aGivenNameThatIsACommonWordIsMaskedBeforeAStrongVerbsPastTense() {
        // round 30: q4's form, the verb without a finite verb's ending
        String doc = "Jeg hadde en god dag, og Dag hjalp meg med smøringen.";
        assertEquals("Jeg hadde en god dag, og [navn 1] hjalp meg med smøringen.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aGivenNameAfterAPrepositionIsNoSubject() {
        String doc = "Han hadde en god dag. Laget til Dag rykket ned i fjor.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aGivenNameThatIsACommonWordStaysWhereItOpensASentence() {
        String doc = "Hun hadde en god dag. Dag etter dag gikk det bedre.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }
}

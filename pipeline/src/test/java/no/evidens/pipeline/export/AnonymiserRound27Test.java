package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Listed public figures' words read as person names where the anonymiser decides (issue 15, anonymisation round 27, chosen
 * on the folds' stress runs and the treebank dev files only). The sentences and the persons in them are made up; the one
 * public figure's word (from the list the name repair reads) stands for anyone named so.
 */
class AnonymiserRound27Test {
    @Test
    void aListedPublicFiguresWordInACompoundsShapeIsStillAName() {
        String doc = "Komiteen under Jaglands ledelse reiste til et annet land.";
        assertEquals("Komiteen under [navn 1] ledelse reiste til et annet land.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aNorwegianWordThatIsAlsoEnglishBesideANameWordIsNoEnglishNeighbour() {
        String doc = "Prisen er en oppmuntring for Obama i en tøff hverdag.";
        assertEquals("Prisen er en oppmuntring for [navn 1] i en tøff hverdag.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void anEnglishTitleWithForKeepsItsWords() {
        String doc = "Hun hørte på Tears for Fears i går.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void theWordBeforeAListedPublicFiguresWordIsAGivenNameAlsoWhereAListKnowsItAsAClub() {
        String doc = "I går ble presidentdatteren Chelsea Obama smuglet inn. Senere danset Chelsea med vertene.";
        assertEquals("I går ble presidentdatteren [navn 1] smuglet inn. Senere danset [navn 1] med vertene.",
                anonymiseAlone(typedAs("PER:Obama"), doc));
    }

    @Test
    void aListedPublicFiguresWordOpeningASentenceBeforeAFiniteVerbsShapeIsItsSubject() {
        String doc = "Møtet var kort. Obama deltok likevel.";
        assertEquals("Møtet var kort. [navn 1] deltok likevel.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aLetterAVerbOfNamingGivesAPersonIsMaskedWithItsFullStopButNotAPlansLetter() {
        String doc = "Mange er i samme situasjon. La meg kalle ham B. Han har det vondt. Vi valgte plan B. Det virket.";
        assertEquals("Mange er i samme situasjon. La meg kalle ham [navn 1]. Han har det vondt. Vi valgte plan B. Det virket.",
                anonymiseAlone(typedAs(), doc));
    }
}

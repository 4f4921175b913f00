package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Five general rules of anonymisation round 28 (issue 15, chosen on the folds, their stress runs and the treebank dev files
 * only): a narrowing of round 27 dropped, quoted nicknames, a royal role as the one word for a person, surnames of two parts
 * and full names by their shape. The sentences and the persons in them are made up; the surnames are common ones of the list.
 */
class AnonymiserRound28Test {
    @Test
    void aListedSurnameWithACompoundsShapeBeforeIIsNoEnglishNeighbour() {
        String doc = "Hun kom fra et annet land. Etter møtet ble Eikeland i tvil.";
        assertEquals("Hun kom fra et annet land. Etter møtet ble [navn 1] i tvil.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aQuotedNicknameInsideAFullNameIsMaskedWithTheNameAsOne() {
        String doc = "Han var en liten gutt. Saken gjaldt Kari «Lillegutt» Quillan.";
        assertEquals("Han var en liten gutt. Saken gjaldt [navn 1].", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aQuotedNicknameAfterAWordOfNamingIsMaskedWhateverItsShape() {
        String doc = "Han var en liten gutt og ble kalt «Lillegutt» av alle.";
        assertEquals("Han var en liten gutt og ble kalt «[navn 1]» av alle.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aQuotedWordTheTextWritesInLowerCaseIsNoNickname() {
        String doc = "Stedet ble kalt «Hytta» fordi hytta sto der.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aRoyalRoleOpeningASentenceAsItsOnlyNameIsMasked() {
        String doc = "Det ble en lang dag. Kongen er glad for besøket.";
        assertEquals("Det ble en lang dag. [navn 1] er glad for besøket.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aRoleThatIsNoRoyalsStaysAtAnOpening() {
        String doc = "Det ble en lang dag. Rådmannen er glad for besøket.";
        assertEquals(doc, anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aHyphenatedSurnameWithAPlacesWordIsMaskedWhole() {
        String doc = "Kari Voss-Quillan er ny leder.";
        assertEquals("[navn 1] er ny leder.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void anUnlistedGivenNameAndAListedSurnameBeforeALabelsColonAreAFullNameByTheirShape() {
        String doc = "Referat fra møtet. Zorbek Bertelsen: Vi er enige.";
        assertEquals("Referat fra møtet. [navn 1]: Vi er enige.", anonymiseAlone(typedAs(), doc));
    }

    @Test
    void aPairTheModelTypedAPlaceStaysAPlace() {
        String doc = "Referat fra møtet. Zorbek Bertelsen: Vi er enige.";
        assertEquals(doc, anonymiseAlone(typedAs("LOC:Zorbek Bertelsen"), doc));
    }

    @Test
    void theSurnameOfAFullNameByItsShapeIsMaskedAloneAlsoWhereAFirmsNameExplainedIt() {
        String doc = "Møtet ble ledet av Kari Quillansen. Senere gikk Quillansen Marine Group konkurs. I april ble Quillansen siktet.";
        assertEquals("Møtet ble ledet av [navn 1]. Senere gikk [navn 1] Marine Group konkurs. I april ble [navn 1] siktet.",
                anonymiseAlone(typedAs("ORG:Quillansen Marine Group"), doc));
    }

    @Test
    void aWordWithASecondCapitalAfterAMaskedNameJoinsIt() {
        String doc = "Konserten endte med at Yossou NDour sang.";
        assertEquals("Konserten endte med at [navn 1] sang.", anonymiseAlone(typedAs("PER:Yossou"), doc));
    }
}

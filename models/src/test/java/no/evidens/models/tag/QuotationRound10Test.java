package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's tenth round on treebank text, from the errors of the third development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound10Test {

    @Test
    void declaringFumingAndSingingBeforeANameAreSpeakerCues() {
        String t = "Salen var full. - Dette er en stor dag, erklærte ordføreren til jubel. Så kom korpset. "
                + "- Hvorfor kommer du for sent? freser treneren. Alle ser ned. - Heia Lyn, sang Kari Moe fra scenen. "
                + "Hun fikk blomster.";
        assertEquals("-|Dette er en stor dag ## -|Hvorfor kommer du for sent? ## -|Heia Lyn", show(t));
    }

    @Test
    void sangBeforeALowerCaseWordIsTheNounAndNoCue() {
        String t = "Hun ser på oss. - Det ble mye musikk, sang og dans den kvelden. Jeg husker det godt.";
        assertEquals("-|Det ble mye musikk, sang og dans den kvelden. Jeg husker det godt.", show(t));
    }

    @Test
    void anEmailAddressAtTheParagraphsEndIsTheBylineNotTheSpeech() {
        String t = "Hva spiser du til frokost? - Brød med ost. Hva gjør du om kvelden? - Leser aviser. navn@avisa.no\n\n"
                + "Neste sak";
        assertEquals("-|Brød med ost. ## -|Leser aviser.", show(t));
    }

    @Test
    void theInterviewersTurnOfTwoQuestionsKeepsTheSecondWhateverItNames() {
        String t = "Han smiler. - Hvorfor sa du nei? Er ikke Paris drømmen for alle kokker? - Jeg trives her, sier han.";
        assertEquals("-|Hvorfor sa du nei? Er ikke Paris drømmen for alle kokker? ## -|Jeg trives her", show(t));
    }

    @Test
    void aGuillemetClosedByAStraightMarkWhenTheNextGuillemetOpensAnother() {
        // «…? " closes the first quotation: the » further on closes the second «, not the first
        String t = "Han ble plaget. «Tøffing! Var du ute i går? \" Slik var det. Treneren sa senere: «Jeg angrer.» Det er "
                + "alt.";
        assertEquals("«|Tøffing! Var du ute i går? ## «|Jeg angrer.", show(t));
    }

    @Test
    void aDocumentCutInsideAStraightQuotationQuotesFromItsStartWhenACueFollows() {
        String t = "Vi må dele mer med hverandre \", sa generalsekretæren. Talen varte i ti minutter.";
        assertEquals("\"|Vi må dele mer med hverandre", show(t));
    }

    @Test
    void aStraightMarkWithoutACueAtTheStartOpensNothingFromTheStart() {
        String t = "Vi må dele mer \" med hverandre. Talen varte i ti minutter.";
        assertEquals("", show(t));
    }

    @Test
    void dashesInParliamentMinutesQuoteNobody() {
        String t = "Presidenten: Vi går over til spørsmål. De som vil spørre, bes stå opp. – Vi begynner med Per Moe. "
                + "Per Moe (A): Jeg har et spørsmål til ministeren.\n\nPresidenten: Ministeren svarer. – Kan jeg få et "
                + "minutt til, president?";
        assertEquals("", show(t));
    }

    @Test
    void oneChairsLabelAloneIsNoMinutes() {
        String t = "Presidenten: Møtet er satt. - Vi gleder oss, sier Per Moe.";
        assertEquals("-|Vi gleder oss", show(t));
    }

    @Test
    void aCueFollowedByAnotherActAndAColonStillEndsTheTurnBeforeIt() {
        String t = "Han ringte moren. - Det er fint, Ola, sa moren og trakk pusten: - Men hvem er hun?";
        assertEquals("-|Det er fint, Ola ## -|Men hvem er hun?", show(t));
    }

    @Test
    void aSentenceOpenedByAFullDateIsTheReportersAndEndsACueLessTurn() {
        String t = "Han la på. - Skal dere gifte dere? Det er jo flott. 12. mai 1990 sto bryllupet i Bergen. "
                + "Det kom mange gjester.";
        assertEquals("-|Skal dere gifte dere? Det er jo flott.", show(t));
    }

    @Test
    void theReporterArrivingInTheReportagesViEndsACueLessTurn() {
        String t = "Han kikker ut. - Jeg likte arbeidet om vinteren. Vi er framme. Huset ligger bak et gjerde.";
        assertEquals("-|Jeg likte arbeidet om vinteren.", show(t));
    }
}

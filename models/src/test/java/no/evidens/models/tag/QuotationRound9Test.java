package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's ninth round on treebank text, from the errors of the second development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound9Test {

    @Test
    void aSentenceAfterAClosingMarkInsideATurnIsASentenceOfItsOwn() {
        // the narration after «…?» ends the turn as it would after a plain question
        String t = "Han ble spurt om lønna. - Det tar tid. Men en dag vil de si: «Hvorfor ventet vi?» Han trekker på "
                + "skuldrene. Så går han ut.";
        assertEquals("-|Det tar tid. Men en dag vil de si: «Hvorfor ventet vi?» ## «|Hvorfor ventet vi?", show(t));
    }

    @Test
    void addingRetortingAndConcedingAreSpeakerCues() {
        String t = "Møtet varte lenge. - Det er flere veier dit. Vi velger den korteste, kontret Moe. Så gikk han. "
                + "- Vi ser det samme, supplerer direktøren. Alle nikket. - Vi har gjort feil, erkjenner han. Han er stille.";
        assertEquals("-|Det er flere veier dit. Vi velger den korteste ## -|Vi ser det samme ## -|Vi har gjort feil", show(t));
    }

    @Test
    void aCommaAfterAQuestionMarkIntroducesACueWhateverItsVerb() {
        String t = "Kursen steg mens vi ventet. - Ble du rikere nå?, spør vi forsiktig. - Det er bare papir, sier hun.";
        assertEquals("-|Ble du rikere nå? ## -|Det er bare papir", show(t));
    }

    @Test
    void pointsOfAProgrammeOpenedAlikeAreNoDialogue() {
        String t = "Regjeringen vil styrke fellesskapet. - Vi vil bygge flere skoler. - Vi vil satse på eldreomsorgen. "
                + "- Vi vil gi mer til frivilligheten. Regjeringen vil også senke skattene.";
        assertEquals("", show(t));
    }

    @Test
    void twoTurnsOpenedAlikeAreStillDialogue() {
        String t = "Hun ser ut over fjorden. - Vi vil bo her for alltid. - Vi vil aldri flytte, sier hun.";
        assertEquals("-|Vi vil bo her for alltid. ## -|Vi vil aldri flytte", show(t));
    }

    @Test
    void aClosingGuillemetWhoseOpeningWasLostClosesAQuotationFromItsSentence() {
        // the document opens inside a quotation (a text cut from its article)
        String t = "Du har alt. Bil, penger og venner.» - Da måtte jeg si nei, sier han.";
        assertEquals("«|Du har alt. Bil, penger og venner. ## -|Da måtte jeg si nei", show(t));
        // further on, with a speaker cue after it
        String later = "Det ble verre. «Ingen kom», sa hun. Avisa var hard. Seks timer i badstua» skrev Fjordposten.";
        assertEquals("«|Ingen kom ## «|Seks timer i badstua", show(later));
    }

    @Test
    void aClosingGuillemetAloneWithoutACueStaysNoQuotation() {
        String t = "Han kom sent. «Hei», sa han. Det var mørkt» ute i gata.";
        assertEquals("«|Hei", show(t));
    }

    @Test
    void theReporterAskingInTheReportagesWeEndsATurn() {
        String t = "Ordet er nytt. - Det brukes om fiske. Vi spør om det også brukes om svindel. Ordboka kommer i mai. "
                + "- Det stemmer, sier hun.";
        assertEquals("-|Det brukes om fiske. ## -|Det stemmer", show(t));
        // a speaker who says what «we» ask goes on speaking
        String speaker = "Hun leder klubben. - Vi spør ofte foreldrene. Det hjelper, sier hun.";
        assertEquals("-|Vi spør ofte foreldrene. Det hjelper", show(speaker));
    }
}

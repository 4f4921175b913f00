package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's fourteenth round on treebank text, from the errors of the seventh development split (training
 * files of the test split's genres) read with those left on the earlier splits. Every sentence here is our own.
 */
class QuotationRound14Test {

    @Test
    void utbrotIsACue() {
        String t = "Hun vant med god margin. - Det er et fantastisk løp. Hun er best i verden på distansen, utbrøt "
                + "treneren Ola Moe etter målgang.";
        assertEquals("-|Det er et fantastisk løp. Hun er best i verden på distansen", show(t));
    }

    @Test
    void aNameTheSentenceBeforeSaidIsNoSignOfNarration() {
        // the speaker echoes the place just named; a reporter's sentence naming it afresh would open the narration
        String t = "- Vi ble godt mottatt, sier Per Moe. Han ler når vi spør om byen. - Ha-ha, Bergen? I love Bergen.";
        assertEquals("-|Vi ble godt mottatt ## -|Ha-ha, Bergen? I love Bergen.", show(t));
        // a name the turn said earlier, not in the sentence right before, still marks the reporter's voice
        String told = "Naboen hadde lenge lurt. - Hils Kari fra meg. Si at jeg tenker på henne. Når døren åpnes, kjenner "
                + "Kari lukten av brent mat.";
        assertEquals("-|Hils Kari fra meg. Si at jeg tenker på henne.", show(told));
    }

    @Test
    void theInterviewersStatementAndQuestionAreOneTurn() {
        // not after a question and no question column: the turn is the interviewer's, the question stays in it
        String t = "Etter pausen blir han mer alvorlig. - Flere aviser har skrevet at klubben mangler penger. Bekymrer det "
                + "deg? - Nei, vi har god økonomi.";
        assertEquals("-|Flere aviser har skrevet at klubben mangler penger. Bekymrer det deg? ## -|Nei, vi har god økonomi.",
                show(t));
        // a statement with a question mark replies to an answer: the answer ends before it, as before
        String reply = "Hun bor i Tromsø nå. - Arbeid er viktig. Arbeid er frihet. Det er sterke ord du bruker? - Jeg mener det.";
        assertEquals("-|Arbeid er viktig. Arbeid er frihet. ## -|Jeg mener det.", show(reply));
    }

    @Test
    void theReporterMeetingSomeoneNamedIsNarration() {
        String t = "Han gikk av isen. - Det var en fin kveld. Det glemmer jeg aldri. Like etter treffer vi NRK-sjefen Kari "
                + "Moe i gangen.";
        assertEquals("-|Det var en fin kveld. Det glemmer jeg aldri.", show(t));
    }

    @Test
    void herAfterSomeoneTheTurnIntroducedIsThatPerson() {
        String t = "Han forklarer målgruppen: - Jeg tenker på en travel kunde. Det må være en kvinne i førtiårene. Kanskje "
                + "hun har to barn og lite tid. Da passer spillet.";
        assertEquals("-|Jeg tenker på en travel kunde. Det må være en kvinne i førtiårene. Kanskje hun har to barn og lite "
                + "tid. Da passer spillet.", show(t));
    }
}

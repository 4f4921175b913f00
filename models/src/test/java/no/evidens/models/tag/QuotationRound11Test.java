package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's eleventh round on treebank text, from the errors of the fourth development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound11Test {

    @Test
    void grinningRememberingAndBoastingAreSpeakerCues() {
        String t = "Møtet var over. - Nå må vi skjerpe oss. Dette er byen vår når den er fin, flirer han. Alle gikk hjem. "
                + "- Jeg gråt den kvelden. Det var fint likevel, minnes Kari Moe. Hun smiler. - Vi spiller hver lørdag. "
                + "Nå har vi jazz på Bryggen, skryter Per Olsen.";
        assertEquals("-|Nå må vi skjerpe oss. Dette er byen vår når den er fin ## -|Jeg gråt den kvelden. Det var fint likevel"
                + " ## -|Vi spiller hver lørdag. Nå har vi jazz på Bryggen", show(t));
    }

    @Test
    void aVerbOfWritingBeforeUnderIsNoCue() {
        // «skrev under på» is signing: the turn ends at its narration, not at a comma further on
        String t = "Agenten ringte. - De vil ha deg med! Du er den de trenger. Kari Moe ringte klubben, skrev under på "
                + "kontrakten og reiste.";
        assertEquals("-|De vil ha deg med! Du er den de trenger.", show(t));
    }

    @Test
    void aSentenceOpenedByOgAndANameIsNarration() {
        String t = "Hun jobber deltid. - Jeg tar mer ansvar enn før. Det merker pasientene. Og Hansen mener det er på tide. "
                + "- Det burde skjedd før.";
        assertEquals("-|Jeg tar mer ansvar enn før. Det merker pasientene. ## -|Det burde skjedd før.", show(t));
    }

    @Test
    void aCrossheadRunIntoTheEndOfATurnIsNoPartOfIt() {
        String t = "Var du der? - Ja, det var meg. Jeg trives her, jeg! Solstreif\n\nFestivalen går videre.";
        assertEquals("-|Ja, det var meg. Jeg trives her, jeg!", show(t));
    }

    @Test
    void stackedCrossheadsCountWhenASpeakerSaysTheirWords() {
        String t = "Bilen stoppet\n\n- Strevde litt\n\n- Helt utrolig\n\nHan ga seg ikke. - Jeg strevde litt og sånn. "
                + "Det var helt utrolig at vi klarte det, sa Ola Moe.";
        assertEquals("-|Strevde litt ## -|Helt utrolig ## -|Jeg strevde litt og sånn. Det var helt utrolig at vi klarte det",
                show(t));
    }

    @Test
    void aTeaserListOfCrossheadsNobodySaysIsNoQuotation() {
        String t = "Skolen i dag\n\n- Færre lesesaler\n\n- Dårlig inneklima\n\nElevene klager. - Vi trenger mer plass, sier "
                + "Kari Moe.";
        assertEquals("-|Vi trenger mer plass", show(t));
    }

    @Test
    void aCueAfterATitleInsideTheTurnsSentenceIsTheTurns() {
        String t = "Hun ser fram til høsten. - Nå har vi jazz hver lørdag på «Blå Hatt», skryter Kari Moe. Hun smiler. "
                + "- Jeg var der. «Det var fint», sa Ola Moe.";
        // a marked quotation that opens its own sentence owns the cue after it
        assertEquals("-|Nå har vi jazz hver lørdag på «Blå Hatt» ## «|Blå Hatt ## -|Jeg var der. ## «|Det var fint", show(t));
    }

    @Test
    void aSentenceThatTellsOfTheSpeakerAsHanEndsATurnThatSpokeAsJeg() {
        String t = "Kneet måtte opereres. - Jeg hadde funnet en god flyt. Det tok en måned å bli bra. Mens søsknene reiste, "
                + "ble han hjemme på gården. Tiden ga ham mye å tenke på.";
        assertEquals("-|Jeg hadde funnet en god flyt. Det tok en måned å bli bra.", show(t));
    }

    @Test
    void aHunAfterASubjunctionMayBeSomeoneTheSpeakerTellsOf() {
        String t = "Hun viser fram bildene. - Det er et bilde av min datter. Det er morsomt når hun baker brød hjemme.";
        assertEquals("-|Det er et bilde av min datter. Det er morsomt når hun baker brød hjemme.", show(t));
    }

    @Test
    void aCueWithItsCommaLeftOutBeforeAFullNameEndsTheTurn() {
        String t = "Sju partier er med. - Pengene kommer fra få givere. Og det gir et godt grunnlag å bygge på sier Kari Moe, "
                + "leder i Foreningen. Hun er bekymret.";
        assertEquals("-|Pengene kommer fra få givere. Og det gir et godt grunnlag å bygge på", show(t));
    }
}

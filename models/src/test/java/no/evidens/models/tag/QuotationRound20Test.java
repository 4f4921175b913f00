package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's twentieth round, from the errors of the written news split rebuilt from its tokens (split
 * {@code news-tokens}, with the texts {@code news-25} … {@code news-30}). Every sentence here is our own.
 */
class QuotationRound20Test {

    @Test
    void aTitleAndANameBeforeAVerbOfSayingOpenTheReportersSentenceNotTheTurnsCue() {
        // the next paragraph, run into the turn, presents the next source: the turn ends at its own last sentence
        String t = "Daglig leder sier at driften er i fare. – Vi ser på alle muligheter. Ingen skal miste jobben i år."
                + " Leder i fagforeningen, Tone Berg, sier de ansatte ble overrasket.";
        assertEquals("–|Vi ser på alle muligheter. Ingen skal miste jobben i år.", show(t));
        // a cue after the turn's words, and a name in the turn's only sentence, stay the turn's cue
        String cued = "– Vi ser på alle muligheter, sier leder Tone Berg. – Takk for praten, Ola Nordmann, sier hun.";
        assertEquals("–|Vi ser på alle muligheter ## –|Takk for praten, Ola Nordmann", show(cued));
    }

    @Test
    void aShortSentenceOfHanOrHunIsTheReportersEvenBeforeTheWritersJeg() {
        // a blog: the writer answers as «jeg», the other one laughs, and the writer's narration goes on as «jeg»
        String t = "En nabo kom bort til meg. – Hvem er Gunn? – Det er en lang historie. Han lo. Jeg tror han blir en god nabo.";
        assertEquals("–|Hvem er Gunn? ## –|Det er en lang historie.", show(t));
        // the speaker's own story, which told of him before, keeps the sentence in the turn
        String story = "Kari Moe forteller om sjefen. – Jeg sa det til ham rett ut. Han lo. Jeg ble så sint at jeg gikk.";
        assertEquals("–|Jeg sa det til ham rett ut. Han lo. Jeg ble så sint at jeg gikk.", show(story));
    }

    @Test
    void aHanOrHunAfterThePersonTheSpeakerNamesGoesOnTellingOfThatPerson() {
        // the lawyer speaks of the client, and «Han» is the client: the turn goes on
        String t = "Forsvareren sier lite om dommen. – Vi skal lese dommen sammen med klienten. Han har fjorten dager på seg.";
        assertEquals("–|Vi skal lese dommen sammen med klienten. Han har fjorten dager på seg.", show(t));
        // no person named before it: the reporter tells of the speaker
        String reporter = "Forsvareren sier lite om dommen. – Vi skal lese dommen nøye. Han går ut av rettssalen.";
        assertEquals("–|Vi skal lese dommen nøye.", show(reporter));
    }

    @Test
    void inAReportageWhoseReporterSaysViAHanSentenceWithOssIsTheReporters() {
        String t = "Vinden river i jakka når vi går i land. Ola Sæter (78) venter på brygga. – Dere var heldige med været."
                + " I går kunne dere ikke ha lagt til her. Han går foran oss opp stien til fyret.";
        assertEquals("–|Dere var heldige med været. I går kunne dere ikke ha lagt til her.", show(t));
        // where the narration before the first turn does not say «vi», the speaker's «oss» keeps the sentence his
        String speaker = "Ola Sæter (78) venter på brygga. – Dere var heldige med været. I går kunne dere ikke ha lagt til"
                + " her. Han hjalp oss med båten.";
        assertEquals("–|Dere var heldige med været. I går kunne dere ikke ha lagt til her. Han hjalp oss med båten.", show(speaker));
    }
}

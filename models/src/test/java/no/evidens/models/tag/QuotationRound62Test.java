package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rule of issue 15's round in session 62, from the errors of the treebank's dev splits: a cue-less turn that spoke
 * only in the present ends before a sentence told in the past that speaks as nobody (the reporter takes over with the
 * story); a speaker's own past stays in the turn. Every sentence here is our own.
 */
class QuotationRound62Test {

    @Test
    void aSentenceToldInThePastAfterAPresentTurnIsTheReporters() {
        String t = "Og nå liker du ikke lyden av fyrverkeri? - Jeg tror ingen som har vært i krig liker smell. "
                + "Jeg synes det er ubehagelig. Studenten fra byen hadde tre fine år ved skolen der borte. "
                + "Så kom den første filmen.";
        assertEquals("-|Jeg tror ingen som har vært i krig liker smell. Jeg synes det er ubehagelig.", show(t));
    }

    @Test
    void aTurnThatAlreadyToldInThePastKeepsThePastSentence() {
        String t = "Hvordan gikk det i dag? - Jeg kjørte ikke bra i det hele tatt. Hele laget hadde en dårlig dag i "
                + "bakken. - Hva nå?";
        assertEquals("-|Jeg kjørte ikke bra i det hele tatt. Hele laget hadde en dårlig dag i bakken. ## -|Hva nå?", show(t));
    }

    @Test
    void aSpeakersTalkOrPauseKeepsThePastSentence() {
        String withParticle = "Hvordan var kampen? - Det er en god følelse nå. Det var jo en tøff kamp fra start til slutt.";
        assertEquals("-|Det er en god følelse nå. Det var jo en tøff kamp fra start til slutt.", show(withParticle));
        String afterPause = "Hva skjedde den natten? - Jeg må si... Da politiet kom til huset, ble alt annerledes for "
                + "familien.";
        assertEquals("-|Jeg må si... Da politiet kom til huset, ble alt annerledes for familien.", show(afterPause));
    }
}

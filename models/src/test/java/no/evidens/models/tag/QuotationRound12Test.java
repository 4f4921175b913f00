package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's twelfth round on treebank text, from the errors of the fifth development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound12Test {

    @Test
    void remarkingAndBeamingAreSpeakerCues() {
        String t = "Hagen ville ikke svare. - Vi får vente og se, bemerket han. Da avisen ringte igjen, var han borte. "
                + "Festen var i gang. - Hun er min beste venn. Vi møttes på skolen. Det er så fint at hun kom! stråler Kari Moe.";
        assertEquals("-|Vi får vente og se ## -|Hun er min beste venn. Vi møttes på skolen. Det er så fint at hun kom!", show(t));
    }

    @Test
    void aVerbBeforeAQuestionWordIsNoCue() {
        // «forklarer hvorfor …» opens an indirect question of the narration; the turn ends where the reporter takes over
        String t = "Treneren var fornøyd. - Jeg er stolt av jentene. Vi vant fortjent. Lagvenninne Kari Moe, som har spilt i "
                + "ti år, forklarer hvorfor laget er så sterkt.";
        assertEquals("-|Jeg er stolt av jentene. Vi vant fortjent.", show(t));
    }

    @Test
    void aDashInsideBracketsOpensNoTurn() {
        assertEquals("", show("Bergen (NTB - Per Olsen): Det ble ingen avtale i natt, sa ordføreren."));
    }

    @Test
    void aDashAfterAMarkClosedInsideASentenceOpensNoTurnWithoutACue() {
        String t = "Selv «alltid først» - Kari Moe må innrømme at planen er god. - Jeg liker den, sier hun.";
        assertEquals("«|alltid først ## -|Jeg liker den", show(t));
    }

    @Test
    void aTurnOpenedByHanHasSpokenOfHim() {
        // the turn's own first «Han» is the man the speaker tells of, so a later «Han ga seg aldri» goes on about him
        String t = "Vi kjørte hjem. - Han var en mann jeg så opp til. Han lærte meg alt om båter. Han ga seg aldri. "
                + "Ola Moe ser ut over fjorden.";
        assertEquals("-|Han var en mann jeg så opp til. Han lærte meg alt om båter. Han ga seg aldri.", show(t));
    }

    @Test
    void aCaptionsLabelEndsATurn() {
        String t = "Pianoet står i stua. - En fin gammel tradisjon. På bildet: Familien samlet rundt pianoet i 1990. - Vi spiller "
                + "hver søndag, sier Kari. Gleden: - Vi fikk ikke gjøre som vi ville. Jeg ble lei. Reddet: Kari Moe forteller "
                + "om et tungt år.";
        assertEquals("-|En fin gammel tradisjon. ## -|Vi spiller hver søndag ## -|Vi fikk ikke gjøre som vi ville. Jeg ble lei.",
                show(t));
        // «Problemet: Jeg …» speaks as the speaker: no caption
        assertEquals("-|Planen er klar. Problemet: Jeg har ingen penger", show("- Planen er klar. Problemet: Jeg har ingen penger, "
                + "sier Ola Moe."));
    }

    @Test
    void theDocumentsSpeakerNamedAfterOgIsTheReporterTellingOfHim() {
        // a capital after «og» is one of a list as often as a person; the name the document gives a speaker («sier Moe») is not
        String t = "Han kjører. - Det er nydelig her. Regnet faller, og Moe titter ut gjennom ruta. - Grønt og åpent her, sier Moe.";
        assertEquals("-|Det er nydelig her. ## -|Grønt og åpent her", show(t));
    }

    @Test
    void aNamedSentenceIsTheSpeakersWhenAPlainOneAndThenJegFollow() {
        String t = "Direktøren er fornøyd. - Det er fint for oss i firmaet. Kundene velger både Rema og Kiwi. Det "
                + "er blitt mer avslappet. Når jeg har sagt det, er falske vesker et problem. Hun smiler skjevt.";
        assertEquals("-|Det er fint for oss i firmaet. Kundene velger både Rema og Kiwi. Det er blitt mer avslappet. Når jeg "
                + "har sagt det, er falske vesker et problem.", show(t));
        // narration between them: the reporter took over before the «jeg»
        assertEquals("-|Det er fint for oss i firmaet.", show("Direktøren er fornøyd. - Det er fint for oss i firmaet. Kundene "
                + "velger både Rema og Kiwi. Hun ble kontaktet av en kunde. Jeg sa nei."));
    }
}

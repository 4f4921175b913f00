package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Dialogue and marks as news text run together into long paragraphs writes them (issue 15, the treebank
 * quotation gold); every sentence here is our own.
 */
class DialogueInParagraphTest {

    @Test
    void aTurnAfterASentenceRunsToItsSpeakerCue() {
        String t = "Ordføreren kom sent til møtet. - Vi har ventet lenge på svar. Nå må det skje noe, sier hun. "
                + "Rådmannen nikker. - Hvem har ansvaret? spør han.";
        assertEquals("-|Vi har ventet lenge på svar. Nå må det skje noe ## -|Hvem har ansvaret?", show(t));
    }

    @Test
    void newCueVerbsEndATurnToo() {
        assertEquals("-|Dette blir bra", show("Han ser fornøyd ut. - Dette blir bra, smiler han. Så går han."));
        assertEquals("-|Vi gir oss ikke!", show("Laget tapte igjen. - Vi gir oss ikke! lover treneren."));
    }

    @Test
    void aTurnWithoutACueStopsAtTheNextTurnOrAtNarrationThatNamesSomeone() {
        String t = "Vi møter Åse Lindvik på kontoret. - Jeg liker jobben. Dagene går fort. "
                + "Lindvik ser ut av vinduet. - Hva gjør du i helgene? - Jeg går på ski.";
        assertEquals("-|Jeg liker jobben. Dagene går fort. ## -|Hva gjør du i helgene? ## -|Jeg går på ski.", show(t));
    }

    @Test
    void aDashInsideASentenceOpensATurnOnlyWithACue() {
        assertEquals("", show("Været til tross - Lindvik kom fram i tide."));
        assertEquals("-|Jeg kommer igjen", show("Han smiler bredt - Jeg kommer igjen, sier Lindvik."));
    }

    @Test
    void aCueRightAfterAMarkedQuotationIsThatQuotations() {
        String t = "Hun tenker seg om. - Vi må lese mer. «Jeg har aldri sett noe lignende», sa forfatteren i fjor.";
        assertEquals("-|Vi må lese mer. ## «|Jeg har aldri sett noe lignende", show(t));
    }

    @Test
    void oneClosingMarkMayCloseAnInnerAndAnOuterQuotation() {
        String t = "Han skrev: «Brevet har et 'vi' og et 'dem', men aldri et «jeg», sa redaktøren.";
        assertEquals("«|Brevet har et 'vi' og et 'dem', men aldri et «jeg ## '|vi ## '|dem ## «|jeg", show(t));
        String goesOn = "Hun sa: «Les «Vinterreisen» i kveld og «Sommerboka» i morgen», og gikk.";
        assertEquals("«|Les «Vinterreisen» i kveld og «Sommerboka» i morgen ## «|Vinterreisen ## «|Sommerboka",
                show(goesOn));
    }

    @Test
    void aGuillemetClosedByAStraightMarkIsOneQuotation() {
        String t = "Biskopen var klar. «Dette handler om makt,\" sier hun. \"Og om penger,\" sier han.";
        assertEquals("«|Dette handler om makt, ## \"|Og om penger,", show(t));
    }

    @Test
    void anUnclosedQuotationEndsWhereTheNextTurnOpens() {
        String t = "- Hva betyr tittelen «Sommerboka? - Jeg har aldri forklart den, sier forfatteren.";
        assertEquals("-|Hva betyr tittelen «Sommerboka? ## «|Sommerboka ## -|Jeg har aldri forklart den", show(t));
    }

    @Test
    void anApostropheInsideAQuotationIsNoMark() {
        assertEquals("«|Vi drakk te på Larsen's kafé", show("Hun sa: «Vi drakk te på Larsen's kafé»."));
    }
}

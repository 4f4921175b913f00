package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's eighth round on treebank text: a document with no speaker cue whose dash turns speak as one
 * person or to someone writes dialogue, so its other dash turns are speech too; a heading on its own paragraph made of
 * a speaker's sentence ({@code jeg}, {@code du}) may be longer than a crosshead. Every sentence here is our own.
 */
class QuotationRound8Test {

    @Test
    void aPlainTurnIsSpeechWhenAnotherTurnOfTheDocumentSaysJegOrDu() {
        String t = "Han sitter ofte ved vannet om kvelden. - Det er et fint sted å tenke. - Du liker å være alene? "
                + "- Ja. Jeg har alltid gjort det.";
        assertEquals("-|Det er et fint sted å tenke. ## -|Du liker å være alene? ## -|Ja. Jeg har alltid gjort det.", show(t));
    }

    @Test
    void aPlainTurnAloneIsNoSpeechWithoutCueOrPerson() {
        String t = "Han sitter ofte ved vannet om kvelden. - Det er et fint sted å tenke. Båten ligger ved brygga.";
        assertEquals("", show(t));
    }

    @Test
    void plainDashItemsAreNoDialogueBecauseOfAWeInOneOfThem() {
        // «vi» is how a report's own list speaks too: only «jeg» or «du» make a document's turns dialogue
        String t = "Utvalget ble enige om dette. - Det er kommunens oppgave å skaffe nok plasser. - Vi anbefaler en ny lov.";
        assertEquals("-|Vi anbefaler en ny lov.", show(t));
    }

    @Test
    void aLongHeadingThatSaysJegIsAQuotation() {
        String t = "- Jeg har lest om barn som knapt hadde fylt ti år\n\nMange blir giftet bort før de er voksne.";
        assertEquals("-|Jeg har lest om barn som knapt hadde fylt ti år", show(t));
    }

    @Test
    void aLongHeadingWithoutAPersonIsNone() {
        String t = "- Mange barn blir giftet bort før de er ni år gamle i flere land\n\nDet viser en ny rapport.";
        assertEquals("", show(t));
    }
}

package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's twenty-first round, from the errors of the written news split and of the same texts rebuilt
 * from their tokens (split {@code news-tokens}, with the texts {@code news-31} … {@code news-37}). Every sentence here is
 * our own.
 */
class QuotationRound21Test {

    @Test
    void aSentenceOfDetAndAVerbOfSayingAndANameIsTheTurnsCue() {
        // the cue's sentence, written as a paragraph of its own, runs on after the turn's last sentence
        String t = "Fra mandag stenger ferjekaia. – Det er ikke greit. Vi får ingen beskjed. Det sier Kari Holm, som pendler"
                + " hver dag. Hun har klaget.";
        assertEquals("–|Det er ikke greit. Vi får ingen beskjed.", show(t));
        // the speaker's own «det sier jeg» stays in the turn
        String own = "Fra mandag stenger ferjekaia. – Det er ikke greit. Det sier jeg rett ut.";
        assertEquals("–|Det er ikke greit. Det sier jeg rett ut.", show(own));
    }

    @Test
    void stoOrStarIsACueOnlyWithDet() {
        // a fronted clause, then «sto» with another subject: the speech's own sentence, no cue
        String t = "Ola Berg var i fjøset. – Jeg hørte et brak. Da jeg kom ut, sto vannet til knærne. Jeg fikk ut dyrene.";
        assertEquals("–|Jeg hørte et brak. Da jeg kom ut, sto vannet til knærne. Jeg fikk ut dyrene.", show(t));
        // «sto det» quoting a letter stays a cue
        String letter = "– Vi beklager forsinkelsen, sto det i brevet.";
        assertEquals("–|Vi beklager forsinkelsen", show(letter));
    }

    @Test
    void aMunicipalCouncilsChairMakesMinutesWhereADashContinuesTheSpeech() {
        String t = "Ordføreren: Vi går over til sak 12. Ordet er fritt.\n\nKari Moe (V): Jeg er enig. – Vi bør vedta det i"
                + " dag.\n\nOrdføreren: Da går vi til votering.";
        assertEquals("", show(t));
        // the label once is no sign: a news text that quotes the mayor after a caption's label keeps its turn
        String once = "Ordføreren: Vi går over til sak 12.\n\nKari Moe sier hun er enig. – Vi bør vedta det i dag.";
        assertEquals("–|Vi bør vedta det i dag.", show(once));
    }
}

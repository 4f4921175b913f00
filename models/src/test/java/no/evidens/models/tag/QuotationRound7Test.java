package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's seventh round on treebank text: a dialogue turn that opens a paragraph whose end is no
 * sentence's end (text rebuilt from tokens runs paragraphs together up to the next heading) ends as a turn among other
 * text does, instead of being dropped; {@code vedgår} is a speaker cue. Every sentence here is our own.
 */
class QuotationRound7Test {

    @Test
    void aTurnWhoseParagraphRunsIntoAHeadingEndsAtTheNarration() {
        String t = "Laget vant igjen i går.\n\n- Nå kan ingen stoppe oss! Trener Kari Nordby har ledet laget siden våren. "
                + "Ny hall i sikte\n\n- Vi gleder oss, sier Kari.";
        assertEquals("-|Nå kan ingen stoppe oss! ## -|Vi gleder oss", show(t));
    }

    @Test
    void aTurnWithItsParagraphToItselfStillRunsToItsEnd() {
        String t = "Laget vant igjen i går.\n\n- Jeg har spilt med Kari Nordby i ti år. Hun er best.\n\nKampen endte 2-1.";
        assertEquals("-|Jeg har spilt med Kari Nordby i ti år. Hun er best.", show(t));
    }

    @Test
    void vedgarIsASpeakerCue() {
        String t = "Hun har flyttet tre ganger i år.\n\n- Jeg gruer meg for det som kommer, vedgår kvinnen fra sitt nye hjem.";
        assertEquals("-|Jeg gruer meg for det som kommer", show(t));
    }
}

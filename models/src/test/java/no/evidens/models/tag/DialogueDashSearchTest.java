package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where the search for dialogue turns skips ahead (to a dash, to the chair's label, to a question mark), the turns are
 * still those of the whole text: hyphens inside words and numbers, the label inside a longer word, the label twice.
 * Every sentence here is our own.
 */
class DialogueDashSearchTest {

    @Test
    void hyphensInWordsAndNumbersBeforeAndBetweenTurnsOpenNone() {
        String t = "Hun sendte en e-post 12.-13. mai om SFO-tilbudet. - Vi svarer i morgen, sier rektor. "
                + "Det gjaldt 2020-2021. - Det er for sent, sier mor.";
        assertEquals("-|Vi svarer i morgen ## -|Det er for sent", show(t));
    }

    @Test
    void dashesOfEveryKindRightAfterEachOtherAndAtTheEndOfTheText() {
        String t = "Møtet var kort.\n\n– Vi kommer igjen, sier Per Moe.\n\n— Takk for i dag, sier Kari.\n\nSlutt --";
        assertEquals("–|Vi kommer igjen ## —|Takk for i dag", show(t));
    }

    @Test
    void theChairsLabelInsideALongerWordIsNoChair() {
        String t = "Visepresidenten: Møtet er satt. Visepresidenten: Ordet går videre. - Vi gleder oss, sier Per Moe.";
        assertEquals("-|Vi gleder oss", show(t));
    }

    @Test
    void theChairsLabelTwiceMakesMinutesWhereverItStands() {
        String t = "(Presidenten: Møtet er satt.) - Vi gleder oss, sier Per Moe.\n\nPresidenten: Takk.";
        assertEquals("", show(t));
    }

    @Test
    void anInterviewsQuestionsWithoutADashAreLeftOutOfTheTurns() {
        String t = "Vi møtte henne i går. - Jeg kom i fjor. Hva gjorde du da? - Jeg søkte jobb. Hvor bodde du? - Hos en venn.";
        assertEquals("-|Jeg kom i fjor. ## -|Jeg søkte jobb. ## -|Hos en venn.", show(t));
    }
}

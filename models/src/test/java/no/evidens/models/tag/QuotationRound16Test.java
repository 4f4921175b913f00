package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's sixteenth round on treebank text, from the errors of the ninth development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound16Test {

    @Test
    void marksWithNothingInsideAreNoQuotation() {
        // the words between the marks were lost: nothing to read or cite, while the marked words after them still count
        String t = "Her i dalen sier vi «» - på bokmål, «vi får se hva vi gjør». Det sier det meste.";
        assertEquals("«|vi får se hva vi gjør", show(t));
    }

    @Test
    void aPlaceAndAMonthWithAYearEndATurnAsADatelineDoes() {
        // the reporter opens a new section of the story with a place and a date; the turn ended before it
        String t = "Piloten så på mekanikeren og sa: - Vi kommer ikke opp. Tromsø, mars 2011. - Jeg forteller det nå fordi "
                + "barna har spurt, sier Ola Moe (80).";
        assertEquals("-|Vi kommer ikke opp. ## -|Jeg forteller det nå fordi barna har spurt", show(t));
        // a month with its day, as before
        String day = "Piloten så på mekanikeren og sa: - Vi kommer ikke opp. Tromsø, 3. mars 2011. - Jeg forteller det nå "
                + "fordi barna har spurt, sier Ola Moe (80).";
        assertEquals("-|Vi kommer ikke opp. ## -|Jeg forteller det nå fordi barna har spurt", show(day));
    }
}

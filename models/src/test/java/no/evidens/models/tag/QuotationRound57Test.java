package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The rule of issue 15's round in session 57, from the errors of the treebank's dev splits: two crossheads opened with a
 * dash, stacked between an article's other crossheads, quote its speaker when one of them reads as a clause. Every
 * sentence here is our own.
 */
class QuotationRound57Test {

    @Test
    void twoDashedCrossheadsTogetherAreQuotations() {
        // a feature's crossheads: two dashed lines between plain ones quote the article's speakers
        String t = "Bussen stopper ikke lenger i bygda, og foreldrene er bekymret.\n\nMorgenkaos\n\n- Verre enn noen gang\n\n"
                + "- Ungene må gå langs veien\n\nSkolens svar\n\nRektor Siri Dal vil ta saken opp med fylket.";
        assertEquals("-|Verre enn noen gang ## -|Ungene må gå langs veien", show(t));
    }

    @Test
    void theSamePairAfterTheArticlesFirstParagraphIsQuoted() {
        String t = "Laget vant igjen i helga, og supporterne jublet lenge.\n\n- Helt fantastisk å slå dem\n\n"
                + "- Vi tar dem hver gang\n\nTreneren var fornøyd etter kampen.";
        assertEquals("-|Helt fantastisk å slå dem ## -|Vi tar dem hver gang", show(t));
    }

    @Test
    void aPairOfNounPhrasesNamesTopicsAndQuotesNobody() {
        // neither line says anything as a clause: a teaser list of two topics
        String t = "Bussen stopper ikke lenger i bygda.\n\nMorgenkaos\n\n- Lengre skolevei\n\n- Kalde holdeplasser\n\n"
                + "Skolens svar\n\nRektor Siri Dal vil ta saken opp med fylket.";
        assertEquals("", show(t));
    }

    @Test
    void threeDashedLinesOrMoreAreATeaserListAndQuoteNobody() {
        // a teaser list of the article's topics, in the reporter's words
        String t = "Studentene får mindre plass neste år.\n\n- Færre grupperom\n\n- Dårlig luft i salene\n\n"
                + "- Vil møte rektor igjen\n\nStudentene frykter dårligere forhold.";
        assertEquals("", show(t));
    }

    @Test
    void aPairNextToAnotherDashLineOrAfterAColonIsNoPair() {
        // beside a dashed question: not two crossheads standing alone
        String nextToQuestion = "Saken ble behandlet i går.\n\n- Godt nytt for byen\n\n- Mange nye boliger\n\n"
                + "- Hva skjer nå? Det vet ingen ennå, og ingen vil svare på det i dag\n\nPlanen skal ut på høring.";
        assertFalse(show(nextToQuestion).contains("Godt nytt for byen"));
        assertFalse(show(nextToQuestion).contains("Mange nye boliger"));
        // two items after a colon are a list
        String afterColon = "Styret vil dette:\n\n- Flere lærere i skolen\n\n- Bedre inneklima i hallen\n\nVedtaket kom i går.";
        assertEquals("", show(afterColon));
    }
}

package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's nineteenth round, from the errors of the written news split rebuilt from its tokens (split
 * {@code news-tokens}: paragraphs run together but after headings). Every sentence here is our own.
 */
class QuotationRound19Test {

    @Test
    void timedSpeakersRunIntoOneParagraphStillMakeMinutes() {
        // the speeches' labels stand after a sentence's end, not at a paragraph's start
        String t = "Ola Moe (Bygdelista) [11:02:10]: President! Skolene trenger lærere. Statsråd Kari Lie [11:05:44]: Takk"
                + " for spørsmålet. – Vi har også økt tilskuddet i år. Ola Moe (Bygdelista) [11:07:02]: Jeg takker for svaret.";
        assertEquals("", show(t));
        // a clock inside a sentence is no label, and one label is no sign
        String once = "Møtet startet. Kari Lie [11:05]: Vi har gjort mye. – Vi har også økt tilskuddet i år, sier hun.";
        assertEquals("–|Vi har også økt tilskuddet i år", show(once));
    }

    @Test
    void aListIntroducedByAColonAndRunIntoAParagraphQuotesNobody() {
        String t = "– Vi vant, sier Kari Moe. Valget handlet om tre saker: – Skolen på Vik. – Ferja til Lisund. – Ny hall."
                + " Nå er alt talt.";
        assertEquals("–|Vi vant", show(t));
        // a lead-in that names a speaker introduces a turn, and a single turn after a colon stays one
        String speaker = "Kari Moe tar ordet og sier: – Jeg er glad. – Vi vant.";
        assertEquals("–|Jeg er glad. ## –|Vi vant.", show(speaker));
        String single = "– Vi vant, sier Kari Moe. Hun har en beskjed til velgerne: – Takk for tilliten!";
        assertEquals("–|Vi vant ## –|Takk for tilliten!", show(single));
        // an interview's answers after a label speak as one or ask: no list
        String answers = "– Vi vant, sier Kari Moe. Sønnen: – Ja, jeg var der. – Hvem vant? – Vi gjorde det.";
        assertEquals("–|Vi vant ## –|Ja, jeg var der. ## –|Hvem vant? ## –|Vi gjorde det.", show(answers));
    }

    @Test
    void aLineWhereTheSpeakerAddsWordsIntroducesATurnNotAList() {
        String t = "– Vi har lagt inn penger til det, sier Lie.\n\nHan legger til:\n\n– Men elleve barn er ikke nok.";
        assertEquals("–|Vi har lagt inn penger til det ## –|Men elleve barn er ikke nok.", show(t));
        // a line that names no speaker still introduces a list
        String list = "– Vi har lagt inn penger til det, sier Lie.\n\nPlanen legger opp til tre ting:\n\n– Ny barnehage.\n\n"
                + "– Flere ansatte.";
        assertEquals("–|Vi har lagt inn penger til det", show(list));
    }

    @Test
    void aContinuationMarkRunIntoTheParagraphContinuesTheQuotation() {
        String t = "Brevet lyder: «Vi er mange eldre her. Vi kan ikke reise langt. «Vi ber om et svar innen mai.» Kommunen svarer"
                + " at den «ser på saken».";
        assertEquals("«|Vi er mange eldre her. Vi kan ikke reise langt. «Vi ber om et svar innen mai. ## «|ser på saken", show(t));
        // a « left open before a section mark or a dash turn was never closed: the « after it opens a quotation of its own
        String lost = "Han skriver: «Europa er ikke i stand til det. * Logan har snakket med to offiserer. «Europa er en dverg», sier han.";
        assertEquals("«|Europa er ikke i stand til det. * Logan har snakket med to offiserer. «Europa er en dverg"
                + " ## «|Europa er en dverg", show(lost));
        // a quotation nested inside closes twice: it stays nested
        String nested = "Han sa: «Vi var der. «Kom hit!» ropte hun. Så gikk vi.» Det var alt.";
        assertEquals("«|Vi var der. «Kom hit!» ropte hun. Så gikk vi. ## «|Kom hit!", show(nested));
    }
}

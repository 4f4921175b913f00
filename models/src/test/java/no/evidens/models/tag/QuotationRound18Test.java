package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's eighteenth round, from the errors of the development split written for Evidens (fictional news,
 * blogs, a report and minutes). Every sentence here is our own.
 */
class QuotationRound18Test {

    @Test
    void minutesThatTimeEachSpeechQuoteNobodyWithADash() {
        // the chair's label stands once only; the speakers' labels with the clock say these are minutes
        String t = "Ola Moe (Bygdelista) [11:02:10]: President! Skolene trenger lærere.\n\n"
                + "Statsråd Kari Lie [11:05:44]: Takk for spørsmålet. Vi har gjort mye. – Vi har også økt tilskuddet i år.\n\n"
                + "Presidenten: Sak nr. 4 er ferdig.";
        assertEquals("", show(t));
        // one timed label is no sign: a news article may print a clock before a colon once
        String once = "Kari Lie [11:05]: Vi har gjort mye. – Vi har også økt tilskuddet i år, sier hun.";
        assertEquals("–|Vi har også økt tilskuddet i år", show(once));
    }

    @Test
    void aHeadlineWithAStatementBeforeTheColonQuotesTheSpeakerAfterIt() {
        String t = "Bussen til Vikane går ikke lenger om kvelden: – Vi blir sittende hjemme\n\n"
                + "Fra nyttår kjører den siste bussen klokka 18.";
        assertEquals("–|Vi blir sittende hjemme", show(t));
    }
}

package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's fourth round on treebank text: straight quotes rebuilt from tokens with the space on the
 * wrong side, interviews whose answers say {@code du} of anyone and whose last question ends the text, a dash inside
 * the speech, more cues and asides, a named sentence followed by the speaker's {@code jeg}. Every sentence here is our
 * own.
 */
class QuotationRound4Test {

    @Test
    void aStraightQuoteOpenedWithAnEllipsisAndClosedAfterItsSentence() {
        String t = "Rapporten slår fast at \"... tilsynet må ta hensyn til barnets beste. \"Kommunen har fulgt opp dette. "
                + "Oppdraget sier at: \"... rådet legger fram forslag til endringer i loven\". Rådet har gjort det.";
        assertEquals("\"|... tilsynet må ta hensyn til barnets beste. ## \"|... rådet legger fram forslag til endringer i loven",
                show(t));
    }

    @Test
    void straightQuotesInTheirUsualPlacesAreUnchanged() {
        String t = "Hun kalte det \"en ny start\". Han svarte \"Nei.\" og gikk.";
        assertEquals("\"|en ny start ## \"|Nei.", show(t));
    }

    /** Three questions to the speaker without a dash of their own make the text an interview. */
    private static final String INTERVIEW = "Kari Dal er kokk. Hva lager du helst? - Fisk. Jeg elsker torsk. "
            + "Hvor bor du nå? - I Tromsø. Hva gjorde du der først? - Jeg åpnet en kafé. Du kan spise der hele dagen, "
            + "og du får alltid kaffe. Hva er ditt beste minne? - Den første gjesten. ";

    @Test
    void anInterviewAnswerWithAGenericDuEndsBeforeTheNextQuestion() {
        String t = INTERVIEW + "Hva drømmer du om? - Et hus ved havet.";
        assertEquals("-|Fisk. Jeg elsker torsk. ## -|I Tromsø. ## -|Jeg åpnet en kafé. Du kan spise der hele dagen, og du "
                + "får alltid kaffe. ## -|Den første gjesten. ## -|Et hus ved havet.", show(t));
    }

    @Test
    void anInterviewsLastQuestionWithNoAnswerIsTheInterviewers() {
        String t = INTERVIEW.strip() + " Hvor fort sykler du til jobben?";
        assertEquals("-|Den første gjesten.", show(t).substring(show(t).lastIndexOf("## ") + 3));
    }

    @Test
    void aDashAfterAWordInsideTheSpeechDoesNotEndTheTurn() {
        String t = "Han ser på tallene. - Det har gått bra. Men sånn sett - Skatteetaten og banken vet hva de gjør. "
                + "Jeg stoler på dem.";
        assertEquals("-|Det har gått bra. Men sånn sett - Skatteetaten og banken vet hva de gjør. Jeg stoler på dem.",
                show(t));
    }

    @Test
    void dashesAfterWordsBesideEachOtherAreAListNotAPause() {
        String t = "Tilsynet undersøkte om: - Kontoret stiller krav - Kontorets vedtak er riktige - Kontoret følger opp brudd "
                + "på kravene. Tilsynet ble gjort som en revisjon.";
        assertEquals("", show(t));
    }

    @Test
    void aSpeakerWhoHadTimeToSayItOrIsSaidToHaveSaidIt() {
        String t = "Kampen var nesten over. - Vi leder fortsatt, rakk han å melde før pausen. - Vi er best, skal hun ha sagt.";
        assertEquals("-|Vi leder fortsatt ## -|Vi er best", show(t));
    }

    @Test
    void aSayingTheSpeakerQuotesIsNoCue() {
        String t = "Hun tenker seg om. - Alle kan synge, sier de så pent på Vestlandet. Det stemmer ikke. Jeg har prøvd.";
        assertEquals("-|Alle kan synge, sier de så pent på Vestlandet. Det stemmer ikke. Jeg har prøvd.", show(t));
        String man = "Han smiler. - Øvelse gjør mester, sier man. Det tror jeg på.";
        assertEquals("-|Øvelse gjør mester, sier man. Det tror jeg på.", show(man));
    }

    @Test
    void aNamedSentenceFollowedByTheSpeakersJegStaysInTheTurn() {
        String t = "Vi spør om lagkameratene. - Ja, jeg har én... Per Olsen, en keeper i Moss. Jeg besøkte ham i fjor. "
                + "Olsen mener han er glad.";
        assertEquals("-|Ja, jeg har én... Per Olsen, en keeper i Moss. Jeg besøkte ham i fjor.", show(t));
    }

    @Test
    void anInterviewAnswerNamingPlacesRunsOnUntilTheReporterNamesTheSpeaker() {
        String t = INTERVIEW + "Hvordan er byen? - Bergen er vakker. Fjellene rundt Bergen er fine. Til slutt tar Dal "
                + "på seg forkleet. Dal forteller om kafeen.";
        String last = show(t).substring(show(t).lastIndexOf("## ") + 3);
        assertEquals("-|Bergen er vakker. Fjellene rundt Bergen er fine.", last);
    }
}

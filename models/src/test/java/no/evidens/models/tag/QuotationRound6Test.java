package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's sixth round on treebank text: sentences only the reporter writes end a dialogue turn without
 * a cue — a dateline (a place and a date) and a person presented with an age in brackets; a question put to someone
 * ({@code du}, {@code dere}) is asked in the dialogue even when it names something; a one-word crosshead is no quotation.
 * Every sentence here is our own.
 */
class QuotationRound6Test {

    @Test
    void aDatelineEndsATurn() {
        String t = "Hun ser tilbake på dagen. - Jeg hadde ikke planlagt det. Det bare skjedde. Røros i Trøndelag, 3. mars i år. "
                + "Det snør på kirketaket.";
        assertEquals("-|Jeg hadde ikke planlagt det. Det bare skjedde.", show(t));
    }

    @Test
    void aPersonPresentedWithAnAgeEndsATurn() {
        String t = "Bandet øver i en garasje. - Vi begynte her for ti år siden. Det var kaldt om vinteren. "
                + "Sindre (27) kom med i bandet i fjor.";
        assertEquals("-|Vi begynte her for ti år siden. Det var kaldt om vinteren.", show(t));
    }

    @Test
    void anAgeInBracketsInsideTheSpeechStaysWhenTheSpeakerSaysJeg() {
        String t = "Bandet øver i en garasje. - Vi begynte her for ti år siden. Jeg og Sindre (27) spilte først alene.";
        assertEquals("-|Vi begynte her for ti år siden. Jeg og Sindre (27) spilte først alene.", show(t));
    }

    @Test
    void aQuestionToSomeoneThatNamesSomethingStaysInTheInterviewersTurn() {
        String t = "Bandet øver i en garasje. - Nå har dere skiftet trommis tre ganger. Hvordan leter dere, bruker dere "
                + "Vikarbyrå Nord? - Vi spør venner, sier Per.";
        assertEquals("-|Nå har dere skiftet trommis tre ganger. Hvordan leter dere, bruker dere Vikarbyrå Nord? ## "
                + "-|Vi spør venner", show(t));
    }

    @Test
    void aOneWordCrossheadQuotesNobodyWhereTwoWordsDo() {
        String t = "Kirken samlet seg i Roma.\n\n- Sammensvergelse\n\nPaven kom tilbake i går.\n\n- Gleder oss\n\nLaget vant.";
        assertEquals("-|Gleder oss", show(t));
    }
}

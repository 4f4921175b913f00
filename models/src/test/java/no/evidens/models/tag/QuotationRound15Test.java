package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's fifteenth round on treebank text, from the errors of the eighth development split (training
 * files of the test split's genres) read with those left on the earlier splits. Every sentence here is our own.
 */
class QuotationRound15Test {

    @Test
    void oppfordrerIsACue() {
        String t = "Kundene står i kø. - Ta med en pose til, oppfordrer butikksjefen. Mange gjør det.";
        assertEquals("-|Ta med en pose til", show(t));
    }

    @Test
    void pekerBeforeASpeakerIsACue() {
        String t = "Han tar fram et kart. - Her bodde vi. Ved elva der, peker han. Så ble det stille.";
        assertEquals("-|Her bodde vi. Ved elva der", show(t));
        // pointing at something is narration inside the turn, not its cue
        String at = "Hun står ved vinduet. - Huset er gammelt. Taket lekker, og hun peker på flekkene i taket. Jeg vet ikke "
                + "hva vi skal gjøre, sier hun.";
        assertEquals("-|Huset er gammelt. Taket lekker, og hun peker på flekkene i taket. Jeg vet ikke hva vi skal gjøre",
                show(at));
    }

    @Test
    void aCueWithoutACommaAfterAMarkedQuestionInTheTurnsSentence() {
        // Norwegian writes no comma after «…?»: the cue is the turn's when the marked words stand inside its sentence
        String t = "Vi møter Kari Moe på torget. - Jeg gikk forbi og tenkte «Hva skjer her?» sier Moe. - Nå vet jeg det.";
        assertEquals("-|Jeg gikk forbi og tenkte «Hva skjer her?» ## «|Hva skjer her? ## -|Nå vet jeg det.", show(t));
        // marked words that make a sentence of their own are someone the speaker quotes: their cue ends no turn
        String quoted = "Han var borte lenge. - Det var tungt. Jeg gikk ikke ut. «Hvor ble du av?» spurte noen. Jeg svarte "
                + "ikke. Han fikk hjelp etter hvert.";
        assertEquals("-|Det var tungt. Jeg gikk ikke ut. «Hvor ble du av?» spurte noen. Jeg svarte ikke. ## «|Hvor ble du av?",
                show(quoted));
    }

    @Test
    void theReportersQuestionsBeforeNarrationAreCrossheadsWhereTheDocumentAsksSo() {
        // one question stands right after a cued sentence and before narration: the series asks its crossheads so
        String t = "- Vi merket ingenting, sier læreren Ola Moe. Hvorfor sa ingen fra? Huset lå for seg selv. - Jeg turte "
                + "ikke. Jeg var redd for å bli flyttet. Hvem hadde ansvaret? Hva visste naboene? I gata bor Per Hansen.";
        assertEquals("-|Vi merket ingenting ## -|Jeg turte ikke. Jeg var redd for å bli flyttet.", show(t));
        // without such a crosshead the questions are the speaker's, as before
        String own = "Huset lå for seg selv. - Jeg turte ikke. Jeg var redd for å bli flyttet. Hvem hadde ansvaret? Hva "
                + "visste naboene? I gata bor Per Hansen.";
        assertEquals("-|Jeg turte ikke. Jeg var redd for å bli flyttet. Hvem hadde ansvaret? Hva visste naboene?", show(own));
    }
}

package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's round in session 58, from the errors of the treebank's dev splits: where a dialogue turn
 * without a speaker cue ends, when the reporter's next sentence opens with a season and a year, with the hour, with a
 * speaker's name and what that speaker thinks, or tells the reporter arriving at the top. Every sentence here is our own.
 */
class QuotationRound58Test {

    @Test
    void aSeasonAndAYearOpenTheReportersSentence() {
        String t = "Læreren husker jenta godt. Merket du noe? - Hun var stille i timene, men hun kom hver dag. "
                + "Jeg trodde det gikk bra. Høsten 2019 snur det for familien. Moren får ny jobb i byen.";
        assertEquals("-|Hun var stille i timene, men hun kom hver dag. Jeg trodde det gikk bra.", show(t));
    }

    @Test
    void aSpeakerWhoDatesTheirOwnStoryGoesOn() {
        // the speaker's «vi» after the season: still the turn
        String t = "Læreren husker jenta godt. Merket du noe? - Hun var stille i timene. "
                + "Våren 2019 flyttet vi til byen. Da ble alt annerledes.";
        assertEquals("-|Hun var stille i timene. Våren 2019 flyttet vi til byen. Da ble alt annerledes.", show(t));
    }

    @Test
    void theHourOpensTheReportersSentenceAboutSomeone() {
        String t = "Frivillige har rigget scenen hele dagen. Er det verdt det? - Ja, når du ser folka her. "
                + "Det er moro. Presis klokka sju klatrer han opp på en kasse. - Velkommen, alle sammen, roper han.";
        assertEquals("-|Ja, når du ser folka her. Det er moro. ## -|Velkommen, alle sammen", show(t));
    }

    @Test
    void theHourInTheSpeakersOwnDayStaysInTheTurn() {
        String t = "Frivillige har rigget scenen hele dagen. Er det verdt det? - Ja, det er moro. "
                + "Klokka sju møter vi opp. Da er alle klare.";
        assertEquals("-|Ja, det er moro. Klokka sju møter vi opp. Da er alle klare.", show(t));
    }

    @Test
    void aNamedSpeakerWhoseViewIsToldEndsTheTurn() {
        // indirect speech: «våre» is the speaker's, paraphrased by the reporter
        String t = "Kanalen vil sende flere serier med norsk tale, sier Lise Fjeld. Hun er bekymret. "
                + "Hvorfor? - Barna hører for lite svensk og dansk. Det er synd. Fjeld, som også leder en språkforening, "
                + "mener det er viktig å holde på våre felles ord. - Jeg håper kanalen tenker seg om, sier hun.";
        assertEquals("-|Barna hører for lite svensk og dansk. Det er synd. ## -|Jeg håper kanalen tenker seg om", show(t));
    }

    @Test
    void aNameTheDocumentNeverCuesIsTheSpeakersOwnTopic() {
        // nobody in the text is cued as Moe: the speaker tells what Moe thinks, and the turn goes on
        String t = "Kanalen vil sende flere serier med norsk tale. Hvorfor det? - Barna hører for lite svensk. "
                + "Moe mener det er viktig å holde på våre felles ord. Vi er enige med henne.";
        assertEquals("-|Barna hører for lite svensk. Moe mener det er viktig å holde på våre felles ord. "
                + "Vi er enige med henne.", show(t));
    }

    @Test
    void theReporterArrivingAtTheTopEndsTheTurn() {
        String t = "Vi kjører oppover lia med bandets gitarist. Er du redd for å miste noe? - Nei. Jeg kan lage musikk "
                + "uten hender. Vi har kommet til toppen. Tåka ligger tett.";
        assertEquals("-|Nei. Jeg kan lage musikk uten hender.", show(t));
    }

    @Test
    void theSpeakersOwnTopGoesOn() {
        // not the sentence whole: the speaker's figure of speech
        String t = "Vi kjører oppover lia med bandets gitarist. Er du redd for å miste noe? - Nei. Vi har kommet til "
                + "toppen av lista nå. Det er godt.";
        assertEquals("-|Nei. Vi har kommet til toppen av lista nå. Det er godt.", show(t));
    }
}

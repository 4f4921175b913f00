package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's seventeenth round on treebank text, from the errors of the tenth development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound17Test {

    @Test
    void aCueWithoutItsCommaAfterAMarkedWordEndsTheTurn() {
        // a nickname in marks inside the speaker's sentence, then the cue with no comma: the turn ends at the mark
        String t = "Guidene var stolte: - Her kaller vi det «Bergensregn» sa de, da vi klaget over været. Turen gikk videre.";
        assertEquals("-|Her kaller vi det «Bergensregn» ## «|Bergensregn", show(t));
        // a verb of the speaker's own clause after the title, with no pronoun or name after it, is no cue
        String clause = "- Vi leste «Sult» sier noe om den tida, sier Ola Moe.";
        assertEquals("-|Vi leste «Sult» sier noe om den tida ## «|Sult", show(clause));
    }

    @Test
    void aCueAfterSentencesInMarksThatOpenedInTheNarrationIsTheirs() {
        // the marks hold sentences of a book the reporter quotes, opened inside the narration: the cue after them is not the
        // turn's, which ends at the narration that names someone
        String t = "Han smiler. - Jeg husker tunge år. Laget reiste til Spania, der de våknet «av et smell. Døra var knust. "
                + "Ola hadde drømt» skriver Kari Moe i boka. Vi ringer treneren.";
        assertEquals("-|Jeg husker tunge år. ## «|av et smell. Døra var knust. Ola hadde drømt", show(t));
    }

    @Test
    void aDashAfterAWordBeforeAFigureOpensNoTurn() {
        // the figure is set off inside the reporter's sentence; a cue much later is another voice's
        String t = "Målingene viser dødt løp mellom de to - 48 prosent mot 48 prosent. Kanalen melder om stor pågang. På "
                + "spørsmålet om hvem som forstår folk best, svarer 52 prosent den sittende.";
        assertEquals("", show(t));
    }

    @Test
    void twoTurnsRightAfterEachOtherOneAQuestionAreDialogue() {
        // an exchange: the first turn says neither «jeg» nor «du», but the question right after it answers it
        String t = "- Tja, kanskje. - Kanskje?";
        assertEquals("-|Tja, kanskje. ## -|Kanskje?", show(t));
        // a list after a colon, one item a question: no sign of people talking
        String list = "Programmet vil: - Styrke skolen. - Hva med helsa?";
        assertEquals("-|Hva med helsa?", show(list));
    }

    @Test
    void theWritersOwnVoiceAfterAQuestionEndsTheTurn() {
        // the lead-in speaks as the writer's «jeg» and of the speaker as «hun»; a sentence that does so again is the
        // writer's narration, not the speaker's second sentence
        String t = "I luka så hun på billetten min og spurte forsiktig: - Er det langt dit? Etter et nikk fra meg, fant "
                + "hun fram et kart. Kari Moe nikket.";
        assertEquals("-|Er det langt dit?", show(t));
        // a turn that says «jeg» itself keeps such a sentence: the speaker speaks of herself and of another
        String own = "I luka så hun på billetten min og spurte forsiktig: - Jeg lurer på noe. Er det langt dit? Etter et "
                + "nikk fra meg, fant hun fram et kart. Kari Moe nikket.";
        assertEquals("-|Jeg lurer på noe. Er det langt dit? Etter et nikk fra meg, fant hun fram et kart.", show(own));
    }
}

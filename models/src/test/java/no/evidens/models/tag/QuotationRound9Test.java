package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's ninth round on treebank text, from the errors of the second development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound9Test {
    private final QuoteTagger tagger = new QuoteTagger();

    /** Each quotation as {@code mark|inner text}, joined by " ## ". */
    private String show(String text) {
        return tagger.tag(text).stream().map(q -> q.open() + "|" + text.substring(q.start(), q.end()))
                .collect(Collectors.joining(" ## "));
    }

    @Test
    void aSentenceAfterAClosingMarkInsideATurnIsASentenceOfItsOwn() {
        // the narration after «…?» ends the turn as it would after a plain question
        String t = "Han ble spurt om lønna. - Det tar tid. Men en dag vil de si: «Hvorfor ventet vi?» Han trekker på "
                + "skuldrene. Så går han ut.";
        assertEquals("-|Det tar tid. Men en dag vil de si: «Hvorfor ventet vi?» ## «|Hvorfor ventet vi?", show(t));
    }

    @Test
    void addingRetortingAndConcedingAreSpeakerCues() {
        String t = "Møtet varte lenge. - Det er flere veier dit. Vi velger den korteste, kontret Moe. Så gikk han. "
                + "- Vi ser det samme, supplerer direktøren. Alle nikket. - Vi har gjort feil, erkjenner han. Han er stille.";
        assertEquals("-|Det er flere veier dit. Vi velger den korteste ## -|Vi ser det samme ## -|Vi har gjort feil", show(t));
    }
}

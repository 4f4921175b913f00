package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rule of issue 15's round in session 59, from the errors of the treebank's dev splits: a sentence that names
 * someone or something stays in a cue-less turn whose speaker speaks as {@code vi} when the next sentence speaks as
 * {@code vi} too, as one followed by {@code jeg} does. Every sentence here is our own.
 */
class QuotationRound59Test {

    @Test
    void aNamedSentenceBeforeTheSpeakersOwnWeStaysInTheTurn() {
        String t = "Butikken i sentrum har stått der i femti år. Hva betyr merket for dere? - Vi var de første som ga "
                + "stolene våre navn. Stolene er hjertet i alt Lunde Møbler lager. Vi gir dem navn slik en far gir navn "
                + "til barna sine. Eriksen (54) viser vei inn i verkstedet.";
        assertEquals("-|Vi var de første som ga stolene våre navn. Stolene er hjertet i alt Lunde Møbler lager. "
                + "Vi gir dem navn slik en far gir navn til barna sine.", show(t));
    }

    @Test
    void theReportersOwnWeEndsTheTurnAtTheNamedSentence() {
        // the reporter writes «vi» before the first turn: the next «vi» is the reporter's, and the named sentence too
        String t = "Vi møter daglig leder i butikken i sentrum. Hva betyr merket for dere? - Vi var de første som ga "
                + "stolene våre navn. Stolene er hjertet i alt Lunde Møbler lager. Vi går videre inn i verkstedet.";
        assertEquals("-|Vi var de første som ga stolene våre navn.", show(t));
    }

    @Test
    void aTurnThatNeverSaidWeEndsAtTheNamedSentence() {
        String t = "Butikken i sentrum har stått der i femti år. Hva betyr merket? - Stolene har navn. "
                + "Stolene er hjertet i alt Lunde Møbler lager. Vi går videre inn i verkstedet.";
        assertEquals("-|Stolene har navn.", show(t));
    }
}

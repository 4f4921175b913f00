package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's fifth round on treebank text: more ways a speaker is said to speak, a cue whose second verb
 * introduces the next turn, and verbs of saying that are no cue because no subject follows them, a speaker who speaks of
 * {@code han} or {@code hun} before a sentence opened by that pronoun, a capital inside brackets, and a verb of saying whose subject of
 * several words opens a clause ({@code understreker Kari Nordby at …}). Every sentence here
 * is our own.
 */
class QuotationRound5Test {

    @Test
    void whisperingMumblingAndNoddingEndATurn() {
        String t = "Babyen sover i vogna. - Vi må være stille nå, hvisker hun. Hun trekker for gardinene. "
                + "- Kanskje i morgen, mumler gutten. - Det går fint, nikker faren.";
        assertEquals("-|Vi må være stille nå ## -|Kanskje i morgen ## -|Det går fint", show(t));
    }

    @Test
    void aCueWhoseSecondVerbIntroducesTheNextTurnStillEndsTheFirst() {
        String t = "Rådmannen svarer kort. - Budsjettet holder ikke i år, sier Per Olsen og utdyper: "
                + "- Vi mangler penger til skolene, legger han til.";
        assertEquals("-|Budsjettet holder ikke i år ## -|Vi mangler penger til skolene", show(t));
    }

    @Test
    void aVerbOfSayingFollowedByAParticleHasNoSubjectAndEndsNoTurn() {
        String t = "Hvem leder laget nå? - Det vet vi ikke ennå. Kari Lund, vår første trener, sa fra på et møte at hun ville "
                + "slutte. Laget trener videre.";
        assertEquals("-|Det vet vi ikke ennå.", show(t));
    }

    @Test
    void blackRoofsAreNoAnswer() {
        String t = "Vi står ved vinduet. - Jeg liker gamle hus, hvite vegger, svarte tak og røde dører. Jeg har bodd her "
                + "hele livet. - Og nye hus, svarte hun.";
        assertEquals("-|Jeg liker gamle hus, hvite vegger, svarte tak og røde dører. Jeg har bodd her hele livet. ## "
                + "-|Og nye hus", show(t));
    }

    @Test
    void aSpeakerWhoAlreadySpokeOfHimGoesOnWithHan() {
        String t = "Vi treffer Siri på kaia. - Jeg kjenner Ola godt, og han er ingen lat mann. Han reiser seg klokka fem hver "
                + "dag. Hun ser utover havna.";
        assertEquals("-|Jeg kjenner Ola godt, og han er ingen lat mann. Han reiser seg klokka fem hver dag.", show(t));
    }

    @Test
    void aTurnThatNeverSpokeOfHimStillEndsAtHan() {
        String t = "Vi treffer Siri på kaia. - Jeg er glad i denne byen. Han smiler og ser utover havna.";
        assertEquals("-|Jeg er glad i denne byen.", show(t));
    }

    @Test
    void aCapitalInsideBracketsIsAnAsideNotTheReportersName() {
        String t = "Hva spiller dere? - Vi spiller bare gamle låter. Ingen nye sanger, og aldri noe fra i fjor (konkurrentene "
                + "Nordlys spilte bare nye, red.anm.). Hun smiler lurt.";
        assertEquals("-|Vi spiller bare gamle låter. Ingen nye sanger, og aldri noe fra i fjor (konkurrentene Nordlys spilte "
                + "bare nye, red.anm.).", show(t));
    }

    @Test
    void aVerbOfSayingWhoseNamedSubjectOpensAClauseIsNoCue() {
        String t = "Butikken ligger i sentrum. - Vi åpnet her i fjor. Det gikk bedre enn ventet. Og når eierne nå flytter, "
                + "understreker Kari Nordby at de blir i byen. - Vi er glade, sier hun.";
        assertEquals("-|Vi åpnet her i fjor. Det gikk bedre enn ventet. ## -|Vi er glade", show(t));
    }
}

package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's twenty-first round, from the errors of the written news split and of the same texts rebuilt
 * from their tokens (split {@code news-tokens}, with the texts {@code news-31} … {@code news-37}). Every sentence here is
 * our own.
 */
class QuotationRound21Test {

    @Test
    void aSentenceOfDetAndAVerbOfSayingAndANameIsTheTurnsCue() {
        // the cue's sentence, written as a paragraph of its own, runs on after the turn's last sentence
        String t = "Fra mandag stenger ferjekaia. – Det er ikke greit. Vi får ingen beskjed. Det sier Kari Holm, som pendler"
                + " hver dag. Hun har klaget.";
        assertEquals("–|Det er ikke greit. Vi får ingen beskjed.", show(t));
        // the speaker's own «det sier jeg» stays in the turn
        String own = "Fra mandag stenger ferjekaia. – Det er ikke greit. Det sier jeg rett ut.";
        assertEquals("–|Det er ikke greit. Det sier jeg rett ut.", show(own));
    }

    @Test
    void stoOrStarIsACueOnlyWithDet() {
        // a fronted clause, then «sto» with another subject: the speech's own sentence, no cue
        String t = "Ola Berg var i fjøset. – Jeg hørte et brak. Da jeg kom ut, sto vannet til knærne. Jeg fikk ut dyrene.";
        assertEquals("–|Jeg hørte et brak. Da jeg kom ut, sto vannet til knærne. Jeg fikk ut dyrene.", show(t));
        // «sto det» quoting a letter stays a cue
        String letter = "– Vi beklager forsinkelsen, sto det i brevet.";
        assertEquals("–|Vi beklager forsinkelsen", show(letter));
    }

    @Test
    void aMunicipalCouncilsChairMakesMinutesWhereADashContinuesTheSpeech() {
        String t = "Ordføreren: Vi går over til sak 12. Ordet er fritt.\n\nKari Moe (V): Jeg er enig. – Vi bør vedta det i"
                + " dag.\n\nOrdføreren: Da går vi til votering.";
        assertEquals("", show(t));
        // the label once is no sign: a news text that quotes the mayor after a caption's label keeps its turn
        String once = "Ordføreren: Vi går over til sak 12.\n\nKari Moe sier hun er enig. – Vi bør vedta det i dag.";
        assertEquals("–|Vi bør vedta det i dag.", show(once));
    }

    @Test
    void aTurnThatSpeaksToTheWriterEndsBeforeTheWritersJeg() {
        // a blog told as «vi»: the aunt speaks to the writer, who goes on telling as «jeg»
        String t = "Vi kom fram til hytta sent. Tante sto i døra. – Du må hente ved. Det er kaldt i stua. Jeg gikk ut i"
                + " mørket. Vedskjulet var låst.";
        assertEquals("–|Du må hente ved. Det er kaldt i stua.", show(t));
        // a name the writer tells of, rescued before by the next «jeg», is the writer's too
        String named = "Vi kom fram til hytta sent. – Du burde ha kjørt via Gol. Det er mye kortere. Vi var"
                + " allerede forbi Gol. Jeg sa ingenting.";
        assertEquals("–|Du burde ha kjørt via Gol. Det er mye kortere.", show(named));
        // a speaker who speaks as «jeg» keeps the «jeg» sentence, and a news text whose reporter says neither keeps it too
        String speaker = "Vi kom fram til hytta sent. – Jeg tror du må hente ved. Jeg fryser.";
        assertEquals("–|Jeg tror du må hente ved. Jeg fryser.", show(speaker));
        String news = "Kari Moe (54) er lei av ventetida. – Du får aldri svar. Jeg har ringt ti ganger.";
        assertEquals("–|Du får aldri svar. Jeg har ringt ti ganger.", show(news));
    }

    @Test
    void theReportersViMovingOnInThePresentEndsTheTurn() {
        String t = "Ola Sæter (80) viser fram naustet. – Her bygde far båtene sine. Jeg fikk aldri lov til å hjelpe. Vi går"
                + " opp til huset. Kaffen står klar.";
        assertEquals("–|Her bygde far båtene sine. Jeg fikk aldri lov til å hjelpe.", show(t));
        // the speaker's own «vi» in the past tense stays in the turn
        String past = "Ola Sæter (80) viser fram naustet. – Her bygde far båtene sine. Vi gikk opp til huset hver kveld.";
        assertEquals("–|Her bygde far båtene sine. Vi gikk opp til huset hver kveld.", show(past));
    }

    @Test
    void theArticlesLastSentenceOfWhatHappensNextIsTheReporters() {
        String t = "Treneren var skuffet etter kampen. – Vi må bli bedre i duellene. Det vet alle i garderoben. Neste kamp"
                + " spilles hjemme søndag.";
        assertEquals("–|Vi må bli bedre i duellene. Det vet alle i garderoben.", show(t));
        // the speaker's own plans for the day say «vi», and a day before the end of the text is not the closing line
        String own = "Treneren var skuffet etter kampen. – Vi må bli bedre i duellene. Vi trener igjen søndag.";
        assertEquals("–|Vi må bli bedre i duellene. Vi trener igjen søndag.", show(own));
    }
}

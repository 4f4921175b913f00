package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's third round on treebank dialogue: more speaker cues, crossheads at a paragraph's end,
 * narration that names no one and speech that names someone, interviews whose questions have no dash. Every sentence
 * here is our own.
 */
class TurnCueAndNarrationTest {

    @Test
    void pastTenseAndMannerVerbsEndATurn() {
        String t = "Laget vant i går. - Vi hadde flaks i starten, fortsatte treneren. - Nå gjelder det å holde fokus, "
                + "avsluttet han. - Det blir tøft, la hun til. - Vi gir oss aldri, slår kapteinen fast.";
        assertEquals("-|Vi hadde flaks i starten ## -|Nå gjelder det å holde fokus ## -|Det blir tøft ## "
                + "-|Vi gir oss aldri", show(t));
    }

    @Test
    void anAsideOrAClauseOfTheSpeechIsNoCue() {
        String aside = "Ordføreren møtte pressen. - Budsjettet er stramt, synes jeg. Men vi klarer oss.";
        assertEquals("-|Budsjettet er stramt, synes jeg. Men vi klarer oss.", show(aside));
        String clause = "Hun ser på tallene. - Vi har vokst mye. Kundene, forteller de at vi leverer raskt. Det er bra for meg.";
        assertEquals("-|Vi har vokst mye. Kundene, forteller de at vi leverer raskt. Det er bra for meg.", show(clause));
    }

    @Test
    void aCueThatEndsWithAColonIntroducesWhatFollows() {
        String t = "- Det var kaldt i går, sier Tore Lid. - Jeg savner byen. Jeg drar hjem hver sommer. Han ser ut av vinduet, "
                + "sier kona hans: - Men han flytter ikke.";
        assertEquals("-|Det var kaldt i går ## -|Jeg savner byen. Jeg drar hjem hver sommer. ## -|Men han flytter ikke.", show(t));
        int from = t.indexOf("Jeg savner");
        assertEquals(null, TurnCue.find(t, from, t.indexOf("- Men"), List.of()));
    }

    @Test
    void aCrossheadRunIntoTheEndOfAParagraphIsAQuotation() {
        String t = "- Vi er klare, sier trener Ola Fjeld. - Full fart fra start\n\nLaget reiser til Bodø i morgen.";
        assertEquals("-|Vi er klare ## -|Full fart fra start", show(t));
        String label = "Brannen i Fjordvik: Politiet: - Kan ha startet i kjelleren\n\nBrannvesenet rykket ut i natt.";
        assertEquals("-|Kan ha startet i kjelleren", show(label));
        String list = "Dette er endret. - Kortere kø\n\n- Nye busser\n\n- Flere avganger";
        assertEquals("", show(list));
    }

    @Test
    void theTurnBeforeAQuotationWithItsOwnCueEndsAtNarration() {
        String t = "- Jeg tar det med ro i dag. Hanne Vik satte ny rekord i fjor. «Jeg gir alt», skrev Vik i går.";
        assertEquals("-|Jeg tar det med ro i dag. ## «|Jeg gir alt", show(t));
    }

    @Test
    void capitalsAndPlacesAfterOgDoNotMakeASpeakerIntoANarrator() {
        String t = "Hun smiler. - Jeg elsker jobben. Det er noe helt annet enn Bergen og Tromsø. NRK sender alt. "
                + "Kvelden blir lang.\n\nNeste dag drar vi.";
        assertEquals("-|Jeg elsker jobben. Det er noe helt annet enn Bergen og Tromsø. NRK sender alt. Kvelden blir lang.",
                show(t));
        assertFalse(SentenceVoice.narration(t, "NRK sender alt."));
        assertFalse(SentenceVoice.narration(t, "De kommer i morgen."));
        assertTrue(SentenceVoice.narration(t, "Han tenker seg om."));
        assertTrue(SentenceVoice.narration(t, "Dagen etter kom Kari Moe hjem."));
    }

    @Test
    void anInterviewsQuestionsWithoutADashAreTheInterviewers() {
        String t = "Hva gjør du om morgenen? - Jeg drikker kaffe. Hva leser du nå? - En roman. Hvor reiser du i sommer? "
                + "- Til Tromsø. Og i vinter? - Hjemme. Hva er yndlingsfilmen din? - Det er vanskelig å si. Hva er musikk? "
                + "Jeg hører på alt. Og bøker? - Krim, mest.";
        assertTrue(SentenceVoice.interview(t));
        assertEquals("-|Jeg drikker kaffe. ## -|En roman. ## -|Til Tromsø. ## -|Hjemme. ## "
                + "-|Det er vanskelig å si. Hva er musikk? Jeg hører på alt. ## -|Krim, mest.", show(t));
        assertFalse(SentenceVoice.interview("- Jeg vet ikke. Hva skal man gjøre? - Ingenting, sier han."));
    }
}

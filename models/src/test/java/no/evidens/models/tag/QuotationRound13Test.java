package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's thirteenth round on treebank text, from the errors of the sixth development split (training
 * files of the test split's genres). Every sentence here is our own.
 */
class QuotationRound13Test {

    @Test
    void aVerbOfSayingWithAnAdverbBeforeAtOpensAClause() {
        String t = "Laget reiser mye. - Vi bytter buss hver dag. Blir vi stoppet, sier vi aldri at vi er et fotballag. "
                + "Det går bra, sier Kari Moe.";
        assertEquals("-|Vi bytter buss hver dag. Blir vi stoppet, sier vi aldri at vi er et fotballag. Det går bra", show(t));
    }

    @Test
    void stoBeforeAPrepositionIsNoCue() {
        // «sto» is a cue only as «sto det»; «sto over ham» has no speaker, so the turn ends where the reporter takes over
        String t = "Han falt på isen. - Jeg husker ingenting. Han våknet på legevakten. En lege i hvit frakk, sto over ham.";
        assertEquals("-|Jeg husker ingenting.", show(t));
    }

    @Test
    void troddeOrTrorBeforeANameIsACue() {
        String t = "Forbundet er bekymret. - Dette går ikke. Vi mister alle kundene, tror Kari Moe. Hun ringer statsråden.";
        assertEquals("-|Dette går ikke. Vi mister alle kundene", show(t));
        // before «du?» it is the interviewer's aside, before a name and a verb a clause of the narration
        assertEquals("-|Er familien din spesiell, tror du? ## -|Nei, de er helt vanlige.",
                show("- Er familien din spesiell, tror du? - Nei, de er helt vanlige."));
        assertEquals("", show("Det er dødt løp - Kari Moe, forsker, tror Hansen vinner valget."));
    }

    @Test
    void aDashAfterAPrepositionOpensNoTurn() {
        // the dash sets off the rest of the sentence; a cue sentences later is not this dash's
        String t = "Bandet tok navnet sitt fra - Svarte Får. Den første plata kom i 1990, skrev Ola Moe i boka si.";
        assertEquals("", show(t));
        // a dash after a noun still opens a turn with a cue (a pull quote run into the text)
        assertEquals("-|Blindvika har et rykte. Alle vet det", show("De har hatt stedet lenge - Blindvika har et rykte. "
                + "Alle vet det, sier Kari Moe."));
    }

    @Test
    void aConditionsSubjectIsNoSignOfNarration() {
        String t = "Forbundet er bekymret. - Det har skjedd lite så langt. Men dersom Hansen kommer med nye båter, vil alt "
                + "endre seg. - Hva gjør dere da?";
        assertEquals("-|Det har skjedd lite så langt. Men dersom Hansen kommer med nye båter, vil alt endre seg. ## "
                + "-|Hva gjør dere da?", show(t));
    }

    @Test
    void anUnclosedGuillemetEndsBeforeItsCue() {
        String t = "Politikerne dro på safari. «Kommunen betaler for hele turen, opplyser avisen. Neste sak er skolen.";
        assertEquals("«|Kommunen betaler for hele turen", show(t));
    }

    @Test
    void aSentenceOpenedByAYearOrADecadeIsNarration() {
        String t = "Han spiller i stua. - Jeg spilte den ofte for andre. Den ble aldri kjent. Først på nittitallet fikk "
                + "melodien en tekst.";
        assertEquals("-|Jeg spilte den ofte for andre. Den ble aldri kjent.", show(t));
        // a speaker dates a story of «vi»
        assertEquals("-|Jeg vokste opp i Bergen. I 1999 flyttet vi hit.", show("Hun ser ut av vinduet. - Jeg vokste opp i "
                + "Bergen. I 1999 flyttet vi hit."));
    }

    @Test
    void theInterviewersLeadInBeforeAnUndashedQuestionEndsTheAnswer() {
        String t = "Hvordan startet det for deg? - Med en gitar. Hva spiller du nå? - Mest fele. Hvor øver du? - Ideene får "
                + "jeg på sykkelen. Da er det lett å tenke. Du har sagt at du er et nattmenneske. Når står du opp? - Sent.";
        assertEquals("-|Med en gitar. ## -|Mest fele. ## -|Ideene får jeg på sykkelen. Da er det lett å tenke. ## -|Sent.",
                show(t));
        // the speaker's «du» of anyone, in the present, stays in the answer
        String u = "Hvordan startet det for deg? - Med en gitar. Hva spiller du nå? - Mest fele. Hvor reiser du? - Dubai er "
                + "fint. Du kan gjøre alt der. Hva gjør du i kveld? - Sover.";
        assertEquals("-|Med en gitar. ## -|Mest fele. ## -|Dubai er fint. Du kan gjøre alt der. ## -|Sover.", show(u));
    }

    @Test
    void sierDuWithAQuestionMarkEchoesAndNamesNoSpeaker() {
        String t = "- Fikk du det ut? - Ja. Hvor det ble av Kari Moe, sier du? Hun står på en scene i New York.";
        assertEquals("-|Fikk du det ut? ## -|Ja.", show(t));
    }

    @Test
    void theArticlesNoteAboutItselfEndsATurn() {
        String t = "Hun reiser alltid med sjåfør. - Jeg tenker ikke på det. Da betyr det ingenting. Denne saken er laget av "
                + "nettredaksjonen. Har du spørsmål, send dem til oss.";
        assertEquals("-|Jeg tenker ikke på det. Da betyr det ingenting.", show(t));
    }
}

package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where dialogue turns start and end when news text quotes a speaker in headings, interviews and inverted cues
 * (issue 15, the treebank's dev files); every sentence here is our own.
 */
class DialogueTurnRulesTest {

    @Test
    void aHeadingTurnOnAParagraphOfItsOwnIsAQuotation() {
        String t = "Kommunen la fram budsjettet i går.\n\n- Bedre sent enn aldri\n\nRådmann Oda Fjell er fornøyd med tallene.";
        assertEquals("-|Bedre sent enn aldri", show(t));
    }

    @Test
    void shortDashItemsOfAListAreNoHeadings() {
        String t = "Tiltakene er disse:\n\n- Nye rutiner\n\n- Mer opplæring\n\nTiltakene gjelder fra mai.";
        assertEquals("", show(t));
        String alone = "Saken ble behandlet i mars.\n\n- Nye rutiner\n\n- Mer opplæring for alle ansatte";
        assertEquals("", show(alone));
    }

    @Test
    void aHeadingRunIntoTheNextSentenceEndsBeforeItsFirstWord() {
        String t = "- Det gikk godt til slutt, sier Oda Fjell til Fjordposten. - Godt og grundig Arbeidet startet i mars "
                + "med et møte i rådhuset.";
        assertEquals("-|Det gikk godt til slutt ## -|Godt og grundig", show(t));
        String afterCue = "- Vi er glade, sier Fjell til Avisa.no - Stein på stein Heller ikke rådmannen sparer på rosen.";
        assertEquals("-|Vi er glade ## -|Stein på stein", show(afterCue));
    }

    @Test
    void aNameAfterAFewWordsIsNoRunInHeading() {
        // the capital is a name the text writes after a lower-case word too, or the words make a sentence
        String named = "Vi møtte dem i går. - Takk og farvel Hedda kom aldri tilbake. Senere ringte Hedda igjen.";
        assertEquals("", show(named).replaceAll("-\\|Takk og farvel Hedda kom aldri tilbake\\.", ""));
        String sentence = "Hun viser fram et bilde. - Det er søster Hedda som har tegnet det, sier hun.";
        assertEquals("-|Det er søster Hedda som har tegnet det", show(sentence));
    }

    @Test
    void anInterviewersQuestionWithoutADashEndsTheAnswerBeforeIt() {
        String t = "Maleren tar imot oss i atelieret. - Jeg begynte å male som tolvåring. Hva maler du helst? "
                + "- Landskap. Mest fjell.";
        assertEquals("-|Jeg begynte å male som tolvåring. ## -|Landskap. Mest fjell.", show(t));
    }

    @Test
    void aTurnThatSpeaksToSomeoneKeepsItsQuestion() {
        // the interviewer's own turn: the question is part of it
        String t = "Vi treffer henne på kaia. - Du bodde her i ti år. Savner du byen? - Ja, hver dag.";
        assertEquals("-|Du bodde her i ti år. Savner du byen? ## -|Ja, hver dag.", show(t));
    }

    @Test
    void anInvertedCueEndsTheTurn() {
        String t = "Vi går inn på kroa. - Alle finner veien hit, har rådet vært i bygda. - Bare spør etter kaffen, "
                + "var beskjeden fra verten.";
        assertEquals("-|Alle finner veien hit ## -|Bare spør etter kaffen", show(t));
    }

    @Test
    void anUnclosedTitleBeforeATurnLeavesTheQuestionMarkToTheSentence() {
        String t = "- Hvorfor valgte du tittelen «Lange netter? - Den kom til meg en natt, sier forfatteren.";
        assertEquals("-|Hvorfor valgte du tittelen «Lange netter? ## «|Lange netter ## -|Den kom til meg en natt", show(t));
    }

    @Test
    void aStraightMarkClosedByARightCurlyOneIsOneQuotation() {
        String t = "Hun skrev til meg: \"Vi kommer tilbake i morgen”. Så reiste hun hjem.";
        assertEquals("\"|Vi kommer tilbake i morgen", show(t));
    }
}

package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The veto rules and block cutting on their own, without a model. */
class SentenceRulesTest {
    private static final Abbreviations ABBREVIATIONS = Abbreviations.norwegian();

    /** Whether a break after the period that ends {@code before} (inside {@code before + after}) is allowed. */
    private static boolean breakAllowed(String before, String after) {
        String text = before + after;
        return NorwegianSentenceDetector.acceptable(text, 0, before.length() - 1, ABBREVIATIONS);
    }

    @Test
    void refusesBreaksAfterInnerAbbreviations() {
        assertFalse(breakAllowed("Dette følger av loven, jf.", " Bvl. § 6-4."));
        assertFalse(breakAllowed("Saken gjelder bl.a.", " NAV og helsestasjonen."));
        assertFalse(breakAllowed("Møtet startet kl.", " 10.00 på rådhuset."));
        assertFalse(breakAllowed("Se pkt.", " 2.3.4 i rapporten."));
        assertFalse(breakAllowed("Se f.eks.", " Rutinen for meldinger."));
        assertFalse(breakAllowed("Ring tlf.", " 12 34 56 78."));
    }

    @Test
    void finalAbbreviationsEndASentenceOnlyBeforeUpperCase() {
        assertTrue(breakAllowed("Opplæringen gjelder kurs, veiledning mv.", " Kommunen har rutiner."));
        assertFalse(breakAllowed("Opplæringen gjelder kurs, veiledning mv.", " i tillegg til møter."));
        assertTrue(breakAllowed("Tilsynet omfattet journaler, planer osv.", " Det ble funnet avvik."));
    }

    @Test
    void refusesBreaksInsideNumbersDatesAndBeforeLowerCase() {
        String date = "Rutinen er datert 16.6.2011 og gjelder.";
        assertFalse(NorwegianSentenceDetector.acceptable(date, 0, date.indexOf('.'), ABBREVIATIONS));
        assertFalse(breakAllowed("Fristen er 1.", " januar 2015."));
        assertFalse(breakAllowed("Det følger av § 4-3 2.", " ledd."));
        assertFalse(breakAllowed("Rapporten ble skrevet av Kari B.", " Nilsen."));
        assertFalse(breakAllowed("1.", " Tilsynets tema og omfang"));
        assertFalse(breakAllowed("Tema\n2.3.", " Vurdering av funn"));
        assertTrue(breakAllowed("Kravet i § 4-3.", " Kommunen har ikke sikret dette."));
        assertTrue(breakAllowed("Tilsynet ble avsluttet i 2015.", " Kommunen fikk rapporten."));
    }

    @Test
    void colonsEndASentenceOnlyBeforeUpperCaseOrADash() {
        String date = "Dato: 16.6.2011";
        assertFalse(NorwegianSentenceDetector.acceptable(date, 0, 4, ABBREVIATIONS));
        String quote = "Det står i rutinen: «Alle meldinger vurderes.»";
        assertTrue(NorwegianSentenceDetector.acceptable(quote, 0, quote.indexOf(':'), ABBREVIATIONS));
    }

    @Test
    void wordsThatAreAlsoAbbreviationsEndASentenceBeforeUpperCase() {
        assertTrue(breakAllowed("Jeg kan ikke gi opp pipa min.", " Og hvem skulle forby det?"));
        assertTrue(breakAllowed("Vottene selges nesten over alt.", " I tillegg finnes lester."));
        assertFalse(breakAllowed("Møtet varte i 45 min.", " og endte uten vedtak."));
        assertFalse(breakAllowed("Velg alt.", " 2 i skjemaet."));
    }

    @Test
    void initialsBeforeAWordNoNameIsMayEndASentence() {
        assertTrue(breakAllowed("Hun arbeidet lenge utenfor Washington D.C.", " Tidligere i år flyttet hun hjem."));
        assertTrue(breakAllowed("Brevet var signert med K.B.", " Det var alt."));
        assertFalse(breakAllowed("Saken ble fulgt opp av Tone K.", " Holm."));
        assertFalse(breakAllowed("Rapporten ble skrevet av K.B.", " Nilsen i fjor."));
    }

    @Test
    void aColonMayEndASentenceBeforeAQuotationCutWithAnEllipsis() {
        String cut = "Ordføreren svarte: «...vi har gjort det vi kunne».";
        assertTrue(NorwegianSentenceDetector.acceptable(cut, 0, cut.indexOf(':'), ABBREVIATIONS));
        String spaced = "Hun nynner: « … og så var sommeren over ».";
        assertTrue(NorwegianSentenceDetector.acceptable(spaced, 0, spaced.indexOf(':'), ABBREVIATIONS));
        String inSentence = "Hun var ikke den som: «...ville høre på noen», ikke den heller.";
        assertFalse(NorwegianSentenceDetector.acceptable(inSentence, 0, inSentence.indexOf(':'), ABBREVIATIONS));
        String lower = "Det heter: «tilsyn med tilsyn».";
        assertFalse(NorwegianSentenceDetector.acceptable(lower, 0, lower.indexOf(':'), ABBREVIATIONS));
    }

    @Test
    void blocksSplitAtBlankLinesAndListItems() {
        String text = "1.1 Innledning\n\nKommunen har:\n  • rutiner for meldinger\n  • en plan\n"
                + "a) første punkt\n2.3 Vurdering av funn\nTeksten fortsetter\npå neste linje.";
        List<String> blocks = TextBlocks.blocks(text).stream().map(b -> text.substring(b[0], b[1])).toList();
        assertEquals(List.of("1.1 Innledning", "Kommunen har:", "• rutiner for meldinger", "• en plan",
                "a) første punkt", "2.3 Vurdering av funn\nTeksten fortsetter\npå neste linje."), blocks);
    }

    @Test
    void wrappedLinesWithDatesAndYearsStayInOneBlock() {
        String text = "Tilsynet ble gjennomført\n16.6.2011 og rapporten kom i\n2012 Kommunen svarte.";
        assertEquals(1, TextBlocks.blocks(text).size());
    }
}

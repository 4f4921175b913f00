package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The quotation cases real reports and interview notes write (issue 15); all sentences are our own. */
class QuotationCasesTest {
    private final QuoteTagger tagger = new QuoteTagger();

    /** Each quotation as {@code mark|inner text|flags|depth}, joined by " ## ". */
    private String show(String text) {
        return tagger.tag(text).stream()
                .map(q -> q.open() + "|" + text.substring(q.start(), q.end()) + "|" + q.flags() + "|" + q.depth())
                .collect(Collectors.joining(" ## "));
    }

    @Test
    void aCourtsConclusionOverSeveralParagraphsIsOneQuotation() {
        String t = "Tingretten kom til denne slutningen:\n\n«Kommunen har ikke fulgt opp barnet etter flyttingen.\n\n"
                + "Vedtaket om tiltak oppheves, og saken sendes tilbake til ny behandling.»\n\nStatsforvalteren merker seg dette.";
        assertEquals("«|Kommunen har ikke fulgt opp barnet etter flyttingen.\n\nVedtaket om tiltak oppheves, og saken sendes "
                + "tilbake til ny behandling.|[multi-paragraph]|0", show(t));
    }

    @Test
    void anArticleQuotedInFullWithNumberedParagraphsIsOneQuotation() {
        String t = "Artikkel 12 i barnekonvensjonen lyder slik:\n\n«1. Barnet har rett til å bli hørt i saker som gjelder det.\n\n"
                + "2. Barnets mening skal få vekt etter alder og modenhet.»\n\nKommunen har ikke skrevet ned samtalen.";
        assertEquals("«|1. Barnet har rett til å bli hørt i saker som gjelder det.\n\n2. Barnets mening skal få vekt etter alder "
                + "og modenhet.|[multi-paragraph]|0", show(t));
        String continued = "Planen sier:\n\n«Alle tjenester melder fra.\n\n«Leder følger opp hver uke.»\n\nDet skjer ikke.";
        assertEquals("«|Alle tjenester melder fra.\n\n«Leder følger opp hver uke.|[multi-paragraph]|0", show(continued));
    }

    @Test
    void anUnclosedQuotationStillStopsAtItsParagraph() {
        String t = "Leder sa «dette er ikke avsluttet\n\nNeste avsnitt har «et eget sitat» og slutter her.";
        assertEquals("«|dette er ikke avsluttet|[unclosed]|0 ## «|et eget sitat|[]|0", show(t));
    }

    @Test
    void rightQuotesOnBothSidesAroundATermAreNoQuotation() {
        assertEquals("", show("Kommunen har såkalte ”ansvarsgrupper” for barn, og rutinen kalles ”tidlig innsats”."));
        assertEquals("”|Vi melder alltid bekymring samme dag.|[]|0", show("Rektor sa: ”Vi melder alltid bekymring samme dag.”"));
        assertEquals("”|vi rekker ikke alle møtene og må velge|[]|0",
                show("Leder fortalte at ”vi rekker ikke alle møtene og må velge”, sier hun."));
    }

    @Test
    void singleQuotesNestInsideDoubleButAnApostropheIsNoMark() {
        String t = "Leder skrev: “Rutinen ‘melding først’ er ikke tatt i bruk.” Se A’s notat og foreldrenes’ svar.";
        assertEquals("“|Rutinen ‘melding først’ er ikke tatt i bruk.|[]|0 ## ‘|melding først|[nested]|1", show(t));
        assertEquals("", show("Det var Kari’s og Ola’s sak."));
    }

    @Test
    void dialogueOpenedWithADashIsFoundButListItemsAreNot() {
        String t = "Intervju med mor\n\n– Vi fikk aldri svar fra barneverntjenesten, sier mor.\n\n– Hvem ringte dere til?\n\n"
                + "– Jeg ringte helsesykepleier to ganger. Hun sa «vent litt».\n\nKommunen har disse tiltakene:\n\n"
                + "– Ansvarsgruppe hver måned.\n\n– Vi lager ny rutine for meldinger.";
        assertEquals("–|Vi fikk aldri svar fra barneverntjenesten|[]|0 ## –|Hvem ringte dere til?|[]|0 ## "
                + "–|Jeg ringte helsesykepleier to ganger. Hun sa «vent litt».|[]|0 ## «|vent litt|[nested]|1", show(t));
        Quotation first = tagger.tag(t).get(0);
        assertEquals("sier mor", first.attribution().cut(t));
    }

    @Test
    void aDashListWithoutSpeechIsNoDialogue() {
        assertEquals("", show("Tiltak\n\n- Kommunen lager en plan.\n\n- Skolen deltar i møtene.\n\n- Nav-kontoret stiller vilkår"));
        String spoken = "Mor forteller:\n\n– Jeg visste ikke hvem jeg skulle ringe.";
        assertEquals("–|Jeg visste ikke hvem jeg skulle ringe.|[]|0", show(spoken));
    }

    @Test
    void reversedGuillemetsAreReadTheOtherWayRound() {
        String t = "Leder sa »vi har ingen rutine for ›meldinger‹ ennå«, og det står i »referatet fra møtet«.";
        assertEquals("»|vi har ingen rutine for ›meldinger‹ ennå|[]|0 ## ›|meldinger|[nested]|1 ## »|referatet fra møtet|[]|0",
                show(t));
        List<Quotation> q = tagger.tag(t);
        assertEquals("Leder sa", q.get(0).attribution().cut(t));
        assertNull(q.get(1).attribution());
    }

    @Test
    void straightMarksWithSpacesInsideAsTextRebuiltFromTokensWritesThem() {
        assertEquals("\"|Stormfulle år|[]|0 ## \"|Nils|[]|0",
                show("Tittelen \" Stormfulle år \" er for snever, og brevet er signert \" Nils \". Det stemmer."));
        assertEquals("", show("Skjermen er 12 \" bred, og \n\nneste avsnitt har ingen."));
    }
}

package no.evidens.pipeline.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Extraction;

class TextNormaliserTest {
    /** A small stand-in for Debian's Norwegian word list, so the test does not depend on the machine. */
    private static final WordList WORDS = new WordList(Set.of("fylkesmennene", "e-post", "kommunen", "har", "barne",
            "vernet", "barnevernet", "tilsynet", "voksen", "tjenester", "barnevern", "tjenesten"));
    private final TextNormaliser normaliser = new TextNormaliser(() -> WORDS);

    private NormalisedText run(String raw, Integer... pageStarts) {
        return normaliser.normalise(new Extraction(raw, List.of(pageStarts), "text/plain", null));
    }

    private NormalisedText pdf(String raw, Integer... pageStarts) {
        return normaliser.normalise(new Extraction(raw, List.of(pageStarts), "application/pdf", null));
    }

    @Test
    void joinsWordsHyphenatedAtLineEndsAndKeepsRealHyphens() {
        NormalisedText t = run("Rapporten fra fylkesmen-\nnene om sosial-\nog helsetjenester ved NAV-\nkontoret, jf. § 4-\n3, "
                + "og barnevern-\ntjenesten for 18-\n23 år sendes på e-\npost.", 0);
        assertEquals("Rapporten fra fylkesmennene om sosial- og helsetjenester ved NAV-kontoret, jf. § 4-3, "
                + "og barneverntjenesten for 18-23 år sendes på e-post.", t.text());
    }

    @Test
    void joinsAtSoftHyphensAndDrawnHyphensButGuessesNoJoinWhereNoHyphenWasPrinted() {
        assertEquals("tilsynet med fylkesmennene", run("tilsynet med fylkes\u00AD\nmennene", 0).text());
        assertEquals("fylkesmen nene og kommunen er tatt av saken", pdf("fylkesmen\nnene og kommunen er tatt av\nsaken", 0).text(),
                "no hyphen printed or drawn: the words stay as the PDF wrote them");
        Extraction drawn = new Extraction("Tilsynet fant at fylkesmen\nnene og NAV\nkontoret er tatt av\nsaken.", List.of(0),
                "application/pdf", null, List.of(), null, List.of(), Set.of("fylkesmen-nene", "NAV-kontoret"));
        assertEquals("Tilsynet fant at fylkesmennene og NAV-kontoret er tatt av saken.", normaliser.normalise(drawn).text(),
                "a hyphen drawn as a shape joins the word, and a real one is written back");
    }

    @Test
    void ocrNoiseLinesAndThePageNumberOfAScannedPictureGo() {
        NormalisedText t = normaliser.normalise(new Extraction("Kommunen har ' sikret : oppfølging.\n|\n— *\n\nTilsynet er avsluttet.\n\nSide 3\n",
                List.of(0), "image/png", null));
        assertEquals("Kommunen har sikret oppfølging.\n\nTilsynet er avsluttet.", t.text());
    }

    @Test
    void realLineEndHyphensStay() {
        assertEquals("Saken gjelder Nav-kontoret og barne- og ungdomspsykiatri, e-post og IKT-systemet.",
                pdf("Saken gjelder Nav-\nkontoret og barne-\nog ungdomspsykiatri, e-\npost og IKT-\nsystemet.", 0).text());
        assertEquals("Rapporten om korona-pandemien. Under korona-pandemien stengte kontoret.",
                pdf("Rapporten om korona-pandemien. Under korona-\npandemien stengte kontoret.", 0).text(),
                "the document's own spelling inside a line decides");
        assertEquals("Barnevernet har fått tilsynet.", pdf("Barne-\nvernet har fått tilsynet.", 0).text(),
                "a capital that opens a sentence is no name");
    }

    @Test
    void runningHeadersFootersAndPageNumbersAreRemoved() {
        // As Tika gives a PDF page: each block of lines ends with a blank line.
        String p1 = "Fjordvik kommune – Samarbeidsplan\n\nFørste side slutter midt i en\nsetning om «samarbeid\n\nSide 1 av 3\n\n";
        String p2 = "Fjordvik kommune – Samarbeidsplan\n\nmellom tjenestene» som fortsetter.\n\nNytt avsnitt.\n\nSide 2 av 3\n\n";
        String p3 = "Fjordvik kommune – Samarbeidsplan\n\nSiste side.\n\nSide 3 av 3\n\n";
        NormalisedText t = pdf(p1 + p2 + p3, 0, p1.length(), p1.length() + p2.length());
        assertEquals("Første side slutter midt i en setning om «samarbeid mellom tjenestene» som fortsetter.\n\n"
                + "Nytt avsnitt.\n\nSiste side.", t.text());
        assertEquals(2, t.pageOf(t.text().indexOf("mellom tjenestene")));
        assertEquals(1, t.pageOf(t.text().indexOf("«samarbeid")));
        assertEquals(3, t.pageOf(t.text().indexOf("Siste")));
    }

    @Test
    void joinsLinesInsideAParagraphAndKeepsParagraphBreaks() {
        NormalisedText t = run("Tittel\n\nFørste linje\nandre linje.\n\n\n  Neste avsnitt.  \n", 0);
        assertEquals("Tittel\n\nFørste linje andre linje.\n\nNeste avsnitt.", t.text());
        assertEquals(3, t.paragraphs().size());
    }

    @Test
    void bulletedLinesBecomeTheirOwnParagraphs() {
        NormalisedText t = run("Kommunen har\n• planlagt tiltakene\n• fulgt opp barnet\n- evaluert arbeidet", 0);
        assertEquals("Kommunen har\n\n• planlagt tiltakene\n\n• fulgt opp barnet\n\n- evaluert arbeidet", t.text());
    }

    @Test
    void foldsOddSpacesLigaturesAndInvisibleCharacters() {
        NormalisedText t = run("Barne\u00ADvern\u00A0og\u2009NAV har ﬁre \uFEFFmøter", 0);
        assertEquals("Barnevern og NAV har fire møter", t.text());
    }

    @Test
    void composesToNfc() {
        NormalisedText t = run("tilsyn på sa\u030Amme ma\u030Ate", 0);
        assertEquals("tilsyn på såmme måte", t.text());
    }

    @Test
    void pagesFollowTheText() {
        String page1 = "Side en slutter her.\n\n";
        String page2 = "\nSide to begynner.\n";
        String page3 = "Side tre.";
        NormalisedText t = run(page1 + page2 + page3, 0, page1.length(), page1.length() + page2.length());
        assertEquals(List.of(0, t.text().indexOf("Side to"), t.text().indexOf("Side tre")), t.pageStarts());
        assertEquals(1, t.pageOf(0));
        assertEquals(2, t.pageOf(t.text().indexOf("begynner")));
        assertEquals(3, t.pageOf(t.text().length() - 1));
    }

    @Test
    void aParagraphRunningOverAPageBreakReadsWhole() {
        String page1 = "Rapporten viser antall ungdommer i ettervern\n\n";
        String page2 = "og en vurdering av samarbeidet.\n\nNytt avsnitt.";
        NormalisedText t = run(page1 + page2, 0, page1.length());
        assertEquals("Rapporten viser antall ungdommer i ettervern og en vurdering av samarbeidet.\n\nNytt avsnitt.", t.text());
        assertEquals(2, t.pageOf(t.text().indexOf("og en")));
        assertEquals(1, t.pageOf(t.text().indexOf("ettervern")));
    }

    @Test
    void aSentenceEndingAtThePageFootKeepsItsParagraphBreak() {
        String page1 = "Første avsnitt slutter.\n\n";
        String page2 = "Andre avsnitt.";
        assertEquals("Første avsnitt slutter.\n\nAndre avsnitt.", run(page1 + page2, 0, page1.length()).text());
    }

    @Test
    void emptyTrailingPagesAreKept() {
        NormalisedText t = run("Bare én side med tekst.\n\f\n", 0, 24, 26);
        assertEquals(3, t.pages());
        assertEquals(1, t.pageOf(5));
    }

    /**
     * "ä" as one code point and as "a" with a combining diaeresis give the same text and pages; the composed text is
     * not copied on its way (round 51: each copy of an 18 MB log is 36 MB while it is tagged).
     */
    @Test
    void composedAndDecomposedTextGiveTheSameTextAndTheComposedOneIsNotCopied() {
        String composed = "Tiltak for v\u00e4rdering.\n\nSide to: m\u00e4l og plan.";
        String decomposed = "Tiltak for va\u0308rdering.\n\nSide to: ma\u0308l og plan.";
        int secondPage = composed.indexOf("Side");
        NormalisedText fromComposed = run(composed, 0, secondPage);
        NormalisedText fromDecomposed = run(decomposed, 0, decomposed.indexOf("Side"));
        assertEquals(List.of(fromComposed.text(), fromComposed.pageStarts()),
                List.of(fromDecomposed.text(), fromDecomposed.pageStarts()));
        assertEquals(List.of(0, secondPage), fromComposed.pageStarts());

        NormalisedText nfc = TextNormaliser.nfc(composed, List.of(0, secondPage));
        assertSame(composed, nfc.text(), "an NFC text is the same string, not a copy");
        assertEquals(List.of(0, secondPage), nfc.pageStarts());
        assertEquals(List.of(composed, List.of(0, secondPage)),
                List.of(TextNormaliser.nfc(decomposed, List.of(0, decomposed.indexOf("Side"))).text(),
                        TextNormaliser.nfc(decomposed, List.of(0, decomposed.indexOf("Side"))).pageStarts()));
    }
}

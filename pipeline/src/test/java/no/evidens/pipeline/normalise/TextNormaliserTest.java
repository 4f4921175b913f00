package no.evidens.pipeline.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Extraction;

class TextNormaliserTest {
    private final TextNormaliser normaliser = new TextNormaliser();

    private NormalisedText run(String raw, Integer... pageStarts) {
        return normaliser.normalise(new Extraction(raw, List.of(pageStarts), "text/plain", null));
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
}

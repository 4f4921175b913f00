package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;

import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;
import no.evidens.pipeline.lang.Language;

/**
 * Round 45's walk: the report's «Avvik 1» was a bold run, so pasted into a supervisor's report template it was no heading of
 * its numbering or table of contents. Read back with POI as Word reads the styles part. Made-up text.
 */
class DocxHeadingsTest {
    @Test
    void theReportsHeadingAndEachFindingAreParagraphsOfWordsHeadingStyles() throws Exception {
        EvidenceOut e = new EvidenceOut(1, 1, "supports", "Det finnes ingen oversikt", "Referat, side 1",
                new Citation("Referat", "referat.txt", "styringsdokument", "d1", 1, 1, 10, 35), "sak/d1/0", "sak/d1/0", "sha",
                null, null, new ProvenanceOut(null, Map.of()), "kari", "2026-01-01T00:00:00Z", "5");
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Kommunen følger ikke opp", List.of(), "Tekst.",
                "utkast", "kari", "2026-01-01T00:00:00Z", "kari", "2026-01-01T00:00:00Z", List.of(e), 1);
        CaseExport export = new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", "2026-01-01T00:00:00Z", "kari", false,
                List.of(f), List.of());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ExportFormat.DOCX.bytes(export, Language.NB)))) {
            XWPFParagraph title = paragraph(doc, "Tilsynets funn");
            XWPFParagraph avvik = paragraph(doc, "Avvik 1");
            assertEquals("Heading1", title.getStyle());
            assertEquals("Heading2", avvik.getStyle());
            assertStyle(doc, "Heading1", "heading 1", 0);
            assertStyle(doc, "Heading2", "heading 2", 1);
            assertTrue(avvik.getRuns().get(0).isBold(), "the look as before");
            assertEquals(14.0, avvik.getRuns().get(0).getFontSizeAsDouble());
            assertEquals(null, paragraph(doc, "Kommunen følger ikke opp").getStyle(), "the finding's title stays body text");
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow();
    }

    private static void assertStyle(XWPFDocument doc, String id, String name, int outlineLevel) {
        XWPFStyle style = doc.getStyles().getStyle(id);
        assertNotNull(style, id + " is defined in the document's styles part");
        assertEquals(name, style.getName(), "Word's built-in name, which Norwegian Word shows as «Overskrift»");
        assertEquals(outlineLevel, style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue(),
                "the outline level the navigation pane and a table of contents read");
    }
}

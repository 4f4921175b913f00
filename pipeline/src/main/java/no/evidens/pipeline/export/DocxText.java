package no.evidens.pipeline.export;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import no.evidens.pipeline.CleanText;

/** A run of text in the DOCX reports (the case's findings and a group's summary): the font, size and style, the text repaired. */
public final class DocxText {
    public static final String FONT = "Calibri";

    private DocxText() {
    }

    /** Adds a run to the paragraph; its text with broken characters repaired ({@link CleanText#repaired}). */
    public static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(CleanText.repaired(text));
        return r;
    }
}

package no.evidens.pipeline.export;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word's own heading styles in a DOCX made by POI (which makes a document with no styles part): «heading 1» and «heading 2»
 * with their outline levels, so Word's navigation pane, a table of contents and the numbering of a report template pasted
 * into see a heading. The names are Word's built-in ones, which Norwegian Word shows as «Overskrift 1» and «Overskrift 2»
 * itself (a style named «Overskrift 1» would be a new style of its own to Word, no heading of its table of contents).
 */
public final class DocxHeadings {
    /** The style id of the top heading (the report's title). */
    public static final String HEADING1 = "Heading1";
    /** The style id of the heading under it (a finding's «Avvik 1»). */
    public static final String HEADING2 = "Heading2";
    /** The style id of the heading under that (a group report's requirement above its examples). */
    public static final String HEADING3 = "Heading3";

    private DocxHeadings() {
    }

    /**
     * Adds a heading style per size to the document's styles part («heading 1» the first, «heading 2» the second …, at
     * most three), each with the look the report's headings had as bold runs: Calibri, bold, that many points, kept with
     * the paragraph after it.
     */
    public static void define(XWPFDocument doc, int... sizes) {
        if (sizes.length < 1 || sizes.length > 3) {
            throw new IllegalArgumentException("one to three heading sizes, not " + sizes.length);
        }
        XWPFStyles styles = doc.createStyles();
        for (int level = 0; level < sizes.length; level++) {
            styles.addStyle(new XWPFStyle(style("Heading" + (level + 1), "heading " + (level + 1), level, sizes[level]), styles));
        }
    }

    /** A paragraph of the given heading style (its text added as runs by the caller). */
    public static XWPFParagraph paragraph(XWPFDocument doc, String styleId) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(styleId);
        return p;
    }

    private static CTStyle style(String id, String name, int outlineLevel, int points) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId(id);
        s.addNewName().setVal(name);
        s.addNewNext().setVal("Normal");
        s.addNewUiPriority().setVal(BigInteger.valueOf(9));
        s.addNewQFormat();
        CTPPrGeneral p = s.addNewPPr();
        p.addNewKeepNext();
        p.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        CTRPr r = s.addNewRPr();
        CTFonts fonts = r.addNewRFonts();
        fonts.setAscii(DocxText.FONT);
        fonts.setHAnsi(DocxText.FONT);
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(points * 2L));
        return s;
    }
}

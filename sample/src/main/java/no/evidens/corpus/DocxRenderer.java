package no.evidens.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document: the title as a "Heading 1" paragraph, then one paragraph per source paragraph.
 * Core property dates are fixed and the ZIP container is rewritten with fixed entry times, so the
 * bytes depend only on the input.
 */
final class DocxRenderer implements DocumentRenderer {

    static final String HEADING_STYLE = "Heading1";

    @Override
    public byte[] render(SourceText text, String title, LocalDate date) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            addHeadingStyle(document);
            XWPFParagraph heading = document.createParagraph();
            heading.setStyle(HEADING_STYLE);
            heading.createRun().setText(text.title());
            for (String paragraph : text.body()) {
                document.createParagraph().createRun().setText(paragraph);
            }
            POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
            Date when = Date.from(date.atTime(12, 0).toInstant(ZoneOffset.UTC));
            core.setTitle(title);
            core.setCreator("Fjordvik kommune (fiktiv)");
            core.setCreated(Optional.of(when));
            core.setModified(Optional.of(when));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return normaliseZip(out.toByteArray(), date);
        }
    }

    private static void addHeadingStyle(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(HEADING_STYLE);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading 1");
        style.addNewQFormat();
        style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(32));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    /** Copies the ZIP entries in order with a fixed modification time. */
    private static byte[] normaliseZip(byte[] zip, LocalDate date) throws IOException {
        LocalDateTime when = date.atTime(12, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(when);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.DocxText.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.lang.Language;

/**
 * The findings section of a supervision report as a Word document (Apache POI): for each finding
 * «Avvik 1», its title, the legal requirement, its text, and the quotations in «» each followed by
 * its source. The report's heading and each «Avvik 1» are paragraphs of Word's heading styles ({@link DocxHeadings}), their
 * runs keeping the look they had.
 */
final class DocxReport {
    private static final String SOURCE_COLOUR = "595959";
    private static final int HEADING1_SIZE = 16;
    private static final int HEADING2_SIZE = 14;

    private DocxReport() {
    }

    /**
     * The report as the bytes of a .docx file. Made in memory, not written by POI to the file: POI's save turns a failed
     * write (a full disk) into a message of its own without the cause, and logs the cause with its stack trace; the
     * caller's own write says it as the system did.
     */
    static byte[] bytes(CaseExport export, Language language) throws IOException {
        ReportText words = ReportText.of(language);
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(words.heading() + " – " + export.caseId());
            DocxHeadings.define(doc, HEADING1_SIZE, HEADING2_SIZE);
            run(DocxHeadings.paragraph(doc, DocxHeadings.HEADING1), words.heading(), HEADING1_SIZE, true, false);
            XWPFParagraph caseLine = doc.createParagraph();
            run(caseLine, words.caseLine(export), 10, false, true);
            for (FindingOut f : export.findings()) {
                XWPFParagraph head = DocxHeadings.paragraph(doc, DocxHeadings.HEADING2);
                head.setSpacingBefore(360);
                run(head, f.label(), HEADING2_SIZE, true, false);
                run(doc.createParagraph(), f.title(), 11, true, false);
                if (!f.requirements().isEmpty()) {
                    XWPFParagraph req = doc.createParagraph();
                    run(req, words.requirementLabel(f) + " ", 11, false, true);
                    run(req, ReportText.requirements(f), 11, false, false);
                }
                for (String p : ReportText.paragraphs(f.text())) {
                    run(doc.createParagraph(), p, 11, false, false);
                }
                if (f.evidence().isEmpty()) {
                    continue;
                }
                run(doc.createParagraph(), words.evidenceLabel(f), 11, false, true);
                for (EvidenceOut e : f.evidence()) {
                    XWPFParagraph quote = doc.createParagraph();
                    quote.setIndentationLeft(567);
                    quote.setSpacingAfter(0);
                    if (!words.stance(e).isEmpty()) {
                        run(quote, words.stance(e), 11, true, false);
                    }
                    run(quote, ReportText.quoted(e), 11, false, true);
                    XWPFParagraph source = doc.createParagraph();
                    source.setIndentationLeft(567);
                    source.setAlignment(ParagraphAlignment.LEFT);
                    run(source, words.source(e), 9, false, false).setColor(SOURCE_COLOUR);
                    if (e.note() != null && !e.note().isBlank()) {
                        XWPFParagraph note = doc.createParagraph();
                        note.setIndentationLeft(567);
                        run(note, words.note(e), 9, false, true).setColor(SOURCE_COLOUR);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        }
    }

}
